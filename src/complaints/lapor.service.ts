/**
 * SP4N-LAPOR! in Jaring: reports an agency received in LAPOR! come in from a file and become
 * complaints of channel `lapor` that keep their LAPOR! id; their follow-ups (tindak lanjut) are
 * written here and go back to LAPOR! as a file. LAPOR!'s own clocks run beside the legal
 * timers (`lapor.clock.ts`, read by the complaint's timers).
 */
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/audit.service.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import { offsetMinutes } from '../core/calendar.ts';
import { todayIn } from '../core/dates.ts';
import { DomainError, type Problem, ValidationError } from '../core/errors.ts';
import type { Language } from '../core/i18n.ts';
import { storableText } from '../core/text.ts';
import type { Db } from '../db/client.ts';
import * as complaintsRepo from './complaints.repository.ts';
import { type ComplaintEnv, fileComplaint, project, recordEvent } from './complaints.service.ts';
import { complaints } from './complaints.tables.ts';
import { followUpsCsv, followUpsXlsx } from './lapor.export.ts';
import { checkRows, type LaporRow, locateColumns, type RawTable, readLaporFile } from './lapor.import.ts';
import { defaultMapping, effectiveMapping, LaporMapping, layoutName } from './lapor.mapping.ts';
import * as repo from './lapor.repository.ts';
import type {
  FollowUpList,
  FollowUpQuery,
  LaporComplaintView,
  LaporFollowUpInput,
  LaporImportDone,
  LaporMappingInput,
  LaporMappingView,
  LaporPreview,
} from './lapor.schema.ts';
import { laporFollowUps, laporImports, laporReports } from './lapor.tables.ts';

export interface LaporFile {
  bytes: Buffer;
  fileName: string;
}

/** Problems shown at most, in a refusal; the preview lists every row. */
const shownProblems = 200;

async function unitMapping(db: Db, unitId: number): Promise<LaporMapping | undefined> {
  const saved = await repo.savedMappingOf(db, unitId);
  if (!saved) return undefined;
  const parsed = LaporMapping.safeParse(saved.mapping);
  return parsed.success ? parsed.data : undefined;
}

export async function laporMappingOf(db: Db, ctx: AuthContext): Promise<LaporMappingView> {
  const saved = await repo.savedMappingOf(db, ctx.unit.id);
  const mapping = await unitMapping(db, ctx.unit.id);
  return {
    layout: layoutName,
    custom: mapping !== undefined,
    mapping: mapping ?? { layout: layoutName, columns: {}, classes: {}, statuses: {} },
    defaults: defaultMapping,
    updatedAt: mapping ? (saved?.updatedAt.toISOString() ?? null) : null,
  };
}

/** Saves the unit's mapping (laid over the defaults), or drops it with `null`. */
export async function saveLaporMapping(
  db: Db,
  ctx: AuthContext,
  actor: Actor,
  input: LaporMappingInput,
  now: Date,
): Promise<LaporMappingView> {
  await db.transaction(async (tx) => {
    await repo.saveMapping(tx, ctx.unit.id, input.mapping, ctx.user.id, now);
    await recordAudit(tx, actor, {
      action: input.mapping ? 'lapor.mapping_save' : 'lapor.mapping_reset',
      entity: 'lapor_settings',
      entityId: ctx.unit.id,
      unitId: ctx.unit.id,
      after: input.mapping ?? {},
    });
  });
  return laporMappingOf(db, ctx);
}

interface Analysis {
  table: RawTable | null;
  fileProblems: Problem[];
  rows: LaporRow[];
  problems: Problem[];
  existing: Map<string, { complaintId: number; trackingCode: string }>;
}

