import { caseWritePermissions, writesCases } from '../auth/permissions.ts';
import { isStaffRole, StaffRoles } from '../auth/roles.ts';
import type { Problem } from '../core/errors.ts';
import type { Language, Text } from '../core/i18n.ts';
import { type ComponentKey, Components } from './components.ts';
import { checkTemplate } from './letter.lint.ts';
import { letterContextShape, templateTexts } from './letter.schema.ts';
import {
  componentRequired,
  formatPath,
  type LintProblem,
  loadStandardsDir,
  withLines,
} from './standard.loader.ts';
import type { Standard } from './standard.schema.ts';

const blank = (t: string | undefined) => !t?.trim();

/** Whether a component has nothing in it (the schema lets empty lists through; this says so). */
function isEmpty(s: Standard, key: ComponentKey): boolean {
  const d = s.delivery;
  switch (key) {
    case 'requirements':
      return d.requirements.items.length === 0;
    case 'procedure':
      return d.procedure.steps.length === 0;
    case 'timeLimit':
      return blank(d.timeLimit.text);
    case 'cost':
      return blank(d.cost.text);
    case 'products':
      return d.products.length === 0;
    case 'complaints':
      return d.complaints.channels.length === 0 && !d.complaints.officer && blank(d.complaints.handler);
    default:
      return s.manufacturing[key].length === 0;
  }
}

/**
 * The workflow effects an installation has: the composition root hands in the same list as to the
 * case engine. `returns`: the fields of an effect's result a letter may print, with their kind.
 */
export type KnownEffects = ReadonlyArray<{
  readonly name: string;
  readonly returns?: Readonly<Record<string, string>> | undefined;
  /** Run when a case opens (a workflow's `openingCheck`), not by an action. */
  readonly atOpening?: boolean | undefined;
}>;

/** Fields the workflow's actions record, by id, with their kind (a letter's `data.*`). */
export function recordedFields(s: Standard): Record<string, string> {
  const out: Record<string, string> = {};
  for (const step of s.workflow?.steps ?? []) {
    for (const action of step.actions) for (const f of action.fields ?? []) out[f.id] ??= f.kind;
  }
  return out;
}

/**
 * The letters' problems: placeholders and syntax of every template (at the template's line), the
 * signer's role against the step that issues the letter, fields recorded with two kinds.
 */
function lintLetters(
  s: Standard,
  effects: KnownEffects,
  file: string | undefined,
  lang: Language,
): LintProblem[] {
  const problems: LintProblem[] = [];
  const at = (
    path: string,
    message: Text | string,
    severity: 'error' | 'warning',
    offset?: number,
  ): LintProblem => ({
    ...(file ? { file } : {}),
    path,
    message: typeof message === 'string' ? message : message[lang],
    severity,
    ...(offset !== undefined ? { offset } : {}),
  });
  const kinds = new Map<string, { kind: string; where: string }>();
  s.workflow?.steps.forEach((step, i) => {
    step.actions.forEach((action, j) => {
      action.fields?.forEach((f, k) => {
        const first = kinds.get(f.id);
        if (!first) kinds.set(f.id, { kind: f.kind, where: `${step.id}/${action.id}` });
        else if (first.kind !== f.kind)
          problems.push(
            at(
              `workflow.steps[${i}].actions[${j}].fields[${k}].kind`,
              {
                id: `isian "${f.id}" berjenis ${f.kind} di sini tetapi ${first.kind} di ${first.where}; {{data.${f.id}}} pada surat memakai yang pertama`,
                en: `field "${f.id}" is a ${f.kind} here but a ${first.kind} at ${first.where}; a letter's {{data.${f.id}}} takes the first`,
              },
              'warning',
            ),
          );
      });
    });
  });
  const letters = Object.entries(s.letters ?? {});
  if (letters.length === 0) return problems;
  // Effects the workflow names, with what their results offer a letter.
  const named = new Set(
    s.workflow?.steps.flatMap((st) => st.actions.flatMap((a) => (a.effect ? [a.effect] : []))),
  );
  const shape = letterContextShape({
    data: recordedFields(s),
    effects: Object.fromEntries(
      effects.filter((e) => named.has(e.name)).map((e) => [e.name, e.returns ?? {}]),
    ),
    intake: (s.intake?.fields ?? []).map((f) => f.id),
  });
  const issuing = (s.workflow?.steps ?? []).filter((st) => st.actions.some((a) => a.letter));
  for (const [product, letter] of letters) {
    for (const [rel, text] of templateTexts(letter)) {
      const path = formatPath(['letters', product, ...rel]);
      for (const p of checkTemplate(text, shape, lang)) problems.push(at(path, p.message, 'error', p.offset));
    }
    const signerPath = formatPath(['letters', product, 'signer', 'role']);
    if (issuing.length === 0) {
      problems.push(
        at(
          formatPath(['letters', product]),
          {
            id: 'tidak ada tindakan alur kerja yang menerbitkan surat (letter: { classification }), sehingga surat ini tidak pernah dicetak',
            en: 'no workflow action issues a letter (letter: { classification }), so this letter is never printed',
          },
          'warning',
        ),
      );
    }
    for (const st of issuing) {
      if (st.role !== letter.signer.role) {
        problems.push(
          at(
            signerPath,
            {
              id: `surat diterbitkan pada langkah "${st.id}", yang dikerjakan ${st.role}, sehingga peran penanda tangan harus ${st.role} (tertulis ${letter.signer.role}); agar ${letter.signer.role} yang menandatangani, terbitkan surat pada langkah ${letter.signer.role}`,
              en: `the letter is issued at step "${st.id}", where ${st.role} acts, so the signer's role must be ${st.role} (found ${letter.signer.role}); for ${letter.signer.role} to sign, issue the letter at a step of ${letter.signer.role}`,
            },
            'error',
          ),
        );
      }
    }
    if (letter.signer.onBehalfOf === letter.signer.role) {
      problems.push(
        at(
          formatPath(['letters', product, 'signer', 'onBehalfOf']),
          {
            id: `${letter.signer.role} menandatangani atas namanya sendiri; a.n. (onBehalfOf) untuk penanda tangan di bawah kepala`,
            en: `${letter.signer.role} signs in their own name; a.n. (onBehalfOf) is for a signer below the head`,
          },
          'error',
        ),
      );
    }
  }
  return problems;
}

