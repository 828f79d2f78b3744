import type { AuthContext } from '../auth/auth.service.ts';
import { servedCounts, surveyCaseOf } from '../cases/case-survey.service.ts';
import { offsetMinutes } from '../core/calendar.ts';
import type { Clock } from '../core/clock.ts';
import { todayIn } from '../core/dates.ts';
import { DomainError } from '../core/errors.ts';
import { surveyTokenOf, trackingCodeOfSurveyToken } from '../core/survey-token.ts';
import type { Db } from '../db/client.ts';
import { getUnitByCode, servicesInForce } from '../standards/standards.service.ts';
import { type Answers, gradeLabels, krejcieMorgan, skmIndex, unsur, unsurIds } from './skm.ts';
import * as repo from './survey.repository.ts';
import {
  Educations,
  Occupations,
  type Questionnaire,
  type SurveyAnswer,
  type SurveyIndex,
} from './survey.schema.ts';
import { extraOf, questionsAskedBy, scaleAnswers, yesNoAnswers } from './survey-questions.service.ts';

const educationLabels: Record<(typeof Educations)[number], { id: string; en: string }> = {
  sd: { id: 'SD ke bawah', en: 'Primary school or less' },
  smp: { id: 'SMP', en: 'Junior secondary' },
  sma: { id: 'SMA/SMK', en: 'Senior secondary' },
  diploma: { id: 'D1–D4', en: 'Diploma' },
  s1: { id: 'S1', en: "Bachelor's degree" },
  s2: { id: 'S2 ke atas', en: "Master's degree or higher" },
};

