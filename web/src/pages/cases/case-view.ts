import { formatDateTime } from '../../format.ts';
import type { Lang } from '../../i18n/texts.ts';

export interface WorkflowAction {
  id: string;
  label: string;
  kind: 'forward' | 'complete' | 'reject' | 'return';
  fields?: Array<{ id: string; label: string; kind: 'text' | 'region' | 'number'; required: boolean }>;
}

export interface ClaimsPreview {
  kind: 'relief.claims';
  nik: string | null;
  claims: Array<{
    unit: string;
    paidAt: string;
    amount: number;
    originCode: string;
    destinationCode: string;
  }>;
  tariffs: Record<string, number | null>;
}

export interface CaseView {
  case: {
    id: number;
    trackingCode: string;
    product: string | null;
    applicant: { name: string; nik?: string; phone?: string };
    status: string;
    version: number;
    dueAt: string | null;
    openedAt: string;
    flags: string[];
  };
  /** Whether this user may ask for the applicant's full NIK (`POST /api/cases/:id/reveal`). */
  mayRevealNik: boolean;
  standard: { id: string; name: string; products: Array<{ id: string; name: string }> };
  labels: Record<string, { label: string; actions: Record<string, string> }>;
  state: {
    status: 'open' | 'returned' | 'done' | 'rejected';
    reason: string | null;
    assignee: number | null;
  };
  step: { id: string; label: string; role: string } | null;
  available: WorkflowAction[];
  previews: Record<string, ClaimsPreview | Record<string, unknown>>;
  missing: Array<{ id: string; text: string }>;
  actions: Array<{
    seq: number;
    at: string;
    role: string;
    step: string | null;
    action: string;
    note: string | null;
    data: { result?: { payoutId?: number; amount?: number } } | null;
  }>;
  documents: Array<{ id: number; requirementId: string; fileName: string; size: number; sha256: string }>;
  letters: Array<{
    id: number;
    number: string;
    title: string;
    issuedAt: string;
    verificationCode: string;
    signedScans: Array<{
      sha256: string;
      uploadedAt: string;
      uploadedBy: { id: number; name: string } | null;
      reason: string | null;
      replaced: boolean;
    }>;
  }>;
}

/** A moment in the unit's own time zone (WIB/WITA/WIT), whatever the viewer's computer says. */
export const unitTime = (iso: string | null, lang: Lang, timeZone?: string) =>
  formatDateTime(iso, lang, { dateStyle: 'medium', timeZone });
