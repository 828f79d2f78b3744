import { type Actor, recordAudit } from '../audit/audit.service.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import type { Clock } from '../core/clock.ts';
import { todayIn } from '../core/dates.ts';
import { DomainError, type Problem, problemIn, ValidationError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import { getUnitByCode, servicesInForce } from '../standards/standards.service.ts';
import { readResponses, readTable } from './paper.ts';
import { unsur } from './skm.ts';
import * as repo from './survey.repository.ts';
import type { FollowUpInput, ImportQuery, PeriodInput, SurveyReport } from './survey.schema.ts';
import { insertInOpenPeriods, periodOf, questionnaire, surveyIndexOf } from './survey.service.ts';
import type { FollowUpStatus } from './survey.tables.ts';
import { extraSectionOf } from './survey-questions.service.ts';

/** Problems shown of a refused file: enough to correct a sheet, not a page the size of the file. */
const shownProblems = 50;

const semesterOf = (p: { semester: number | null }) => p.semester ?? undefined;

function periodEnded(ctx: AuthContext, clock: Clock, p: PeriodInput) {
  const period = periodOf(p.year, semesterOf(p), ctx.unit.timeZone);
  return { period, ended: todayIn(ctx.unit.timeZone, new Date(clock.now())) >= period.to };
}

/**
 * The head closes a finished period: its report is then final, and no response served inside it
 * is added by any channel. Under the lock every response's insert shares.
 */
export async function closeSurveyPeriod(
  db: Db,
  clock: Clock,
  ctx: AuthContext,
  actor: Actor,
  p: PeriodInput,
) {
  const { period, ended } = periodEnded(ctx, clock, p);
  if (!ended) throw new DomainError('survey.period_unfinished', { to: period.to });
  const at = new Date(clock.now());
  return db.transaction(async (tx) => {
    await repo.lockPeriodsExclusive(tx, ctx.unit.id);
    const row = await repo.ensurePeriod(tx, ctx.unit.id, p.year, p.semester);
    if (!(await repo.closePeriod(tx, row.id, ctx.user.id, at)))
      throw new DomainError('survey.period_already_closed', {});
    await recordAudit(tx, actor, {
      action: 'survey.close_period',
      entity: 'survey_period',
      entityId: row.id,
      unitId: ctx.unit.id,
      after: { year: p.year, semester: p.semester },
    });
    return { closedAt: at.toISOString() };
  });
}

/** A step of the follow-up plan (rencana tindak lanjut) for a weak unsur of a period. */
export async function recordFollowUp(db: Db, ctx: AuthContext, actor: Actor, input: FollowUpInput) {
  return db.transaction(async (tx) => {
    const period = await repo.ensurePeriod(tx, ctx.unit.id, input.year, input.semester);
    const id = await repo.insertFollowUp(tx, {
      periodId: period.id,
      unsur: input.unsur,
      action: input.action,
      dueOn: input.dueOn,
      recordedBy: ctx.user.id,
    });
    await recordAudit(tx, actor, {
      action: 'survey.follow_up',
      entity: 'survey_follow_up',
      entityId: id,
      unitId: ctx.unit.id,
      after: { unsur: input.unsur, dueOn: input.dueOn },
    });
    return { id };
  });
}

/** The later status of a follow-up step; it may change after the period closed (the plan runs on). */
export async function changeFollowUp(
  db: Db,
  clock: Clock,
  ctx: AuthContext,
  actor: Actor,
  id: number,
  status: FollowUpStatus,
) {
  await db.transaction(async (tx) => {
    const found = await repo.findFollowUp(tx, ctx.unit.id, id);
    if (!found) throw new DomainError('survey.follow_up_not_found', {});
    await repo.setFollowUpStatus(tx, id, status, new Date(clock.now()));
    await recordAudit(tx, actor, {
      action: 'survey.follow_up_status',
      entity: 'survey_follow_up',
      entityId: id,
      unitId: ctx.unit.id,
      before: { status: found.status },
      after: { status },
    });
  });
}

/**
 * Paper responses into a period of a service: the whole file or nothing. Each response is dated
 * the period's first day (a sheet names no day of service); refused with every problem by row
 * (the first 50) when a row is wrong, and when the period is closed.
 */
export async function importPaperResponses(
  db: Db,
  ctx: AuthContext,
  actor: Actor,
  query: ImportQuery,
  file: { bytes: Buffer; fileName: string },
) {
  const service = (await servicesInForce(db, await getUnitByCode(db, ctx.unit.code))).find(
    (s) => s.standardId === query.standardId,
  );
  if (!service) throw new DomainError('survey.unknown_service', {});
  let table: string[][];
  try {
    table = await readTable(file.bytes, file.fileName);
  } catch {
    throw new ValidationError('survey.import_invalid', [
      problemIn('file', {
        id: 'berkas tidak terbaca sebagai CSV atau XLSX',
        en: 'the file cannot be read as CSV or XLSX',
      }),
    ]);
  }
  const read = readResponses(table);
  if (!read.ok) {
    const problems: Problem[] = read.problems.slice(0, shownProblems).map((p) =>
      problemIn(`rows[${p.row}].${p.column}`, {
        id: `baris ${p.row}, ${p.column}: ${p.message.id}`,
        en: `row ${p.row}, ${p.column}: ${p.message.en}`,
      }),
    );
    const more = read.problems.length - shownProblems;
    if (more > 0)
      problems.push(problemIn('file', { id: `dan ${more} masalah lain`, en: `and ${more} more problems` }));
    throw new ValidationError('survey.import_invalid', problems);
  }
  if (read.responses.length === 0)
    throw new ValidationError('survey.import_invalid', [
      problemIn('file', { id: 'tidak ada baris jawaban', en: 'no row of answers' }),
    ]);
  const period = periodOf(query.year, query.semester, ctx.unit.timeZone);
  const known = (list: readonly { id: string }[], v: string | undefined) =>
    v && list.some((x) => x.id === v.toLowerCase()) ? v.toLowerCase() : (v ?? null);
  const rows = read.responses.map((r) => ({
    unitId: ctx.unit.id,
    standardId: service.standardId,
    channel: 'paper' as const,
    caseId: null,
    servedOn: period.from,
    u1: r.answers.U1 ?? null,
    u2: r.answers.U2 ?? null,
    u3: r.answers.U3 ?? null,
    u4: r.answers.U4 ?? null,
    u5: r.answers.U5 ?? null,
    u6: r.answers.U6 ?? null,
    u7: r.answers.U7 ?? null,
    u8: r.answers.U8 ?? null,
    u9: r.answers.U9 ?? null,
    sex: r.profile.sex ?? null,
    age: r.profile.age ?? null,
    education: known(questionnaire.educations, r.profile.education),
    occupation: known(questionnaire.occupations, r.profile.occupation),
    comment: null,
  }));
  await db.transaction(async (tx) => {
    await insertInOpenPeriods(tx, ctx.unit.id, rows);
    await recordAudit(tx, actor, {
      action: 'survey.import',
      entity: 'survey_responses',
      unitId: ctx.unit.id,
      after: { standardId: service.standardId, rows: rows.length, file: file.fileName, period: period.from },
    });
  });
  return { imported: rows.length, service: service.standard.name, servedOn: period.from };
}

const ageBands = [
  { key: '<20', from: 10, to: 19 },
  { key: '20-29', from: 20, to: 29 },
  { key: '30-39', from: 30, to: 39 },
  { key: '40-49', from: 40, to: 49 },
  { key: '50-59', from: 50, to: 59 },
  { key: '60+', from: 60, to: 200 },
];
const unknownLabel = { id: 'Tidak diisi', en: 'Not given' };

/** The SKM report of a period: the index, the profile of its respondents, comments, the plan. */
export async function surveyReportOf(
  db: Db,
  clock: Clock,
  ctx: AuthContext,
  query: { year: number; semester?: number | undefined },
): Promise<SurveyReport> {
  const p = { year: query.year, semester: (query.semester ?? null) as 1 | 2 | null };
  const { period, ended } = periodEnded(ctx, clock, p);
  const [index, profiles, row] = await Promise.all([
    surveyIndexOf(db, ctx, query),
    repo.profilesOf(db, ctx.unit.id, period.from, period.to),
    repo.findPeriod(db, ctx.unit.id, p.year, p.semester),
  ]);
  const extraQuestions = await extraSectionOf(db, ctx.unit.id, period, !row?.closedAt);
  const count = <T extends string | number | null>(
    values: T[],
    options: { key: string; label: { id: string; en: string }; has: (v: T) => boolean }[],
  ) => {
    const out = options.map((o) => ({ key: o.key, label: o.label, n: values.filter(o.has).length }));
    const rest = values.length - out.reduce((a, o) => a + o.n, 0);
    return rest > 0 ? [...out, { key: 'none', label: unknownLabel, n: rest }] : out;
  };
  const byList = (list: readonly { id: string; label: { id: string; en: string } }[]) =>
    list.map((x) => ({ key: x.id, label: x.label, has: (v: string | null) => v === x.id }));
  return {
    ...index,
    year: p.year,
    semester: p.semester,
    ended,
    closed:
      row?.closedAt && row.closedByName ? { at: row.closedAt.toISOString(), by: row.closedByName } : null,
    profile: {
      sex: count(
        profiles.map((r) => r.sex),
        [
          { key: 'L', label: { id: 'Laki-laki', en: 'Male' }, has: (v) => v === 'L' },
          { key: 'P', label: { id: 'Perempuan', en: 'Female' }, has: (v) => v === 'P' },
        ],
      ),
      age: count(
        profiles.map((r) => r.age),
        ageBands.map((b) => ({
          key: b.key,
          label: { id: `${b.key} tahun`, en: `${b.key} years` },
          has: (v: number | null) => v !== null && v >= b.from && v <= b.to,
        })),
      ),
      education: count(
        profiles.map((r) => r.education),
        byList(questionnaire.educations),
      ),
      occupation: count(
        profiles.map((r) => r.occupation),
        byList(questionnaire.occupations),
      ),
    },
    comments: profiles.map((r) => r.comment).filter((c): c is string => !!c),
    extraQuestions,
    followUps: row
      ? (await repo.followUpsOf(db, row.id)).map((f) => ({
          id: f.id,
          unsur: f.unsur as SurveyReport['followUps'][number]['unsur'],
          action: f.action,
          dueOn: f.dueOn,
          status: f.status,
          recordedBy: f.recordedBy,
        }))
      : [],
    unsurNames: unsur.map((u) => ({ id: u.id, name: u.name })),
  };
}