const occupationLabels: Record<(typeof Occupations)[number], { id: string; en: string }> = {
  pns: { id: 'PNS', en: 'Civil servant' },
  tni: { id: 'TNI', en: 'Armed forces' },
  polri: { id: 'POLRI', en: 'Police' },
  swasta: { id: 'Pegawai swasta', en: 'Private employee' },
  wirausaha: { id: 'Wirausaha', en: 'Self-employed' },
  pelajar: { id: 'Pelajar/Mahasiswa', en: 'Student' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

export const questionnaire: Questionnaire = {
  unsur: unsur.map((u) => ({ id: u.id, name: u.name, question: u.question, answers: [...u.answers] })),
  educations: Educations.map((id) => ({ id, label: educationLabels[id] })),
  occupations: Occupations.map((id) => ({ id, label: occupationLabels[id] })),
  scale: scaleAnswers,
  yesNo: yesNoAnswers,
};

async function caseOfToken(db: Db, key: Buffer, token: string) {
  const code = trackingCodeOfSurveyToken(key, token);
  const found = code ? await surveyCaseOf(db, code) : null;
  if (!found) throw new DomainError('survey.token_unknown', {});
  return found;
}

/** The survey of a served case, as its token opens it. */
export async function surveyFormOf(db: Db, key: Buffer, token: string) {
  const c = await caseOfToken(db, key, token);
  return {
    unit: c.unitName,
    service: c.service,
    closed: c.closed,
    answered: await repo.caseAnswered(db, c.id),
    questionnaire,
    questions: await questionsAskedBy(db, c.unitId),
  };
}

/**
 * The survey token of a case its citizen tracks: only once the case is closed, so the tracking
 * page links to the survey of a service given. The tracking code is what the citizen holds.
 */
export async function trackSurveyLinkOf(db: Db, key: Buffer, trackingCode: string) {
  const code = trackingCode.trim().toUpperCase();
  const c = await surveyCaseOf(db, code);
  if (!c) throw new DomainError('survey.code_unknown', {});
  if (!c.closed) throw new DomainError('survey.case_open', {});
  return { token: surveyTokenOf(key, code) };
}

/** The semester (1 or 2) of a day `YYYY-MM-DD`. */
const semesterOfDay = (day: string): 1 | 2 => (Number(day.slice(5, 7)) <= 6 ? 1 : 2);

/**
 * Stores responses of one unit unless a period holding one of their days is closed, under the
 * lock the closing of a period takes, so none slips in while the head closes it.
 */
export async function insertInOpenPeriods(db: Db, unitId: number, rows: repo.ResponseInsert[]) {
  return db.transaction(async (tx) => {
    await repo.lockPeriodsShared(tx, unitId);
    for (const day of new Set(rows.map((r) => r.servedOn))) {
      const closed = await repo.closedPeriodOf(tx, unitId, Number(day.slice(0, 4)), semesterOfDay(day));
      if (closed)
        throw new DomainError('survey.period_closed', {
          year: closed.year,
          semester: closed.semester === null ? 0 : closed.semester === 1 ? 'I' : 'II',
        });
    }
    if (rows.length === 1 && rows[0]?.caseId) return repo.insertResponse(tx, rows[0]);
    await repo.insertResponses(tx, rows);
    return true;
  });
}

function row(input: SurveyAnswer, extra: Record<string, string> | null) {
  const a = input.answers;
  return {
    u1: a.U1,
    u2: a.U2,
    u3: a.U3,
    u4: a.U4,
    u5: a.U5,
    u6: a.U6,
    u7: a.U7,
    u8: a.U8,
    u9: a.U9,
    sex: input.profile.sex ?? null,
    age: input.profile.age ?? null,
    education: input.profile.education ?? null,
    occupation: input.profile.occupation ?? null,
    comment: input.comment?.trim() || null,
    extra,
  };
}

/**
 * Stores the one response a served case's token allows. Refused while the case is open (the
 * survey is of a service given), and when the token has answered already.
 */
export async function answerByToken(db: Db, key: Buffer, token: string, input: SurveyAnswer) {
  const c = await caseOfToken(db, key, token);
  if (!c.closed || !c.closedAt) throw new DomainError('survey.case_open', {});
  const extra = await extraOf(db, c.unitId, input.extra);
  const stored = await insertInOpenPeriods(db, c.unitId, [
    {
      unitId: c.unitId,
      standardId: c.standardId,
      channel: 'token',
      caseId: c.id,
      servedOn: todayIn(c.timeZone, c.closedAt),
      ...row(input, extra),
    },
  ]);
  if (!stored) throw new DomainError('survey.answered', {});
  return { thanks: true as const, service: c.service };
}

/** The office's kiosk: a walk-in respondent picks the service; counted apart from token responses. */
export async function kioskFormOf(db: Db, unitCode: string) {
  const unit = await getUnitByCode(db, unitCode);
  const services = await servicesInForce(db, unit);
  return {
    unit: unit.name,
    services: services.map((s) => ({ id: s.standardId, name: s.standard.name })),
    questionnaire,
    questions: await questionsAskedBy(db, unit.id),
  };
}

export async function answerAtKiosk(
  db: Db,
  clock: Clock,
  unitCode: string,
  input: SurveyAnswer & { standardId: number },
) {
  const unit = await getUnitByCode(db, unitCode);
  const service = (await servicesInForce(db, unit)).find((s) => s.standardId === input.standardId);
  if (!service) throw new DomainError('survey.unknown_service', {});
  const extra = await extraOf(db, unit.id, input.extra);
  await insertInOpenPeriods(db, unit.id, [
    {
      unitId: unit.id,
      standardId: service.standardId,
      channel: 'kiosk',
      caseId: null,
      servedOn: todayIn(unit.timeZone, new Date(clock.now())),
      ...row(input, extra),
    },
  ]);
  return { thanks: true as const, service: service.standard.name };
}

/** A period as days [from, to) and the instants bounding them in the unit's zone. */
export function periodOf(year: number, semester: number | undefined, timeZone: string) {
  const from = `${year}-${semester === 2 ? '07' : '01'}-01`;
  const to = semester === 1 ? `${year}-07-01` : `${year + 1}-01-01`;
  const instant = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) - offsetMinutes(timeZone) * 60_000);
  const label =
    semester === undefined
      ? { id: `Tahun ${year}`, en: `Year ${year}` }
      : { id: `Semester ${semester === 1 ? 'I' : 'II'} ${year}`, en: `Semester ${semester} ${year}` };
  return { from, to, fromInstant: instant(from), toInstant: instant(to), label };
}

