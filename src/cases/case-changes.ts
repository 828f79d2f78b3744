import type { Database } from '../db/client.ts';

const channel = 'jaring_case_changes';

interface Waiter {
  unitId: number;
  since: number;
  done: (version: number) => void;
}

/**
 * Who waits for a unit's cases to change, and the mark of each unit's last change: the queue
 * and the home ask "anything newer than mine?" and refetch when so (a long poll, not a stream,
 * so any proxy, `app.inject` and the browser's fetch carry it alike).
 *
 * The mark is the writing instance's wall time in milliseconds, so that several instances agree
 * on it: on PostgreSQL a change is sent to every instance with NOTIFY and taken in from LISTEN
 * (this instance's own included); on PGlite, one process, it is taken in directly.
 */
export class CaseChanges {
  private readonly last = new Map<number, number>();
  private readonly waiters = new Set<Waiter>();
  private listener: { release(): void } | undefined;
  private closed = false;

  constructor(private readonly database?: Database) {}

  /** Starts listening on PostgreSQL; nothing to do on PGlite. */
  async start(): Promise<void> {
    const pool = this.database?.pool;
    if (!pool) return;
    const client = await pool.connect();
    client.on('notification', (n) => {
      const [unit, at] = (n.payload ?? '').split(':').map(Number);
      if (unit && at) this.take(unit, at);
    });
    await client.query(`LISTEN ${channel}`);
    this.listener = client;
  }

  /** The mark of the unit's last change, `0` when none was seen since this instance started. */
  version(unitId: number): number {
    return this.last.get(unitId) ?? 0;
  }

  /** Records that a case of the unit was written. */
  async publish(unitId: number): Promise<void> {
    const at = Math.max(Date.now(), this.version(unitId) + 1);
    const pool = this.database?.pool;
    if (pool) await pool.query('SELECT pg_notify($1, $2)', [channel, `${unitId}:${at}`]);
    else this.take(unitId, at);
  }

  /** Resolves with the unit's mark once it passes `since`, or with the same mark after `ms`. */
  wait(unitId: number, since: number, ms: number, aborted: AbortSignal): Promise<number> {
    const now = this.version(unitId);
    if (now > since || this.closed) return Promise.resolve(now);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        unitId,
        since,
        done: (v) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(v);
        },
      };
      const timer = setTimeout(() => waiter.done(this.version(unitId)), ms);
      aborted.addEventListener('abort', () => waiter.done(this.version(unitId)), { once: true });
      this.waiters.add(waiter);
    });
  }

  /** Answers every waiting request and stops listening, so that closing the app does not wait on them. */
  close(): void {
    this.closed = true;
    for (const w of [...this.waiters]) w.done(this.version(w.unitId));
    this.listener?.release();
    this.listener = undefined;
  }

  private take(unitId: number, at: number): void {
    if (at <= this.version(unitId)) return;
    this.last.set(unitId, at);
    for (const w of [...this.waiters]) if (w.unitId === unitId && at > w.since) w.done(at);
  }
}
