import { z } from 'zod';
import { IdParam } from '../core/ids.ts';

/** NIP (Nomor Induk Pegawai): 18 digits, stored in the printed groups `19680318 199403 1 007`. */
export const NipInput = z
  .string()
  .trim()
  .transform((v) => v.replace(/\s/g, ''))
  .refine((v) => /^\d{18}$/.test(v), {
    error: (i) =>
      `NIP harus 18 angka, tercatat ${String(i.input).replace(/\D/g, '').length} / NIP must have 18 digits`,
  })
  .transform((v) => `${v.slice(0, 8)} ${v.slice(8, 14)} ${v.slice(14, 15)} ${v.slice(15)}`);

/** An optional text of the official data: blank clears it (null). */
const clearable = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const ActingPrefix = z.enum(['Plt.', 'Plh.']);
export type ActingPrefix = z.infer<typeof ActingPrefix>;

export const DivisionRef = z.object({ code: z.string(), name: z.string() });
export type DivisionRef = z.infer<typeof DivisionRef>;

/** A user of the unit as the administrator sees it: identity, official data, division, roles. */
export const UnitUser = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  nip: z.string().nullable(),
  /** Pangkat/golongan, e.g. `Pembina Utama Muda/IV-c`. */
  rank: z.string().nullable(),
  position: z.string().nullable(),
  acting: ActingPrefix.nullable(),
  division: DivisionRef.nullable(),
  roles: z.array(z.string()),
  active: z.boolean(),
});
export type UnitUser = z.infer<typeof UnitUser>;

export const UnitUserList = z.object({ users: z.array(UnitUser), divisions: z.array(DivisionRef) });
export type UnitUserList = z.infer<typeof UnitUserList>;

export const UnitUserParams = z.object({ id: IdParam });

/** The fields an administrator may change; a field left out stays, null (or blank) clears it. */
export const UnitUserUpdate = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    nip: z
      .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), NipInput.nullable())
      .optional(),
    rank: clearable(100),
    position: clearable(200),
    /** The code of one of the unit's divisions; null: the user sits in none. */
    division: z.string().trim().min(1).max(100).nullable().optional(),
    acting: ActingPrefix.nullable().optional(),
  })
  .strict();
export type UnitUserUpdate = z.infer<typeof UnitUserUpdate>;

/** How the unit's divisions scope the steps of its services (`cases/divisions.ts`). */
export const UnitDivisionSettings = z.object({
  /** A small office: one head and one team for all divisions, so no step is scoped to a division. */
  oneHeadForAllDivisions: z.boolean(),
  divisions: z.array(DivisionRef),
});
export type UnitDivisionSettings = z.infer<typeof UnitDivisionSettings>;
export const UnitDivisionSettingsInput = UnitDivisionSettings.pick({ oneHeadForAllDivisions: true });