/**
 * Completeness of the 14 components (an empty one is an error) and what a reviewer would flag
 * (warnings), worded in `lang`. Problems carry the path; `withLines` adds the line from the file.
 */
export function lintStandard(
  s: Standard,
  effects: KnownEffects,
  file?: string,
  lang: Language = 'en',
): LintProblem[] {
  const at = (path: string, message: Text | string, severity: 'error' | 'warning'): Problem => ({
    ...(file ? { file } : {}),
    path,
    message: typeof message === 'string' ? message : message[lang],
    severity,
  });
  const problems: LintProblem[] = [];
  for (const c of Components) {
    if (isEmpty(s, c.key)) {
      problems.push(at(`${c.group}.${c.key}`, componentRequired(c, lang), 'error'));
    }
  }
  const { complaints, cost, procedure } = s.delivery;
  if (!complaints.officer) {
    problems.push(
      at(
        'delivery.complaints.officer',
        {
          id: 'pejabat pengelola pengaduan belum disebut',
          en: 'no complaint officer (pejabat pengelola pengaduan) named',
        },
        'warning',
      ),
    );
  }
  if (complaints.channels.length === 0) {
    problems.push(
      at(
        'delivery.complaints.channels',
        { id: 'belum ada sarana pengaduan', en: 'no complaint channel' },
        'warning',
      ),
    );
  }
  if (!cost.free && cost.amount === undefined) {
    problems.push(
      at(
        'delivery.cost.amount',
        {
          id: 'layanan tidak gratis tetapi besar biaya (rupiah) tidak disebut',
          en: 'the service is not free but no amount (rupiah) is given',
        },
        'warning',
      ),
    );
  }
  if (procedure.steps.length > 0 && !procedure.steps.some((st) => isStaffRole(st.role))) {
    problems.push(
      at(
        'delivery.procedure.steps',
        {
          id: `tidak ada langkah yang dikerjakan peran petugas (${StaffRoles.join(', ')}); prosedur tidak menyebut apa yang dikerjakan kantor`,
          en: `no step is done by a staff role (${StaffRoles.join(', ')}); the procedure does not say what the office does`,
        },
        'warning',
      ),
    );
  }
  // Effects are module functions: a workflow may only name ones this installation has.
  s.workflow?.steps.forEach((step, i) => {
    // A case would stop at a step whose role may not write to cases (e.g. the auditor).
    if (!writesCases(step.role)) {
      problems.push(
        at(
          `workflow.steps[${i}].role`,
          {
            id: `peran ${step.role} tidak boleh bertindak atas permohonan (tidak memegang ${caseWritePermissions.join(', ')})`,
            en: `role ${step.role} may not act on cases (it holds none of ${caseWritePermissions.join(', ')})`,
          },
          'error',
        ),
      );
    }
    step.actions.forEach((action, j) => {
      if (action.effect && !effects.some((e) => e.name === action.effect && !e.atOpening)) {
        const known = effects
          .filter((e) => !e.atOpening)
          .map((e) => e.name)
          .sort();
        problems.push(
          at(
            `workflow.steps[${i}].actions[${j}].effect`,
            {
              id: `efek "${action.effect}" tidak dikenal (yang ada: ${known.join(', ') || 'tidak ada'})`,
              en: `unknown effect "${action.effect}" (known: ${known.join(', ') || 'none'})`,
            },
            'error',
          ),
        );
      }
    });
  });
  const check = s.workflow?.openingCheck;
  if (check && !effects.some((e) => e.name === check && e.atOpening)) {
    const known = effects
      .filter((e) => e.atOpening)
      .map((e) => e.name)
      .sort();
    problems.push(
      at(
        'workflow.openingCheck',
        {
          id: `pemeriksaan pembukaan "${check}" tidak dikenal (yang ada: ${known.join(', ') || 'tidak ada'})`,
          en: `unknown opening check "${check}" (known: ${known.join(', ') || 'none'})`,
        },
        'error',
      ),
    );
  }
  if (!s.document.effectiveDate) {
    problems.push(
      at(
        'document.effectiveDate',
        { id: 'tanggal efektif belum diisi', en: 'no effective date (tanggal efektif)' },
        'warning',
      ),
    );
  }
  problems.push(...lintLetters(s, effects, file, lang));
  return problems;
}

/** Loader problems and lint problems of every standard in `dir`, with lines, sorted by file and line. */
export async function lintStandardsDir(
  dir: string,
  effects: KnownEffects,
  lang: Language = 'en',
): Promise<Problem[]> {
  const { standards, problems } = await loadStandardsDir(dir, lang);
  const all = [...problems];
  for (const { file, standard, text } of standards) {
    all.push(...withLines(lintStandard(standard, effects, file, lang), text));
  }
  return all.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
}
