import { type Actor, recordAudit } from '../audit/audit.service.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import type { Clock } from '../core/clock.ts';
import { DomainError, type Problem, problemIn, ValidationError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import * as repo from './survey.repository.ts';
import {
  extraTextMax,
  type QuestionInput,
  type SurveyReport,
  type UnitQuestion,
  type UnitQuestions,
} from './survey.schema.ts';

/**
 * A unit's own questions (PermenPAN-RB 14/2017 lets an office ask more than the nine unsur):
 * the head keeps them; respondents answer them after U1–U9 and the profile; their answers sit
 * in `extra` by question id and never enter the index.
 */

/** Questions in use at once: the survey must stay under a minute. */
export const maxQuestions = 10;

const both = (id: string, en: string) => ({ id, en });

/** The answers a–d of a scale question, as the kiosk and the report name them. */
export const scaleAnswers = [
  { id: 'a' as const, label: both('Tidak baik', 'Poor') },
  { id: 'b' as const, label: both('Kurang baik', 'Fair') },
  { id: 'c' as const, label: both('Baik', 'Good') },
  { id: 'd' as const, label: both('Sangat baik', 'Very good') },
];
export const yesNoAnswers = [
  { id: 'yes' as const, label: both('Ya', 'Yes') },
  { id: 'no' as const, label: both('Tidak', 'No') },
];

const asked = (q: repo.QuestionRow): UnitQuestion => ({
  id: q.id,
  text: { id: q.textId, en: q.textEn },
  kind: q.kind,
  optional: q.optional,
});

/** The questions a respondent of a unit is asked now, in order. */
export async function questionsAskedBy(db: Db, unitId: number): Promise<UnitQuestion[]> {
  return (await repo.questionsOf(db, unitId)).filter((q) => q.retiredAt === null).map(asked);
}

/**
 * Checks a respondent's answers to the unit's questions, every problem at once by question, and
 * returns them as stored (trimmed; empty texts dropped), or null when none is given.
 */
export function checkExtra(
  questions: UnitQuestion[],
  retired: ReadonlySet<number>,
  extra: Record<string, string> | undefined,
): Record<string, string> | null {
  const problems: Problem[] = [];
  const out: Record<string, string> = {};
  const byId = new Map(questions.map((q) => [String(q.id), q]));
  for (const [key, raw] of Object.entries(extra ?? {})) {
    const q = byId.get(key);
    const path = `extra.${key}`;
    if (!q) {
      problems.push(
        retired.has(Number(key))
          ? problemIn(path, {
              id: `pertanyaan ${key} sudah tidak dipakai kantor ini`,
              en: `question ${key} is no longer asked by this office`,
            })
          : problemIn(path, {
              id: `pertanyaan ${key} bukan pertanyaan kantor ini`,
              en: `question ${key} is not a question of this office`,
            }),
      );
      continue;
    }
    const value = raw.trim();
    const shown = value.length > 20 ? `${value.slice(0, 20)}…` : value;
    if (q.kind === 'text') {
      if (value.length > extraTextMax)
        problems.push(
          problemIn(path, {
            id: `jawaban terlalu panjang (${value.length} karakter; paling banyak ${extraTextMax})`,
            en: `the answer is too long (${value.length} characters; at most ${extraTextMax})`,
          }),
        );
      else if (value) out[key] = value;
    } else if (q.kind === 'scale') {
      const v = value.toLowerCase();
      if (!scaleAnswers.some((a) => a.id === v))
        problems.push(
          problemIn(path, {
            id: `“${shown}” bukan jawaban skala; isi a, b, c atau d`,
            en: `“${shown}” is not a scale answer; give a, b, c or d`,
          }),
        );
      else out[key] = v;
    } else {
      const v = value.toLowerCase();
      if (!yesNoAnswers.some((a) => a.id === v))
        problems.push(
          problemIn(path, {
            id: `“${shown}” bukan jawaban ya/tidak; isi yes (ya) atau no (tidak)`,
            en: `“${shown}” is not a yes/no answer; give yes or no`,
          }),
        );
      else out[key] = v;
    }
  }
  for (const q of questions)
    if (!q.optional && !(String(q.id) in out) && !problems.some((p) => p.path === `extra.${q.id}`))
      problems.push(
        problemIn(`extra.${q.id}`, {
          id: `pertanyaan “${q.text.id}” wajib dijawab`,
          en: `question “${q.text.en ?? q.text.id}” must be answered`,
        }),
      );
  if (problems.length > 0) throw new ValidationError('survey.extra_invalid', problems);
  return Object.keys(out).length > 0 ? out : null;
}

/** The extra answers of a respondent of a unit, checked against the unit's questions now. */
export async function extraOf(db: Db, unitId: number, extra: Record<string, string> | undefined) {
  const all = await repo.questionsOf(db, unitId);
  const inUse = all.filter((q) => q.retiredAt === null).map(asked);
  const retired = new Set(all.filter((q) => q.retiredAt !== null).map((q) => q.id));
  return checkExtra(inUse, retired, extra);
}

/** The unit's questions as the head keeps them, with how they are used. */
export async function unitQuestionsOf(db: Db, ctx: AuthContext): Promise<UnitQuestions> {
  const [all, use] = await Promise.all([
    repo.questionsOf(db, ctx.unit.id),
    repo.questionUse(db, ctx.unit.id),
  ]);
  return {
    questions: all.map((q) => ({
      ...asked(q),
      retired: q.retiredAt !== null,
      answers: use.get(q.id)?.answers ?? 0,
      locked: (use.get(q.id)?.closed ?? 0) > 0,
    })),
    max: maxQuestions,
  };
}

const textsOf = (input: QuestionInput) => ({
  textId: input.text.id,
  textEn: input.text.en?.trim() || null,
  kind: input.kind,
  optional: input.optional,
});

export async function createQuestion(db: Db, ctx: AuthContext, actor: Actor, input: QuestionInput) {
  return db.transaction(async (tx) => {
    await repo.lockPeriodsExclusive(tx, ctx.unit.id);
    const inUse = (await repo.questionsOf(tx, ctx.unit.id)).filter((q) => q.retiredAt === null);
    if (inUse.length >= maxQuestions)
      throw new DomainError('survey.questions_too_many', { max: maxQuestions });
    const id = await repo.insertQuestion(tx, { unitId: ctx.unit.id, ...textsOf(input) });
    await recordAudit(tx, actor, {
      action: 'survey.question_add',
      entity: 'survey_question',
      entityId: id,
      unitId: ctx.unit.id,
      after: textsOf(input),
    });
    return { id };
  });
}

/**
 * Edits a question in use. Its kind is fixed once it has answers (they were given to that kind);
 * its text too once a closed period holds an answer, since that period's signed report names it.
 * Under the periods' lock, so a period cannot close in between.
 */
export async function changeQuestion(
  db: Db,
  clock: Clock,
  ctx: AuthContext,
  actor: Actor,
  id: number,
  input: QuestionInput,
) {
  await db.transaction(async (tx) => {
    await repo.lockPeriodsExclusive(tx, ctx.unit.id);
    const q = await repo.findQuestion(tx, ctx.unit.id, id);
    if (!q) throw new DomainError('survey.question_not_found', {});
    if (q.retiredAt) throw new DomainError('survey.question_retired', {});
    const use = (await repo.questionUse(tx, ctx.unit.id)).get(id);
    const next = textsOf(input);
    const textChanged = next.textId !== q.textId || next.textEn !== q.textEn;
    if ((use?.closed ?? 0) > 0 && (textChanged || next.kind !== q.kind))
      throw new DomainError('survey.question_locked', {});
    if ((use?.answers ?? 0) > 0 && next.kind !== q.kind)
      throw new DomainError('survey.question_answered', {});
    await repo.updateQuestion(tx, id, { ...next, updatedAt: new Date(clock.now()) });
    await recordAudit(tx, actor, {
      action: 'survey.question_change',
      entity: 'survey_question',
      entityId: id,
      unitId: ctx.unit.id,
      before: { textId: q.textId, textEn: q.textEn, kind: q.kind, optional: q.optional },
      after: next,
    });
  });
}

/** Retires a question: no longer asked; its past answers stay, and so does it in their reports. */
export async function retireQuestion(db: Db, clock: Clock, ctx: AuthContext, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const q = await repo.findQuestion(tx, ctx.unit.id, id);
    if (!q) throw new DomainError('survey.question_not_found', {});
    if (q.retiredAt) throw new DomainError('survey.question_retired', {});
    await repo.retireQuestion(tx, id, new Date(clock.now()));
    await recordAudit(tx, actor, {
      action: 'survey.question_retire',
      entity: 'survey_question',
      entityId: id,
      unitId: ctx.unit.id,
    });
  });
}

