import type { AuthContext } from './auth/auth.service.ts';
import { hasPermission } from './auth/auth.service.ts';
import type { Permission } from './auth/permissions.ts';
import { workCountsOf } from './cases/case-list.service.ts';
import type { Clock } from './core/clock.ts';
import type { Db } from './db/client.ts';
import type { Home, Label } from './home.schema.ts';
import { countStandardsOfUnit } from './standards/standards.repository.ts';

/**
 * The staff navigation. Each later module fills its place by flipping `available`;
 * an item shows only to users with its permission, and one marked `aboveOnly` only in an office
 * that has an office above it on Jaring (a regency of a province that runs Jaring).
 */
const navigation: Array<{
  key: string;
  label: Label;
  path: string;
  permission: Permission;
  available: boolean;
  aboveOnly?: boolean;
}> = [
  {
    key: 'home',
    label: { id: 'Beranda', en: 'Home' },
    path: '/staf',
    permission: 'home.view',
    available: true,
  },
  {
    key: 'cases',
    label: { id: 'Permohonan', en: 'Requests' },
    path: '/staf/permohonan',
    permission: 'cases.read',
    available: true,
  },
  {
    key: 'case-list',
    label: { id: 'Semua Permohonan', en: 'All requests' },
    path: '/staf/permohonan/semua',
    permission: 'cases.read',
    available: true,
  },
  {
    key: 'intake',
    label: { id: 'Permohonan Baru', en: 'New request' },
    path: '/staf/permohonan/baru',
    permission: 'cases.intake',
    available: true,
  },
  {
    key: 'submission-new',
    label: { id: 'Ajukan Bantuan Logistik ke Provinsi', en: 'Request relief from the province' },
    path: '/staf/pengajuan/baru',
    permission: 'requests.submit',
    available: true,
    aboveOnly: true,
  },
  {
    key: 'submissions',
    label: { id: 'Pengajuan ke Provinsi', en: 'Requests to the province' },
    path: '/staf/pengajuan',
    permission: 'requests.submit',
    available: true,
    aboveOnly: true,
  },
  {
    key: 'registry',
    label: { id: 'Data Keluarga (DTKS/DTSEN)', en: 'Family register (DTKS/DTSEN)' },
    path: '/staf/registri',
    permission: 'registry.read',
    available: true,
  },
  {
    key: 'registry-import',
    label: { id: 'Impor Data Keluarga', en: 'Register import' },
    path: '/staf/registri/impor',
    permission: 'registry.import',
    available: true,
  },
  {
    key: 'complaints',
    label: { id: 'Pengaduan', en: 'Complaints' },
    path: '/staf/pengaduan',
    permission: 'complaints.handle',
    available: true,
  },
  {
    key: 'reports',
    label: { id: 'Laporan Kinerja', en: 'Performance reports' },
    path: '/staf/laporan',
    permission: 'reports.read',
    available: true,
  },
  {
    key: 'survey',
    label: { id: 'Survei Kepuasan (SKM)', en: 'Satisfaction survey (SKM)' },
    path: '/staf/survei',
    permission: 'reports.read',
    available: true,
  },
  {
    key: 'cashbook',
    label: { id: 'Buku Kas Kehabisan Bekal', en: 'Stranded-traveller cash book' },
    path: '/staf/kas',
    permission: 'cases.read',
    available: true,
  },
  {
    key: 'emergencies',
    label: { id: 'Status Tanggap Darurat', en: 'Emergencies' },
    path: '/staf/tanggap-darurat',
    permission: 'cases.read',
    available: true,
  },
  {
    key: 'stock',
    label: { id: 'Gudang dan Stok', en: 'Warehouse and stock' },
    path: '/staf/stok',
    permission: 'stock.read',
    available: true,
  },
  {
    key: 'logistics-distributions',
    label: { id: 'Penyaluran Logistik', en: 'Relief distributions' },
    path: '/staf/logistik/penyaluran',
    permission: 'stock.read',
    available: true,
  },
  {
    key: 'logistics-requests',
    label: { id: 'Umur Permohonan Logistik', en: 'Relief request ages' },
    path: '/staf/logistik/permohonan',
    permission: 'stock.read',
    available: true,
  },
  {
    key: 'stock-receipt',
    label: { id: 'Barang Masuk', en: 'Goods receipt' },
    path: '/staf/stok/barang-masuk',
    permission: 'stock.manage',
    available: true,
  },
  {
    key: 'stock-count',
    label: { id: 'Stok Opname', en: 'Stock count' },
    path: '/staf/stok/opname',
    permission: 'stock.manage',
    available: true,
  },
  {
    key: 'standards',
    label: { id: 'Standar Pelayanan', en: 'Service standards' },
    path: '/staf/standar',
    permission: 'standards.read',
    available: true,
  },
  {
    key: 'audit',
    label: { id: 'Jejak Audit', en: 'Audit trail' },
    path: '/staf/audit',
    permission: 'audit.read',
    available: true,
  },
  {
    key: 'users',
    label: { id: 'Pengguna dan Bidang', en: 'Users and divisions' },
    path: '/staf/pengguna',
    permission: 'users.manage',
    available: true,
  },
  {
    key: 'open311',
    label: { id: 'Open311 (Aplikasi Mitra)', en: 'Open311 (partner apps)' },
    path: '/staf/open311',
    permission: 'units.manage',
    available: true,
  },
  {
    key: 'calendar',
    label: { id: 'Kalender Kerja', en: 'Working calendar' },
    path: '/staf/kalender',
    permission: 'home.view',
    available: true,
  },
  {
    key: 'account',
    label: { id: 'Akun Saya', en: 'My account' },
    path: '/staf/akun',
    permission: 'home.view',
    available: true,
  },
];

/** The staff home for a signed-in user: what their navigation shows and the unit's figures. */
export async function homeOf(db: Db, ctx: AuthContext, clock: Clock): Promise<Home> {
  const nav = navigation
    .filter((n) => hasPermission(ctx, n.permission) && (!n.aboveOnly || ctx.unit.parentId !== null))
    .map(({ key, label, path, available }) => ({ key, label, path, available }));
  const services = await countStandardsOfUnit(db, ctx.unit.id);
  return {
    unit: { code: ctx.unit.code, name: ctx.unit.name },
    roles: ctx.roles,
    nav,
    stats: [{ key: 'services', label: { id: 'Layanan terbit', en: 'Published services' }, value: services }],
    work: hasPermission(ctx, 'cases.read') ? await workCountsOf(db, ctx, clock) : [],
  };
}
