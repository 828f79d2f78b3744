import { z } from 'zod';

export const VerifyParams = z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/) });

/**
 * What the public verification page shows of a letter (no personal data); with a file sent, whether
 * it is the letter as issued, its current signed scan, or a scan that was replaced (and when).
 */
export const LetterVerification = z.object({
  number: z.string(),
  issuedAt: z.string(),
  unit: z.string(),
  /** The issuing unit's IANA time zone (WIB/WITA/WIT), in which the letter is dated. */
  timeZone: z.string(),
  product: z.string(),
  /** The person who signed, as the letter prints them: acting prefix (Plt./Plh.) and a.n. included. */
  signer: z.object({
    name: z.string(),
    position: z.string(),
    nip: z.string().nullable(),
    rank: z.string().nullable(),
    acting: z.enum(['Plt.', 'Plh.']).nullable(),
    onBehalfOf: z.string().nullable(),
  }),
  sha256: z.string(),
  signedSha256: z.string().nullable(),
  uploadedSha256: z.string().optional(),
  matches: z.boolean().optional(),
  matched: z.enum(['issued', 'signed', 'replaced']).nullable().optional(),
  replacedAt: z.string().optional(),
});
export type LetterVerification = z.infer<typeof LetterVerification>;
