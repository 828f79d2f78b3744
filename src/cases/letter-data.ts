import type { KindedValue } from '../documents/letter.context.ts';
import type { Workflow } from '../standards/workflow.schema.ts';
import { actionOf } from './case.reducer.ts';
import { type Effects, findEffect } from './effects.ts';

/** One action of the case as the letter needs it: where it was taken and what it recorded. */
export interface RecordedAction {
  step: string | null;
  action: string;
  /** The action's form data; an effect's result under `result`. */
  data: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * What a case's actions recorded, for its letter: the fields of each action's definition (later
 * actions over earlier ones, in action order) and the declared fields of each effect's result.
 */
export function letterRecords(workflow: Workflow, effects: Effects, actions: readonly RecordedAction[]) {
  const data: Record<string, KindedValue> = {};
  const results: Record<string, Record<string, KindedValue>> = {};
  for (const a of actions) {
    const def = actionOf(workflow, a.step, a.action);
    if (!def || !isRecord(a.data)) continue;
    const recorded = a.data;
    for (const f of def.fields ?? []) {
      const value = recorded[f.id];
      if (value !== undefined && value !== null && String(value).trim() !== '')
        data[f.id] = { kind: f.kind, value };
    }
    const returns = def.effect ? findEffect(effects, def.effect)?.returns : undefined;
    const result = recorded.result;
    if (def.effect && returns && isRecord(result)) {
      results[def.effect] = Object.fromEntries(
        Object.entries(returns).map(([k, kind]) => [k, { kind, value: result[k] }]),
      );
    }
  }
  return { data, effects: results };
}
