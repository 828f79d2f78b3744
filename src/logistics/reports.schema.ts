import { z } from 'zod';
import { CaseStatus, StepDeadlineView } from '../cases/cases.schema.ts';
import { IdParam } from '../core/ids.ts';
import { UnitParams } from '../standards/standards.schema.ts';
import { EmergencyStatus } from './emergencies.schema.ts';
import { Declarers, DecreeKinds } from './emergencies.tables.ts';

/**
 * The reports of relief logistics beyond the stock: what was distributed under each emergency
 * and to which regency, how old the open requests are, and the public page of an emergency.
 */

const Place = z.object({ code: z.string(), name: z.string() });

/**
 * One item's movements for a set of requests, in the item's unit of measure. The quantities
 * are disjoint: dispatched = in transit + received + returned + written off.
 */
export const DistributionLine = z.object({
  itemId: z.number().int(),
  name: z.string(),
  uom: z.string(),
  /** Approved and reserved in the warehouse, not yet dispatched. */
  reserved: z.number().int(),
  dispatched: z.number().int(),
  /** Dispatched under a request whose handover (BAST) is not recorded yet. */
  inTransit: z.number().int(),
  /** Handed over and signed for in a BAST. */
  received: z.number().int(),
  /** Back in the warehouse after the handover (a shortfall). */
  returned: z.number().int(),
  /** Came back damaged, or was lost, and was written off. */
  writtenOff: z.number().int(),
});
export type DistributionLine = z.infer<typeof DistributionLine>;

/** A regency or city (or a province, when the request named one): its requests, BASTs and items. */
export const DistributionArea = Place.extend({
  requests: z.number().int(),
  basts: z.number().int(),
  lines: z.array(DistributionLine),
});
export type DistributionArea = z.infer<typeof DistributionArea>;

export const EmergencySummary = z.object({
  id: z.number().int(),
  disaster: z.string(),
  status: EmergencyStatus,
  startsOn: z.string(),
  endsOn: z.string(),
  /** The declaration decree's number. */
  decree: z.string(),
  areas: z.array(Place),
});
export type EmergencySummary = z.infer<typeof EmergencySummary>;

export const EmergencyDistribution = z.object({
  emergency: EmergencySummary,
  requests: z.number().int(),
  basts: z.number().int(),
  areas: z.array(DistributionArea),
  totals: z.array(DistributionLine),
});
export type EmergencyDistribution = z.infer<typeof EmergencyDistribution>;

export const DistributionQuery = z.object({ emergencyId: IdParam.optional() });
export type DistributionQuery = z.infer<typeof DistributionQuery>;

export const DistributionReport = z.object({
  /** When the figures were read (ISO 8601). */
  asOf: z.string(),
  /** Per emergency (newest first), each per regency. */
  emergencies: z.array(EmergencyDistribution),
  /** Per regency over the emergencies shown. */
  regencies: z.array(DistributionArea),
});
export type DistributionReport = z.infer<typeof DistributionReport>;

/** Which requests the age report lists: still waiting (default), closed, or all. */
export const RequestStatusFilter = z.enum(['waiting', 'closed', 'all']);
export type RequestStatusFilter = z.infer<typeof RequestStatusFilter>;

export const RequestAgeQuery = z.object({
  status: RequestStatusFilter.default('waiting'),
  emergencyId: IdParam.optional(),
});
export type RequestAgeQuery = z.infer<typeof RequestAgeQuery>;

export const RequestAgeRow = z.object({
  caseId: z.number().int(),
  trackingCode: z.string(),
  /** The requesting post, village or district. */
  applicant: z.string(),
  area: Place.nullable(),
  regency: Place.nullable(),
  requestingOffice: z.string().nullable(),
  emergency: z.object({ id: z.number().int(), disaster: z.string(), status: EmergencyStatus }).nullable(),
  status: CaseStatus,
  /** The step's label; null once closed. */
  step: z.string().nullable(),
  openedAt: z.string(),
  /** When the request reached its current step (its latest action). */
  lastStepAt: z.string(),
  closedAt: z.string().nullable(),
  /** Calendar days (the office's time zone) from opening to today, or to the closing. */
  ageDays: z.number().int(),
  /** Calendar days at the current step; null once closed. */
  daysAtStep: z.number().int().nullable(),
  /** The standard's time limit for this request: a moment (a duration) or a last day (a cycle). */
  due: z.string().nullable(),
  /** Past the time limit: still open after it, or closed after it. */
  overdue: z.boolean(),
  /** The Kepala Bidang's decision against its deadline by the request's priority. */
  deadline: StepDeadlineView.nullable(),
});
export type RequestAgeRow = z.infer<typeof RequestAgeRow>;

export const RequestStepCount = z.object({
  status: CaseStatus,
  step: z.string().nullable(),
  count: z.number().int(),
  overdue: z.number().int(),
  oldestDays: z.number().int(),
});
export type RequestStepCount = z.infer<typeof RequestStepCount>;

export const RequestAgeReport = z.object({
  asOf: z.string(),
  /** The standard's time limit as published (`1 (satuan) tahun berjalan`); null without requests. */
  timeLimit: z.string().nullable(),
  /** Per step and status, in the workflow's order, closed ones last. */
  steps: z.array(RequestStepCount),
  /** Oldest first. */
  requests: z.array(RequestAgeRow),
});
export type RequestAgeReport = z.infer<typeof RequestAgeReport>;

// ---- the public page of an emergency: no personal data --------------------------------------

export const PublicEmergencyListParams = UnitParams;
export const PublicEmergencyParams = UnitParams.extend({ id: IdParam });

/** An emergency as the public reads it: its decrees, area, dates and status. */
export const PublicEmergencySummary = z.object({
  id: z.number().int(),
  disaster: z.string(),
  status: EmergencyStatus,
  startsOn: z.string(),
  endsOn: z.string(),
  /** The day it was ended by decree, if it was. */
  endedOn: z.string().nullable(),
  areas: z.array(Place),
});
export type PublicEmergencySummary = z.infer<typeof PublicEmergencySummary>;

export const PublicEmergencyList = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  /** Active ones and those that ended within the last 30 days, newest first. */
  emergencies: z.array(PublicEmergencySummary),
});
export type PublicEmergencyList = z.infer<typeof PublicEmergencyList>;

export const PublicDelivered = z.object({
  name: z.string(),
  uom: z.string(),
  /** Handed over, signed for in a BAST. */
  delivered: z.number().int(),
  /** Sent and not yet handed over. */
  inTransit: z.number().int(),
});
export type PublicDelivered = z.infer<typeof PublicDelivered>;

export const PublicEmergency = PublicEmergencySummary.extend({
  unit: z.object({ code: z.string(), name: z.string() }),
  decrees: z.array(
    z.object({
      kind: z.enum(DecreeKinds),
      number: z.string(),
      decreedOn: z.string(),
      declaredBy: z.enum(Declarers),
      endsOn: z.string(),
    }),
  ),
  /**
   * Requests received under the emergency: handed over (BAST), still in process, and closed
   * unserved (refused, or withdrawn after it was no longer needed).
   */
  requests: z.number().int(),
  handedOver: z.number().int(),
  inProcess: z.number().int(),
  notServed: z.number().int(),
  /** Per regency: what was sent there, and the days of its handovers (BAST), with how many. */
  sent: z.array(
    Place.extend({
      items: z.array(PublicDelivered),
      handovers: z.array(z.object({ on: z.string(), count: z.number().int() })),
    }),
  ),
  totals: z.array(PublicDelivered),
  asOf: z.string(),
});
export type PublicEmergency = z.infer<typeof PublicEmergency>;
