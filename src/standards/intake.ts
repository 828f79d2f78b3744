import type { IntakeField, RequirementCondition } from './intake.schema.ts';

/**
 * Intake answers and conditional requirements, as pure functions without zod: the server's
 * engine and the browser's intake form use the same ones, so the checklist the desk sees is the
 * list the engine asks for.
 */

export type IntakeValue = boolean | string | number;
export type IntakeAnswers = Record<string, IntakeValue>;

/** Whether a requirement applies to a case with these answers (one without `when` always does). */
export function conditionHolds(when: RequirementCondition | undefined, answers: IntakeAnswers): boolean {
  return when === undefined || answers[when.field] === when.equals;
}

/** A requirement's text as published, with its condition: `Surat rujukan (khusus pasien rawat inap)`. */
export function requirementText(r: { text: string; when?: RequirementCondition | undefined }): string {
  return r.when ? `${r.text} (${r.when.text})` : r.text;
}

/** Why `equals` cannot be an answer of `field`, or undefined when it can (the standard's cross-check). */
export function equalsProblem(
  field: IntakeField,
  equals: IntakeValue,
  lang: 'id' | 'en' = 'en',
): string | undefined {
  const shown = JSON.stringify(equals);
  const noAnswer = (kind: string) =>
    lang === 'id'
      ? `${shown} bukan jawaban isian ${kind} "${field.id}"`
      : `${shown} is no answer of ${kind} field "${field.id}"`;
  switch (field.kind) {
    case 'boolean':
      return typeof equals === 'boolean'
        ? undefined
        : `${noAnswer('boolean')} (${lang === 'id' ? 'true atau false' : 'true or false'})`;
    case 'number':
      return typeof equals === 'number' ? undefined : noAnswer('number');
    case 'text':
      return typeof equals === 'string' ? undefined : noAnswer('text');
    case 'region':
      return typeof equals === 'string' && regionCodePattern.test(equals) ? undefined : noAnswer('region');
    case 'choice': {
      const values = field.options.map((o) => o.value);
      if (typeof equals === 'string' && values.includes(equals)) return undefined;
      return lang === 'id'
        ? `${shown} bukan pilihan isian "${field.id}" (pilihan: ${values.join(', ')})`
        : `${shown} is not an option of field "${field.id}" (options: ${values.join(', ')})`;
    }
  }
}

export interface IntakeProblem {
  path: string;
  /** Indonesian. */
  message: string;
  /** Both languages, for the error mapper to pick the user's. */
  text: { id: string; en: string };
}

const problemAt = (path: string, id: string, en: string): IntakeProblem => ({
  path,
  message: id,
  text: { id, en },
});

const maxText = 500;
/** A dotted Kemendagri code; whether it names a region is the server's check (it holds the list). */
const regionCodePattern = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/**
 * Checks answers given at intake against the fields a standard declares. Returns the answers
 * kept (text trimmed, unanswered optional fields left out) and every problem, in Indonesian with
 * the field's label, at `intake.<id>`.
 */
export function checkIntakeAnswers(
  fields: readonly IntakeField[],
  given: Record<string, unknown>,
): { answers: IntakeAnswers; problems: IntakeProblem[] } {
  const answers: IntakeAnswers = {};
  const problems: IntakeProblem[] = [];
  const declared = new Set(fields.map((f) => f.id));
  for (const key of Object.keys(given)) {
    if (!declared.has(key)) {
      const known = fields.map((f) => f.id).join(', ');
      problems.push(
        problemAt(
          `intake.${key}`,
          `pertanyaan tidak dikenal (yang ada: ${known || 'tidak ada'})`,
          `unknown question (the standard asks: ${known || 'none'})`,
        ),
      );
    }
  }
  for (const f of fields) {
    const path = `intake.${f.id}`;
    // Own keys only: a field named like an Object method (`toString`) is not answered by it.
    const raw = Object.hasOwn(given, f.id) ? given[f.id] : undefined;
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === undefined || value === null || value === '') {
      if (f.required)
        problems.push(problemAt(path, `${f.label}: wajib dijawab`, `${f.label}: an answer is required`));
      continue;
    }
    if (f.kind === 'boolean' && typeof value !== 'boolean') {
      problems.push(
        problemAt(
          path,
          `${f.label}: jawab ya atau tidak (true/false)`,
          `${f.label}: answer yes or no (true/false)`,
        ),
      );
    } else if (f.kind === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) {
      problems.push(problemAt(path, `${f.label}: harus berupa angka`, `${f.label}: must be a number`));
    } else if (f.kind === 'text' && (typeof value !== 'string' || value.length > maxText)) {
      problems.push(
        typeof value === 'string'
          ? problemAt(
              path,
              `${f.label}: paling panjang ${maxText} karakter`,
              `${f.label}: at most ${maxText} characters`,
            )
          : problemAt(path, `${f.label}: harus berupa teks`, `${f.label}: must be text`),
      );
    } else if (f.kind === 'region' && (typeof value !== 'string' || !regionCodePattern.test(value))) {
      problems.push(
        problemAt(
          path,
          `${f.label}: kode wilayah seperti 36.02 atau 36.02.01`,
          `${f.label}: a region code like 36.02 or 36.02.01`,
        ),
      );
    } else if (f.kind === 'choice' && !f.options.some((o) => o.value === value)) {
      const options = f.options.map((o) => o.value).join(', ');
      problems.push(
        problemAt(
          path,
          `${f.label}: pilih salah satu dari ${options}`,
          `${f.label}: choose one of ${options}`,
        ),
      );
    } else {
      answers[f.id] = value as IntakeValue;
    }
  }
  return { answers, problems };
}

/** Intake answers as a letter prints them: `Ya`/`Tidak`, an option's label, the text or number. */
export function printedAnswers(
  fields: readonly IntakeField[],
  answers: IntakeAnswers,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = answers[f.id];
    if (v === undefined) continue;
    if (f.kind === 'boolean') out[f.id] = v === true ? 'Ya' : 'Tidak';
    else if (f.kind === 'choice') out[f.id] = f.options.find((o) => o.value === v)?.label ?? String(v);
    else out[f.id] = String(v);
  }
  return out;
}
