import { z } from 'zod';
import { msg } from '../core/parse-language.ts';
import { Declarers, DecreeKinds } from './emergencies.tables.ts';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg({ id: 'tanggal seperti 2026-12-01', en: 'a date like 2026-12-01' }));
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, msg({ id: 'tidak boleh kosong', en: 'must not be empty' }))
    .max(max, msg({ id: `paling panjang ${max} karakter`, en: `at most ${max} characters` }));

export const Declarer = z.enum(Declarers);

/** A decree as recorded: its number, date and who signed it. */
const DecreeFields = { number: text(120), decreedOn: day, declaredBy: Declarer };

export const DeclareEmergencyInput = z
  .object({
    ...DecreeFields,
    disaster: text(120),
    /** Kemendagri codes of the regencies, cities or districts under the emergency. */
    areas: z
      .array(z.string().trim().max(20))
      .min(1, msg({ id: 'wilayah wajib diisi', en: 'an area is required' }))
      .max(100),
    startsOn: day,
    endsOn: day,
  })
  .strict();
export type DeclareEmergencyInput = z.infer<typeof DeclareEmergencyInput>;

export const ExtendEmergencyInput = z.object({ ...DecreeFields, endsOn: day }).strict();
export type ExtendEmergencyInput = z.infer<typeof ExtendEmergencyInput>;

export const EndEmergencyInput = z.object({ ...DecreeFields, note: text(500).optional() }).strict();
export type EndEmergencyInput = z.infer<typeof EndEmergencyInput>;

export const EmergencyStatus = z.enum(['upcoming', 'active', 'expired', 'ended']);
export type EmergencyStatus = z.infer<typeof EmergencyStatus>;

export const EmergencyArea = z.object({ code: z.string(), name: z.string() });

export const Decree = z.object({
  kind: z.enum(DecreeKinds),
  number: z.string(),
  decreedOn: z.string(),
  declaredBy: Declarer,
  endsOn: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});
export type Decree = z.infer<typeof Decree>;

export const Emergency = z.object({
  id: z.number().int(),
  disaster: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  endedAt: z.string().nullable(),
  status: EmergencyStatus,
  areas: z.array(EmergencyArea),
  /** Every decree, oldest first: the declaration, then extensions, then a termination. */
  decrees: z.array(Decree),
});
export type Emergency = z.infer<typeof Emergency>;

export const EmergencyList = z.object({ emergencies: z.array(Emergency) });
export type EmergencyList = z.infer<typeof EmergencyList>;
