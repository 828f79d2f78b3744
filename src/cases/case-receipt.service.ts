import { findUserById } from '../auth/auth.repository.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { calendarOf } from '../calendar/calendar.service.ts';
import type { Clock } from '../core/clock.ts';
import type { Language } from '../core/i18n.ts';
import { surveyUrlOf } from '../core/survey-token.ts';
import type { Db } from '../db/client.ts';
import { renderReceiptPdf } from '../documents/receipt.pdf.ts';
import { requirementText } from '../standards/intake.ts';
import { getCase, loadCase } from './cases.service.ts';
import type { Effects } from './effects.ts';

/**
 * The receipt (tanda terima permohonan) the desk hands the applicant, as a PDF: the request, the
 * papers received (ticked at the desk and scanned), the tracking code with its QR, the due time
 * and the receiving officer. The NIK is masked as on every page (`core/privacy.ts`).
 */
export async function receiptPdfOf(
  db: Db,
  env: { effects: Effects; clock: Clock; publicUrl: string; surveyKey: Buffer },
  ctx: AuthContext,
  id: number,
  lang: Language,
): Promise<{ fileName: string; pdf: Buffer }> {
  const v = await getCase(db, env, ctx, id);
  const { standard, actions } = await loadCase(db, ctx, id);
  const unit = ctx.unit;
  const calendar = await calendarOf(db, unit.id);
  const openerId = actions.find((a) => a.action === 'open')?.userId ?? null;
  const officer = openerId === null ? undefined : await findUserById(db, openerId);
  const seen = new Set(v.papersSeen?.items.map((p) => p.id) ?? []);
  const files = (requirementId: string) =>
    v.documents
      .filter((d) => d.requirementId === requirementId && d.replacedBy === null && d.removedAt === null)
      .map((d) => d.fileName);
  const papers = standard.delivery.requirements.items
    .map((r) => ({ text: requirementText(r), seen: seen.has(r.id), files: files(r.id) }))
    .filter((p) => p.seen || p.files.length > 0);
  const base = env.publicUrl.replace(/\/$/, '');
  const pdf = await renderReceiptPdf({
    lang,
    unit: {
      name: unit.name,
      letterhead: unit.letterhead,
      address: unit.address,
      phone: unit.phone,
      timeZone: unit.timeZone,
      place: unit.letterPlace,
      officeHours: calendar.officeHours,
    },
    trackingCode: v.case.trackingCode,
    trackPage: `${base}/lacak`,
    trackUrl: `${base}/lacak/${encodeURIComponent(v.case.trackingCode)}`,
    service: v.standard.name,
    product: v.standard.products.find((p) => p.id === v.case.product)?.name ?? null,
    applicant: { name: v.case.applicant.name, nik: v.case.applicant.nik ?? null },
    receivedAt: v.case.openedAt,
    dueAt: v.case.dueAt,
    papers,
    officer: officer ? { name: officer.name, nip: officer.nip } : null,
    surveyUrl: surveyUrlOf(env.publicUrl, env.surveyKey, v.case.trackingCode),
  });
  return { fileName: `tanda-terima-${v.case.trackingCode}.pdf`, pdf };
}
