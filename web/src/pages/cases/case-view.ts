import type { CaseActionView, CaseDetail } from '@jaring/cases/cases.schema.ts';
import type { PayoutResult } from '@jaring/relief/relief.schema.ts';
import { formatDateTime } from '../../format.ts';
import type { Lang } from '../../i18n/texts.ts';

export type { AvailableAction as WorkflowAction } from '@jaring/cases/cases.schema.ts';
export type { ClaimsPreview } from '@jaring/relief/relief.schema.ts';

/**
 * The case page's answer. An action's `data` is whatever its form and effect recorded (the server
 * leaves it open); the page reads only the payout effect's result from it.
 */
export type CaseView = Omit<CaseDetail, 'actions'> & {
  actions: Array<Omit<CaseActionView, 'data'> & { data: { result?: Partial<PayoutResult> } | null }>;
};

/** A moment in the unit's own time zone (WIB/WITA/WIT), whatever the viewer's computer says. */
export const unitTime = (iso: string | null, lang: Lang, timeZone?: string) =>
  formatDateTime(iso, lang, { dateStyle: 'medium', timeZone });
