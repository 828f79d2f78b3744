import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasPermission } from './auth/auth.service.ts';
import { guard, requireAuth } from './auth/guard.ts';
import type { Permission } from './auth/permissions.ts';
import { countStandardsOfUnit } from './standards/standards.repository.ts';

const Label = z.object({ id: z.string(), en: z.string() });

/**
 * The staff navigation. Each later module fills its place by flipping `available`;
 * an item shows only to users with its permission.
 */
const navigation: Array<{
  key: string;
  label: z.infer<typeof Label>;
  path: string;
  permission: Permission;
  available: boolean;
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
    key: 'intake',
    label: { id: 'Permohonan Baru', en: 'New request' },
    path: '/staf/permohonan/baru',
    permission: 'cases.intake',
    available: true,
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
    available: false,
  },
  {
    key: 'reports',
    label: { id: 'Laporan Kinerja', en: 'Performance reports' },
    path: '/staf/laporan',
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

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/home',
    {
      schema: {
        tags: ['home'],
        response: {
          200: z.object({
            unit: z.object({ code: z.string(), name: z.string() }),
            roles: z.array(z.string()),
            nav: z.array(
              z.object({ key: z.string(), label: Label, path: z.string(), available: z.boolean() }),
            ),
            stats: z.array(z.object({ key: z.string(), label: Label, value: z.number() })),
          }),
        },
      },
      preValidation: guard('home.view'),
    },
    async (request) => {
      const ctx = requireAuth(request);
      const nav = navigation
        .filter((n) => hasPermission(ctx, n.permission))
        .map(({ key, label, path, available }) => ({ key, label, path, available }));
      const services = await countStandardsOfUnit(app.db, ctx.unit.id);
      return {
        unit: { code: ctx.unit.code, name: ctx.unit.name },
        roles: ctx.roles,
        nav,
        stats: [
          { key: 'services', label: { id: 'Layanan terbit', en: 'Published services' }, value: services },
        ],
      };
    },
  );
};
