import { z } from 'zod';
import { DistanceClasses } from './relief.tables.ts';

export const DistanceClass = z.enum(DistanceClasses);

/** A unit's tariff per distance class; null where the unit has set none yet. */
export const Tariffs = z.object({
  dalam_provinsi: z.number().int().nullable(),
  antar_provinsi: z.number().int().nullable(),
  antar_pulau: z.number().int().nullable(),
});
export type Tariffs = z.infer<typeof Tariffs>;
export const TariffsAnswer = z.object({ tariffs: Tariffs });
export type TariffsAnswer = z.infer<typeof TariffsAnswer>;

export const TariffParams = z.object({ distanceClass: DistanceClass });
export const TariffInput = z.object({ amount: z.number().int().min(0).max(100_000_000) });
export type TariffInput = z.infer<typeof TariffInput>;

export const NikParams = z.object({ nik: z.string().regex(/^\d{16}$/) });

/** An earlier payout to a NIK, in any office: the repeat-claim check (DOMAIN.md §7). */
export const Claim = z.object({
  unit: z.string(),
  paidAt: z.string(),
  amount: z.number().int(),
  originCode: z.string(),
  destinationCode: z.string(),
  /** The regions' names, for reading (`Kabupaten Sragen`); the codes are for machines. */
  originName: z.string(),
  destinationName: z.string(),
  caseId: z.number().int(),
});
export type Claim = z.infer<typeof Claim>;
export const ClaimsAnswer = z.object({ claims: z.array(Claim) });
export type ClaimsAnswer = z.infer<typeof ClaimsAnswer>;

/** A line of the unit's cash book; the NIK masked. */
export const Payout = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  caseId: z.number().int(),
  nik: z.string().nullable(),
  name: z.string(),
  originCode: z.string(),
  destinationCode: z.string(),
  legToCode: z.string(),
  /** The regions' names, for reading (`Kabupaten Sragen`); the codes are for machines. */
  originName: z.string(),
  destinationName: z.string(),
  legToName: z.string(),
  distanceClass: DistanceClass,
  amount: z.number().int(),
  paidAt: z.string(),
  paidBy: z.number().int().nullable(),
  receiptSha256: z.string(),
});
export type Payout = z.infer<typeof Payout>;
export const CashBook = z.object({ payouts: z.array(Payout), total: z.number().int() });
export type CashBook = z.infer<typeof CashBook>;

/**
 * The leg the payout would pay for the form's current data: this office → `to`, by region
 * name. `problem` (an error code, e.g. `relief.invalid` while a region is missing, or
 * `relief.no_tariff`) when it cannot be paid yet; the amount is then null.
 */
export const LegPreview = z.object({
  amount: z.number().int().nullable(),
  distanceClass: DistanceClass.nullable(),
  from: z.string(),
  to: z.string().nullable(),
  origin: z.string().nullable(),
  destination: z.string().nullable(),
  problem: z.string().nullable(),
});
export type LegPreview = z.infer<typeof LegPreview>;

/** The repeat-claim check the payout action's preview shows on the case page. */
export const ClaimsPreview = z.object({
  kind: z.literal('relief.claims'),
  nik: z.string().nullable(),
  claims: z.array(Claim.extend({ originName: z.string(), destinationName: z.string() })),
  tariffs: Tariffs,
  /** With the form's data (`POST /api/cases/:id/preview`): the leg it would pay. */
  leg: LegPreview.nullable(),
});
export type ClaimsPreview = z.infer<typeof ClaimsPreview>;

/** What the payout effect records in its action's data: the payout, its amount and receipt. */
export const PayoutResult = z.object({
  payoutId: z.number().int().optional(),
  amount: z.number().int(),
  distanceClass: DistanceClass,
  /** Where the leg paid ends: the next relay office, or the destination. */
  legToCode: z.string().optional(),
  receiptSha256: z.string(),
  /** Why a repeat claimant was paid again, and how many earlier payouts they had. */
  repeatReason: z.string().optional(),
  earlierClaims: z.number().int().optional(),
});
export type PayoutResult = z.infer<typeof PayoutResult>;
