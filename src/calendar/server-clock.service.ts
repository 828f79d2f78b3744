import { type Actor, recordAudit } from '../audit/audit.service.ts';
import { type Clock, parseDuration, TestClock } from '../core/clock.ts';
import { type Config, hasTestClock, isProduction } from '../core/config.ts';
import { DomainError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import type { ServerClock } from './calendar.schema.ts';

/**
 * Moves the server's test clock forward (to produce a breach without waiting), audited. Refused
 * unless a test clock setting is on; the configuration already refuses one in production.
 */
export async function advanceServerClock(
  db: Db,
  actor: Actor,
  config: Config,
  clock: Clock,
  by: string,
): Promise<ServerClock> {
  const ms = parseDuration(by);
  if (!hasTestClock(config) || isProduction(config) || !(clock instanceof TestClock) || !ms || ms <= 0)
    throw new DomainError('calendar.clock_fixed');
  const before = new Date(clock.now()).toISOString();
  clock.advance(ms);
  const now = new Date(clock.now()).toISOString();
  await recordAudit(db, actor, {
    action: 'clock.advance',
    entity: 'server_clock',
    entityId: 'test',
    unitId: null,
    before: { now: before },
    after: { now, by },
  });
  return { now, offsetMinutes: Math.round(clock.offset / 60_000) };
}
