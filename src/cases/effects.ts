import type { AuthContext } from '../auth/auth.service.ts';
import type { Db } from '../db/client.ts';
import type { FileStore } from '../documents/file-store.ts';
import type { CaseRow } from './cases.repository.ts';

/**
 * Effects: what a YAML workflow cannot express (a cash payout, a stock dispatch) is a named
 * function a module registers; an action names it and it runs in the action's transaction.
 */
export interface EffectInput {
  ctx: AuthContext;
  caseRow: CaseRow;
  /** Form data sent with the action. */
  data: Record<string, unknown>;
  files: FileStore;
}

export type Effect = (tx: Db, input: EffectInput) => Promise<Record<string, unknown>>;

const effects = new Map<string, Effect>();

export function registerEffect(name: string, effect: Effect): void {
  effects.set(name, effect);
}

export function findEffect(name: string): Effect | undefined {
  return effects.get(name);
}

export function effectNames(): string[] {
  return [...effects.keys()].sort();
}
