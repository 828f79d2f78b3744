import { displayName, regionPath } from '../core/regions.ts';
import type { Workflow } from '../standards/workflow.schema.ts';
import { actionOf } from './case.reducer.ts';
import type { CaseActionRow } from './cases.repository.ts';
import type { RecordedStep } from './cases.schema.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A region as a reader names it: `Kabupaten Sragen, Jawa Tengah`; the code when it is unknown. */
export function regionLabel(code: string): string {
  const path = regionPath(code);
  if (path.length === 0) return code;
  return path.slice(-2).reverse().map(displayName).join(', ');
}

/**
 * What earlier actions recorded in their declared fields, by the workflow's labels, with the
 * step, the action and who took it: what the next role (the signer) reads before acting.
 */
export function recordedSteps(
  workflow: Workflow,
  actions: readonly CaseActionRow[],
  names: ReadonlyMap<number, string>,
): RecordedStep[] {
  return actions.flatMap((a) => {
    const def = actionOf(workflow, a.step, a.action);
    if (!def?.fields?.length || !isRecord(a.data)) return [];
    const data = a.data;
    const fields = def.fields.flatMap((f) => {
      const value = data[f.id];
      if (value === undefined || value === null || String(value).trim() === '') return [];
      const text = f.kind === 'region' ? regionLabel(String(value)) : String(value);
      return [{ id: f.id, label: f.label, value: text }];
    });
    if (fields.length === 0) return [];
    const step = workflow.steps.find((s) => s.id === a.step);
    return [
      {
        seq: a.seq,
        at: a.at,
        stepLabel: step?.label ?? '',
        actionLabel: def.label,
        role: a.role,
        by: a.userId === null ? null : (names.get(a.userId) ?? null),
        fields,
      },
    ];
  });
}