async function analyse(db: Db, ctx: AuthContext, file: LaporFile, now: Date): Promise<Analysis> {
  const read = await readLaporFile(file.bytes, file.fileName);
  if (Array.isArray(read))
    return { table: null, fileProblems: read, rows: [], problems: [], existing: new Map() };
  const mapping = effectiveMapping(await unitMapping(db, ctx.unit.id));
  const checked = checkRows(read, mapping, ctx.unit.timeZone, now);
  const fileProblems = checked.problems.filter((p) => !p.path.startsWith('rows['));
  const existing = await repo.existingLaporIds(
    db,
    ctx.unit.id,
    checked.rows.map((r) => r.laporId),
  );
  return {
    table: read,
    fileProblems,
    rows: checked.rows,
    problems: checked.problems.filter((p) => p.path.startsWith('rows[')),
    existing,
  };
}

const inLang = (p: Problem, lang: Language) => ({ path: p.path, message: p.text?.[lang] ?? p.message });

/** What importing the file would do, row by row; writes nothing. */
export async function previewLaporImport(
  db: Db,
  ctx: AuthContext,
  file: LaporFile,
  lang: Language,
  now: Date,
): Promise<LaporPreview> {
  const a = await analyse(db, ctx, file, now);
  const mapping = effectiveMapping(await unitMapping(db, ctx.unit.id));
  const located = a.table ? locateColumns(a.table.columns, mapping) : null;
  const fieldOf = new Map<string, string>();
  if (located && 'located' in located)
    for (const [field, cols] of located.located) for (const c of cols) fieldOf.set(c, field);
  const good = new Map(a.rows.map((r) => [r.row, r]));
  const rows: LaporPreview['rows'] = [];
  if (a.fileProblems.length === 0)
    for (const raw of a.table?.rows ?? []) {
      const r = good.get(raw.row);
      if (r) {
        const dup = a.existing.get(r.laporId);
        rows.push({
          row: r.row,
          laporId: r.laporId,
          verdict: dup ? 'duplicate' : 'new',
          reportedAt: r.reportedAt.toISOString(),
          class: r.class,
          title: r.title,
          outcome: r.outcome,
          trackingCode: dup?.trackingCode ?? null,
          problems: [],
        });
        continue;
      }
      const prefix = `rows[${raw.row}]`;
      const idColumn = located && 'located' in located ? located.located.get('laporId')?.[0] : undefined;
      rows.push({
        row: raw.row,
        laporId: idColumn ? (raw.cells[idColumn] ?? '').trim().slice(0, 40) : '',
        verdict: 'invalid',
        reportedAt: null,
        class: null,
        title: '',
        outcome: null,
        trackingCode: null,
        problems: a.problems
          .filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`))
          .map((p) => inLang(p, lang)),
      });
    }
  const count = (v: 'new' | 'duplicate' | 'invalid') => rows.filter((r) => r.verdict === v).length;
  return {
    fileName: storableText(file.fileName).slice(0, 200),
    kind: a.table?.kind ?? 'csv',
    columns: (a.table?.columns ?? []).map((column) => ({ column, field: fieldOf.get(column) ?? null })),
    rows,
    fileProblems: a.fileProblems.map((p) => inLang(p, lang)),
    counts: {
      rows: a.table?.rows.length ?? 0,
      new: count('new'),
      duplicate: count('duplicate'),
      invalid: count('invalid'),
    },
  };
}

/**
 * Imports the file in one transaction: every row or none. A LAPOR! id the unit already holds
 * is reported back and left as it is; any other problem refuses the whole file.
 */
export async function importLaporFile(
  db: Db,
  env: ComplaintEnv,
  ctx: AuthContext,
  actor: Actor,
  file: LaporFile,
): Promise<LaporImportDone> {
  const now = env.now();
  const a = await analyse(db, ctx, file, now);
  const problems = [...a.fileProblems, ...a.problems];
  if (problems.length > 0) {
    const shown = problems.slice(0, shownProblems);
    if (problems.length > shownProblems)
      shown.push({
        path: 'file',
        message: `dan ${problems.length - shownProblems} masalah lain`,
        text: {
          id: `dan ${problems.length - shownProblems} masalah lain`,
          en: `and ${problems.length - shownProblems} more problems`,
        },
      });
    throw new ValidationError('lapor.import_invalid', shown);
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const fileName = storableText(file.fileName).slice(0, 200);
  return db.transaction(async (tx) => {
    // One import of a unit at a time: two uploads of the same file cannot both add its reports.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`lapor-import:${ctx.unit.id}`}))`);
    const existing = await repo.existingLaporIds(
      tx,
      ctx.unit.id,
      a.rows.map((r) => r.laporId),
    );
    const [imp] = await tx
      .insert(laporImports)
      .values({
        unitId: ctx.unit.id,
        userId: ctx.user.id,
        fileName,
        sha256,
        rows: a.rows.length,
        imported: 0,
        duplicates: 0,
        at: now,
      })
      .returning({ id: laporImports.id });
    if (!imp) throw new Error('insert lapor import returned nothing');
    const done: LaporImportDone = { importId: imp.id, imported: [], duplicates: [] };
    for (const r of a.rows) {
      const dup = existing.get(r.laporId);
      if (dup) {
        done.duplicates.push({ row: r.row, laporId: r.laporId, trackingCode: dup.trackingCode });
        continue;
      }
      const receipt = await fileComplaint(tx, env, {
        unit: ctx.unit,
        channel: 'lapor',
        fields: {
          class: r.class,
          text: r.text,
          name: r.name,
          contact: r.contact,
          confidential: r.confidential,
        },
        receivedAt: r.reportedAt,
        actor,
      });
      const c = { id: receipt.id, unitId: ctx.unit.id };
      await tx.insert(laporReports).values({
        complaintId: c.id,
        unitId: ctx.unit.id,
        laporId: r.laporId,
        title: r.title,
        category: r.category,
        source: r.source,
        laporStatus: r.status,
        reportedAt: r.reportedAt,
        importId: imp.id,
      });
      await recordEvent(tx, c, actor, 'lapor_import', now, null, { laporId: r.laporId, importId: imp.id });
      if (r.outcome && r.outcomeAt) {
        // The status LAPOR! showed: its outcome, at the file's verification date.
        await tx
          .update(complaints)
          .set({
            laporOutcome: r.outcome,
            ...(r.outcome === 'arsipkan' ? { status: 'archived' as const, archivedAt: r.outcomeAt } : {}),
          })
          .where(eq(complaints.id, c.id));
        await recordEvent(tx, c, actor, 'lapor', r.outcomeAt, null, { outcome: r.outcome, from: 'file' });
      }
      const fresh = await complaintsRepo.findComplaint(tx, c.id);
      if (fresh) await project(tx, fresh, env.settings, now);
      done.imported.push({ row: r.row, laporId: r.laporId, id: c.id, trackingCode: receipt.trackingCode });
    }
    await tx
      .update(laporImports)
      .set({ imported: done.imported.length, duplicates: done.duplicates.length })
      .where(eq(laporImports.id, imp.id));
    await recordAudit(tx, actor, {
      action: 'lapor.import',
      entity: 'lapor_import',
      entityId: imp.id,
      unitId: ctx.unit.id,
      after: {
        fileName,
        sha256,
        rows: a.rows.length,
        imported: done.imported.length,
        duplicates: done.duplicates.length,
      },
    });
    return done;
  });
}

