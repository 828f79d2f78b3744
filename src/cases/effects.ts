import type { AuthContext } from '../auth/auth.service.ts';
import type { Db } from '../db/client.ts';
import type { FileStore } from '../documents/file-store.ts';
import type { ValueKind } from '../standards/letter.schema.ts';
import type { CaseRow } from './cases.repository.ts';

/**
 * Effects: what a YAML workflow cannot express (a cash payout, a stock dispatch) is a named
 * function of a module; an action names it and it runs in the action's transaction. A module
 * exports its effects as a list; the composition root joins the lists and hands the result to
 * the case engine and the standards linter. Nothing registers itself by being imported.
 */
export interface EffectInput {
  ctx: AuthContext;
  caseRow: CaseRow;
  /** Form data sent with the action; for an opening check, the intake answers. */
  data: Record<string, unknown>;
  files: FileStore;
  /** The installation's public address, for a letter an effect issues (its QR); absent at opening. */
  publicUrl?: string | undefined;
  /** The action that runs the effect: its id, the role it is taken in, its note, its time. Absent at opening. */
  action?: { id: string; role: string; note?: string | undefined; at: Date } | undefined;
}

export interface Effect {
  /** What a workflow action names in `effect:`, e.g. `relief.payout`. */
  name: string;
  run: (tx: Db, input: EffectInput) => Promise<Record<string, unknown>>;
  /**
   * An opening check: run by `openCase` in the transaction that opens the case (named by the
   * workflow's `openingCheck`, never by an action). It throws to refuse the request; nothing of
   * the case is kept then. What it returns is recorded with the opening.
   */
  atOpening?: boolean;
  /**
   * The fields of `run`'s result that a letter may print (`{{effect.relief.payout.amount.text}}`),
   * with their kind; the standards linter checks letter placeholders against them.
   */
  returns?: Readonly<Record<string, ValueKind>>;
  /**
   * What the officer should see before taking the action (e.g. earlier claims by the same
   * person); with the form's current `data`, also what the action would do with it.
   */
  preview?: (db: Db, caseRow: CaseRow, data?: Record<string, unknown>) => Promise<Record<string, unknown>>;
  /**
   * What `run` would return for this input, writing nothing: the letter preview prints it.
   * Throws the errors `run` would throw for a bad input.
   */
  simulate?: (db: Db, input: Omit<EffectInput, 'files'>) => Promise<Record<string, unknown>>;
}

/** The effects an installation has. */
export type Effects = readonly Effect[];

/** The modules' lists as one; a name given twice would make an action ambiguous, so it is refused. */
export function joinEffects(...lists: Effects[]): Effects {
  const all = lists.flat();
  const seen = new Set<string>();
  for (const e of all) {
    if (seen.has(e.name)) throw new Error(`effect ${e.name} is declared twice`);
    seen.add(e.name);
  }
  return all;
}

export function findEffect(effects: Effects, name: string): Effect | undefined {
  return effects.find((e) => e.name === name);
}