type AnswerRow = Awaited<ReturnType<typeof repo.answersOf>>[number];

function answersOfRow(r: AnswerRow): Answers {
  const out: Answers = {};
  for (const id of unsurIds) {
    const v = r[id.toLowerCase() as 'u1'];
    if (v !== null) out[id] = v as 1 | 2 | 3 | 4;
  }
  return out;
}

function indexRow(standardId: number | null, service: string, served: number, rows: AnswerRow[]) {
  const result = skmIndex(rows.map(answersOfRow));
  const sampleNeeded = krejcieMorgan(served);
  const count = (c: string) => rows.filter((r) => r.channel === c).length;
  return {
    standardId,
    service,
    served,
    sampleNeeded,
    respondents: { total: rows.length, token: count('token'), kiosk: count('kiosk'), paper: count('paper') },
    sampleShort: rows.length < sampleNeeded,
    index: 'index' in result ? result.index : null,
    missing: 'missing' in result ? result.missing : [],
    gradeLabel: 'index' in result ? gradeLabels[result.index.grade] : null,
  };
}

/** The SKM of a unit's period, per service and for the whole unit, beside the sample it needs. */
export async function surveyIndexOf(
  db: Db,
  ctx: AuthContext,
  query: { year: number; semester?: number | undefined },
): Promise<SurveyIndex> {
  const p = periodOf(query.year, query.semester, ctx.unit.timeZone);
  const [rows, served, services] = await Promise.all([
    repo.answersOf(db, ctx.unit.id, p.from, p.to),
    servedCounts(db, ctx.unit.id, p.fromInstant, p.toInstant),
    servicesInForce(db, await getUnitByCode(db, ctx.unit.code)),
  ]);
  const names = new Map(services.map((s) => [s.standardId, s.standard.name]));
  const ids = [...new Set([...names.keys(), ...rows.map((r) => r.standardId)])];
  const totalServed = [...served.values()].reduce((a, b) => a + b, 0);
  return {
    period: { from: p.from, to: p.to, label: p.label },
    unit: indexRow(null, ctx.unit.name, totalServed, rows),
    services: ids.map((id) =>
      indexRow(
        id,
        names.get(id) ?? '',
        served.get(id) ?? 0,
        rows.filter((r) => r.standardId === id),
      ),
    ),
  };
}

/** Whether a standard's evaluation component promises the survey each semester (else yearly). */
function bySemester(evaluation: readonly string[] | undefined): boolean {
  return (evaluation ?? []).some((t) => /semester|6 \(?enam\)? bulan|enam bulan/i.test(t));
}

/**
 * What the portal publishes (UU 25/2009 Pasal 23): per service of the unit, the latest finished
 * period (semester or year, per its evaluation component) with a complete index.
 */
export async function publicSurveyIndexOf(db: Db, clock: Clock, unitCode: string) {
  const unit = await getUnitByCode(db, unitCode);
  const services = await servicesInForce(db, unit);
  const today = todayIn(unit.timeZone, new Date(clock.now()));
  const year = Number(today.slice(0, 4));
  const out = [];
  for (const s of services) {
    const semester = bySemester(s.standard.manufacturing.evaluation);
    // Latest finished periods first, two years back at most.
    const periods = semester
      ? [
          [year, 1],
          [year - 1, 2],
          [year - 1, 1],
          [year - 2, 2],
        ]
      : [
          [year - 1, undefined],
          [year - 2, undefined],
        ];
    for (const [y, sem] of periods) {
      const p = periodOf(y as number, sem, unit.timeZone);
      if (p.to > today) continue;
      const rows = (await repo.answersOf(db, unit.id, p.from, p.to)).filter(
        (r) => r.standardId === s.standardId,
      );
      const result = skmIndex(rows.map(answersOfRow));
      if (!('index' in result)) continue;
      out.push({
        standardId: s.standardId,
        slug: s.slug,
        service: s.standard.name,
        period: p.label,
        respondents: rows.length,
        score: result.index.score,
        grade: result.index.grade,
        gradeLabel: gradeLabels[result.index.grade],
      });
      break;
    }
  }
  return { services: out };
}
