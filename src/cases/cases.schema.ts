import { z } from 'zod';

export const OpenCaseInput = z.object({
  standardId: z.string().regex(/^[a-z0-9-]{1,80}$/),
  product: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional(),
  applicant: z.object({
    name: z.string().trim().min(1).max(200),
    nik: z
      .string()
      .regex(/^\d{16}$/, 'NIK 16 digit')
      .optional(),
    phone: z.string().trim().max(30).optional(),
  }),
});
export type OpenCaseInput = z.infer<typeof OpenCaseInput>;

export const ActInput = z.object({
  action: z.string().regex(/^[a-z0-9$-]{1,80}$/),
  note: z.string().trim().max(2000).optional(),
  /** The number of actions the client saw; a stale view gets 409. */
  version: z.number().int().min(1),
  /** Form data the step's effect needs (e.g. origin and destination of a traveller). */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type ActInput = z.infer<typeof ActInput>;

/** Why a user asks to see an applicant's full NIK; recorded in the audit chain. */
export const RevealInput = z.object({
  reason: z.string().trim().min(5, 'alasan minimal 5 karakter').max(300),
});
export type RevealInput = z.infer<typeof RevealInput>;
