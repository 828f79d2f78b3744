import { isStaffRole } from '../auth/roles.ts';
import '../cases/all-effects.ts';
import { effectNames, findEffect } from '../cases/effects.ts';
import type { Problem } from '../core/errors.ts';
import { Components } from './components.ts';
import { loadStandardsDir, withLines } from './standard.loader.ts';
import type { Standard } from './standard.schema.ts';

function isEmpty(s: Standard, key: (typeof Components)[number]['key']): boolean {
  switch (key) {
    case 'requirements':
      return s.delivery.requirements.items.length === 0;
    case 'procedure':
      return s.delivery.procedure.steps.length === 0;
    case 'timeLimit':
      return !s.delivery.timeLimit.text;
    case 'cost':
      return !s.delivery.cost.text;
    case 'products':
      return s.delivery.products.length === 0;
    case 'complaints':
      return s.delivery.complaints.channels.length === 0 && !s.delivery.complaints.officer;
    default:
      return s.manufacturing[key].length === 0;
  }
}

/** Completeness of the 14 components, and what a reviewer would flag. */
export function lintStandard(s: Standard, file?: string): Problem[] {
  const at = (path: string, message: string, severity: 'error' | 'warning'): Problem => ({
    ...(file ? { file } : {}),
    path,
    message,
    severity,
  });
  const problems: Problem[] = [];
  for (const c of Components) {
    if (isEmpty(s, c.key)) {
      problems.push(at(`${c.group}.${c.key}`, `component ${c.number} (${c.label.id}) is empty`, 'error'));
    }
  }
  const complaints = s.delivery.complaints;
  if (!complaints.officer) {
    problems.push(
      at(
        'delivery.complaints.officer',
        'no complaint officer (pejabat pengelola pengaduan) named',
        'warning',
      ),
    );
  }
  if (complaints.channels.length === 0) {
    problems.push(at('delivery.complaints.channels', 'no complaint channel', 'warning'));
  }
  if (!s.delivery.cost.free && s.delivery.cost.amount === undefined) {
    problems.push(at('delivery.cost.amount', 'a service that is not free needs its amount', 'warning'));
  }
  if (
    s.delivery.procedure.steps.length > 0 &&
    !s.delivery.procedure.steps.some((st) => isStaffRole(st.role))
  ) {
    problems.push(at('delivery.procedure.steps', 'no step is done by office staff', 'warning'));
  }
  // Effects are module functions: a workflow may only name ones this installation has.
  s.workflow?.steps.forEach((step, i) => {
    step.actions.forEach((action, j) => {
      if (action.effect && !findEffect(action.effect)) {
        problems.push(
          at(
            `workflow.steps[${i}].actions[${j}].effect`,
            `unknown effect "${action.effect}" (known: ${effectNames().join(', ') || 'none'})`,
            'error',
          ),
        );
      }
    });
  });
  if (!s.document.effectiveDate) {
    problems.push(at('document.effectiveDate', 'no effective date (tanggal efektif)', 'warning'));
  }
  return problems;
}

/** Loader problems and lint problems of every standard in `dir`, sorted by file and line. */
export async function lintStandardsDir(dir: string): Promise<Problem[]> {
  const { standards, problems } = await loadStandardsDir(dir);
  const all = [...problems];
  for (const { file, standard, text } of standards) {
    const rel = file.startsWith(process.cwd()) ? file.slice(process.cwd().length + 1) : file;
    all.push(...withLines(lintStandard(standard, rel), text));
  }
  return all.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
}