/** The complaint of the caller's unit, for a LAPOR! step. */
async function ownComplaint(db: Db, ctx: AuthContext, id: number) {
  const c = await complaintsRepo.findComplaint(db, id);
  if (!c || c.unitId !== ctx.unit.id) throw new DomainError('complaint.not_found');
  return c;
}

const closed = (status: string) => status === 'withdrawn' || status === 'archived';

export async function laporOfComplaint(db: Db, ctx: AuthContext, id: number): Promise<LaporComplaintView> {
  const c = await ownComplaint(db, ctx, id);
  const report = await repo.reportOf(db, c.id);
  const steps = await repo.laporStepsOf(db, c.id);
  return {
    report: report
      ? {
          laporId: report.laporId,
          title: report.title,
          category: report.category,
          source: report.source,
          laporStatus: report.laporStatus,
          reportedAt: report.reportedAt.toISOString(),
        }
      : null,
    followUps: (await repo.followUpsOf(db, c.id)).map(({ followUp, officer }) => ({
      id: followUp.id,
      text: followUp.text,
      officer,
      at: followUp.at.toISOString(),
    })),
    canFollowUp: c.channel === 'lapor' && steps.verifiedAt !== null && !closed(c.status),
  };
}

/** A follow-up for LAPOR!, once the report is verified; the first stops LAPOR!'s follow-up clock. */
export async function recordLaporFollowUp(
  db: Db,
  env: ComplaintEnv,
  ctx: AuthContext,
  actor: Actor,
  id: number,
  input: LaporFollowUpInput,
) {
  const now = env.now();
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT id FROM complaints WHERE id = ${id} FOR UPDATE`);
    const c = await ownComplaint(tx, ctx, id);
    if (c.channel !== 'lapor') throw new DomainError('lapor.not_lapor');
    if (closed(c.status)) throw new DomainError('complaint.step_not_allowed', { status: c.status });
    const steps = await repo.laporStepsOf(tx, c.id);
    if (!steps.verifiedAt) throw new DomainError('lapor.not_verified');
    const [row] = await tx
      .insert(laporFollowUps)
      .values({ complaintId: c.id, unitId: c.unitId, text: input.text, userId: ctx.user.id, at: now })
      .returning({ id: laporFollowUps.id, at: laporFollowUps.at });
    if (!row) throw new Error('insert lapor follow-up returned nothing');
    await recordEvent(tx, c, actor, 'lapor_follow_up', now, input.text, { followUpId: row.id });
    await project(tx, c, env.settings, now);
    return { id: row.id, at: row.at.toISOString() };
  });
}

/** The local days from…to (both included) as instants; default: the 30 days up to today. */
function spanOf(query: FollowUpQuery, timeZone: string, now: Date) {
  const today = todayIn(timeZone, now);
  const to = query.to ?? today;
  const from =
    query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  if (from > to) throw new DomainError('audit.range_invalid', { from, to });
  const offset = offsetMinutes(timeZone) * 60_000;
  return {
    from,
    to,
    start: new Date(Date.parse(`${from}T00:00:00Z`) - offset),
    end: new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000 - offset),
  };
}

export async function listLaporFollowUps(
  db: Db,
  ctx: AuthContext,
  query: FollowUpQuery,
  now: Date,
): Promise<FollowUpList> {
  const span = spanOf(query, ctx.unit.timeZone, now);
  const rows = await repo.followUpsOfUnit(db, ctx.unit.id, span.start, span.end);
  return {
    from: span.from,
    to: span.to,
    timeZone: ctx.unit.timeZone,
    followUps: rows.map((r) => ({
      laporId: r.laporId ?? '',
      trackingCode: r.trackingCode,
      status: r.status,
      outcome: r.outcome,
      text: r.followUp.text,
      at: r.followUp.at.toISOString(),
      officer: r.officer,
      unit: r.unit,
    })),
  };
}

/** The follow-ups of a span as CSV or XLSX, for entry into LAPOR!; the export is audited. */
export async function exportLaporFollowUps(
  db: Db,
  ctx: AuthContext,
  actor: Actor,
  query: FollowUpQuery,
  format: 'csv' | 'xlsx',
  now: Date,
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  const list = await listLaporFollowUps(db, ctx, query, now);
  await recordAudit(db, actor, {
    action: 'lapor.follow_ups_export',
    entity: 'lapor_follow_ups',
    entityId: ctx.unit.id,
    unitId: ctx.unit.id,
    after: { from: list.from, to: list.to, rows: list.followUps.length, format },
  });
  const fileName = `tindak-lanjut-lapor-${ctx.unit.code}-${list.from}-${list.to}.${format}`;
  if (format === 'csv')
    return {
      fileName,
      contentType: 'text/csv; charset=utf-8',
      bytes: followUpsCsv(list.followUps, list.timeZone),
    };
  return {
    fileName,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: await followUpsXlsx(
      list.followUps,
      list.timeZone,
      `Tindak lanjut SP4N-LAPOR! ${ctx.unit.name}, ${list.from} s.d. ${list.to}`,
    ),
  };
}
