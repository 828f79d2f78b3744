import { type ProcedureActor, RoleLabels } from '../auth/roles.ts';
import { formatRupiah } from '../core/money.ts';
import { Components } from './components.ts';
import { requirementText } from './intake.ts';
import type { Standard } from './standard.schema.ts';

/**
 * A standard shaped for publication on SIPPN (sippn.menpan.go.id), whose forms take each of the
 * 14 components as text. The structured standard travels beside it.
 */
const sippnKeys = {
  requirements: 'persyaratan',
  procedure: 'sistem_mekanisme_prosedur',
  timeLimit: 'jangka_waktu_penyelesaian',
  cost: 'biaya_tarif',
  products: 'produk_pelayanan',
  complaints: 'penanganan_pengaduan_saran_masukan',
  legalBasis: 'dasar_hukum',
  facilities: 'sarana_prasarana_fasilitas',
  competence: 'kompetensi_pelaksana',
  oversight: 'pengawasan_internal',
  staffing: 'jumlah_pelaksana',
  guarantees: 'jaminan_pelayanan',
  safety: 'jaminan_keamanan_keselamatan',
  evaluation: 'evaluasi_kinerja_pelaksana',
} as const;

const lines = (items: string[]) =>
  items.length === 1 ? (items[0] ?? '') : items.map((t, i) => `${i + 1}. ${t}`).join('\n');

/** A component as plain Indonesian text. */
export function componentText(s: Standard, key: keyof typeof sippnKeys): string {
  const d = s.delivery;
  switch (key) {
    case 'requirements':
      return [
        d.requirements.intro,
        lines(
          d.requirements.items.map((r) =>
            r.group ? `${r.group} ${requirementText(r)}` : requirementText(r),
          ),
        ),
      ]
        .filter(Boolean)
        .join('\n');
    case 'procedure':
      return [
        d.procedure.intro,
        lines(d.procedure.steps.map((st) => `${st.text} (${RoleLabels[st.role as ProcedureActor].id})`)),
      ]
        .filter(Boolean)
        .join('\n');
    case 'timeLimit':
      return d.timeLimit.text;
    case 'cost':
      return d.cost.amount !== undefined ? `${d.cost.text} (${formatRupiah(d.cost.amount)})` : d.cost.text;
    case 'products':
      return lines(d.products.map((p) => p.name));
    case 'complaints': {
      const c = d.complaints;
      return [
        c.intro,
        c.officer
          ? `Pejabat Pengelola Pengaduan: ${c.officer.name}${c.officer.nip ? `, NIP ${c.officer.nip}` : ''}, ${c.officer.position}`
          : undefined,
        c.handler ? `Petugas Pengaduan: ${c.handler}` : undefined,
        lines(c.channels.map((ch) => (ch.value ? `${ch.label}: ${ch.value}` : ch.label))),
        c.flow,
      ]
        .filter(Boolean)
        .join('\n');
    }
    case 'legalBasis':
      return lines(s.manufacturing.legalBasis.map((l) => l.text));
    default:
      return lines(s.manufacturing[key]);
  }
}

export function toSippnService(
  unit: { name: string; regionCode: string; regionName: string; maklumat: string },
  s: Standard,
  revision: { sha256: string; publishedAt: string },
) {
  return {
    instansi: { nama: unit.name, kode_wilayah: unit.regionCode, nama_wilayah: unit.regionName },
    nama_layanan: s.name,
    bidang: s.division.name,
    nomor_dokumen: s.document.number,
    revisi: s.document.revision,
    tanggal_efektif: s.document.effectiveDate ?? null,
    maklumat_pelayanan: unit.maklumat,
    komponen: Components.map((c) => ({
      nomor: c.number,
      kelompok: c.group === 'delivery' ? 'penyampaian_pelayanan' : 'pengelolaan_pelayanan',
      kunci: sippnKeys[c.key],
      komponen: c.label.id,
      uraian: componentText(s, c.key),
    })),
    jangka_waktu: s.delivery.timeLimit,
    sha256: revision.sha256,
    diterbitkan: revision.publishedAt,
    standar: s,
  };
}
