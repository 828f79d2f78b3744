import { z } from 'zod';
import { IntakeField } from './intake.schema.ts';
import { Product, Requirement, type Standard, TimeLimit } from './standard.schema.ts';

/** A standard's slug in a URL, and a unit's code. */
export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/);
export const UnitParams = z.object({ unit: Slug });
export const StandardParams = z.object({ unit: Slug, id: Slug });
/**
 * A standard as stored at publication, where `Standard` (with the linter's rules) checked it:
 * answers carry it unchecked, since checking it again on every read cost the public standard
 * page three quarters of its throughput. The OpenAPI document shows it as any object.
 */
const PublishedStandard = z.custom<Standard>((v) => typeof v === 'object' && v !== null);
export const PdfQuery = z.object({ lang: z.enum(['id', 'en']).optional() });
export const PublishInput = z.object({
  yaml: z.string().min(1).max(1_000_000),
  fileName: z.string().max(200).optional(),
});
export type PublishInput = z.infer<typeof PublishInput>;

/** The head of an office as its letters and public page name them. */
export const OfficialView = z.object({
  name: z.string(),
  rank: z.string().optional(),
  nip: z.string().optional(),
  position: z.string(),
});
export type OfficialView = z.infer<typeof OfficialView>;

const UnitBase = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'regency', 'city']),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  website: z.string(),
});

/** An office in the public list, with how many services it has published. */
export const UnitSummary = UnitBase.extend({ serviceCount: z.number().int() });
export type UnitSummary = z.infer<typeof UnitSummary>;
export const UnitList = z.object({ units: z.array(UnitSummary) });
export type UnitList = z.infer<typeof UnitList>;

/** An office's public page header: its maklumat (service pledge), head and letterhead. */
export const PublicUnit = UnitBase.extend({
  maklumat: z.string(),
  head: OfficialView.nullable(),
  letterhead: z.array(z.string()),
});
export type PublicUnit = z.infer<typeof PublicUnit>;

const Division = z.object({ code: z.string(), name: z.string() });

/** A published service in an office's public list. */
export const ServiceSummary = z.object({
  id: z.string(),
  name: z.string(),
  division: Division,
  timeLimit: z.object({ kind: z.string(), text: z.string() }),
  documentNumber: z.string(),
  revision: z.string(),
  effectiveDate: z.string().nullable(),
});
export type ServiceSummary = z.infer<typeof ServiceSummary>;
export const UnitPage = z.object({ unit: PublicUnit, services: z.array(ServiceSummary) });
export type UnitPage = z.infer<typeof UnitPage>;

export const RevisionInfo = z.object({
  revision: z.string(),
  effectiveDate: z.string().nullable(),
  publishedAt: z.string(),
  sha256: z.string(),
  inForce: z.boolean(),
  uploadedBy: z.number().int().nullable(),
});
export type RevisionInfo = z.infer<typeof RevisionInfo>;

/** A standard as the public sees it: the revision in force, and the list of revisions. */
export const StandardPage = z.object({
  unit: PublicUnit,
  standard: PublishedStandard,
  revision: RevisionInfo.omit({ inForce: true, uploadedBy: true }),
  revisions: z.array(RevisionInfo.omit({ uploadedBy: true, sha256: true })),
});
export type StandardPage = z.infer<typeof StandardPage>;

/** A standard in the staff list, with its revisions whether in force or not yet. */
export const StaffStandard = z.object({
  id: z.string(),
  name: z.string(),
  division: Division,
  /** Whether requests for it can be opened (its revision declares a workflow). */
  hasWorkflow: z.boolean(),
  products: z.array(Product),
  requirements: z.array(Requirement),
  /** The questions asked at intake, which requirements' `when` name. */
  intake: z.array(IntakeField),
  inForce: RevisionInfo.nullable(),
  revisions: z.array(RevisionInfo),
});
export type StaffStandard = z.infer<typeof StaffStandard>;
export const StaffStandardList = z.object({ standards: z.array(StaffStandard) });
export type StaffStandardList = z.infer<typeof StaffStandardList>;

export const Published = z.object({ id: z.string(), revision: z.string(), revisionId: z.number().int() });
export type Published = z.infer<typeof Published>;

/** One service in the SIPPN export: the 14 components in SIPPN's own (Indonesian) keys. */
export const SippnService = z.object({
  instansi: z.object({ nama: z.string(), kode_wilayah: z.string(), nama_wilayah: z.string() }),
  nama_layanan: z.string(),
  bidang: z.string(),
  nomor_dokumen: z.string(),
  revisi: z.string(),
  tanggal_efektif: z.string().nullable(),
  maklumat_pelayanan: z.string(),
  komponen: z.array(
    z.object({
      nomor: z.number().int(),
      kelompok: z.string(),
      kunci: z.string(),
      komponen: z.string(),
      uraian: z.string(),
    }),
  ),
  jangka_waktu: TimeLimit,
  sha256: z.string(),
  diterbitkan: z.string(),
  standar: PublishedStandard,
});
export const SippnExport = z.object({
  format: z.literal('jaring-sippn-1'),
  generatedAt: z.string(),
  units: z.array(
    z.object({
      unit: z.object({ code: z.string(), name: z.string(), regionCode: z.string() }),
      services: z.array(SippnService),
    }),
  ),
});
export type SippnExport = z.infer<typeof SippnExport>;
