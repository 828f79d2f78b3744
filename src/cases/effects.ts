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

/** What the officer should see before taking the action (e.g. earlier claims by the same person). */
export type EffectPreview = (db: Db, caseRow: CaseRow) => Promise<Record<string, unknown>>;

const effects = new Map<string, { run: Effect; preview?: EffectPreview | undefined }>();

export function registerEffect(name: string, run: Effect, preview?: EffectPreview): void {
  effects.set(name, { run, preview });
}

export function findEffect(name: string): Effect | undefined {
  return effects.get(name)?.run;
}

export function findEffectPreview(name: string): EffectPreview | undefined {
  return effects.get(name)?.preview;
}

export function effectNames(): string[] {
  return [...effects.keys()].sort();
}