/** Puts the unit's questions in use in a new order: the list names each of them once. */
export async function orderQuestions(db: Db, ctx: AuthContext, actor: Actor, ids: number[]) {
  await db.transaction(async (tx) => {
    const inUse = (await repo.questionsOf(tx, ctx.unit.id)).filter((q) => q.retiredAt === null);
    const known = new Set(inUse.map((q) => q.id));
    const problems: Problem[] = [];
    const seen = new Set<number>();
    for (const [i, id] of ids.entries()) {
      if (!known.has(id))
        problems.push(
          problemIn(`ids[${i}]`, {
            id: `${id} bukan pertanyaan kantor ini yang sedang dipakai`,
            en: `${id} is not a question this office asks now`,
          }),
        );
      else if (seen.has(id))
        problems.push(problemIn(`ids[${i}]`, { id: `${id} disebut dua kali`, en: `${id} is named twice` }));
      seen.add(id);
    }
    const missing = inUse.filter((q) => !seen.has(q.id)).map((q) => q.id);
    if (missing.length > 0)
      problems.push(
        problemIn('ids', {
          id: `urutan tidak memuat pertanyaan ${missing.join(', ')}`,
          en: `the order leaves out question ${missing.join(', ')}`,
        }),
      );
    if (problems.length > 0) throw new ValidationError('survey.order_invalid', problems);
    await repo.setQuestionPositions(tx, ids);
    await recordAudit(tx, actor, {
      action: 'survey.question_order',
      entity: 'survey_question',
      unitId: ctx.unit.id,
      after: { ids },
    });
  });
}

