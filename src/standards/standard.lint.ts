import { caseWritePermissions, writesCases } from '../auth/permissions.ts';
import { isStaffRole, StaffRoles } from '../auth/roles.ts';
import type { Problem } from '../core/errors.ts';
import type { Language, Text } from '../core/i18n.ts';
import { type ComponentKey, Components } from './components.ts';
import { componentRequired, loadStandardsDir, withLines } from './standard.loader.ts';
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

/** The workflow effects an installation has: the composition root hands in the same list as to the case engine. */
export type KnownEffects = ReadonlyArray<{ readonly name: string }>;

/**
 * Completeness of the 14 components (an empty one is an error) and what a reviewer would flag
 * (warnings), worded in `lang`. Problems carry the path; `withLines` adds the line from the file.
 */
export function lintStandard(
  s: Standard,
  effects: KnownEffects,
  file?: string,
  lang: Language = 'en',
): Problem[] {
  const at = (path: string, message: Text | string, severity: 'error' | 'warning'): Problem => ({
    ...(file ? { file } : {}),
    path,
    message: typeof message === 'string' ? message : message[lang],
    severity,
  });
  const problems: Problem[] = [];
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
      if (action.effect && !effects.some((e) => e.name === action.effect)) {
        const known = effects.map((e) => e.name).sort();
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
  if (!s.document.effectiveDate) {
    problems.push(
      at(
        'document.effectiveDate',
        { id: 'tanggal efektif belum diisi', en: 'no effective date (tanggal efektif)' },
        'warning',
      ),
    );
  }
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