/**
 * The report's section of the unit's own questions for a period: each question answered in it
 * (retired ones too), and while the period is open the questions asked now; tallies per answer,
 * the texts of a text question. Counted in SQL; none of it touches the index.
 */
export async function extraSectionOf(
  db: Db,
  unitId: number,
  period: { from: string; to: string },
  open: boolean,
): Promise<SurveyReport['extraQuestions']> {
  const [all, tallies] = await Promise.all([
    repo.questionsOf(db, unitId),
    repo.extraTallies(db, unitId, period.from, period.to),
  ]);
  const byQuestion = new Map<number, { value: string; n: number }[]>();
  for (const t of tallies) {
    const list = byQuestion.get(Number(t.key)) ?? [];
    list.push({ value: t.value, n: t.n });
    byQuestion.set(Number(t.key), list);
  }
  return all
    .filter((q) => byQuestion.has(q.id) || (open && q.retiredAt === null))
    .map((q) => {
      const given = byQuestion.get(q.id) ?? [];
      const count = (v: string) => given.find((g) => g.value === v)?.n ?? 0;
      const options = q.kind === 'scale' ? scaleAnswers : q.kind === 'yes_no' ? yesNoAnswers : [];
      return {
        ...asked(q),
        retired: q.retiredAt !== null,
        answered: given.reduce((a, g) => a + g.n, 0),
        tallies: options.map((o) => ({ key: o.id, label: o.label, n: count(o.id) })),
        texts: q.kind === 'text' ? given.flatMap((g) => Array.from({ length: g.n }, () => g.value)) : [],
      };
    });
}
