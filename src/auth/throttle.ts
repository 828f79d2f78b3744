import { DomainError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import * as repo from './auth.repository.ts';

/**
 * Throttling of secret checks: waits that grow, never a lockout of the account.
 *
 * Every check of a password or an authenticator code is a row of `login_attempts`. Before a
 * check, the failures of the last 24 hours decide whether the caller must first wait. A request
 * that comes during a wait is answered 429 `auth.throttled` with Retry-After, checks nothing
 * and is not counted, so hammering does not stretch the wait. After `free` failures of a rule,
 * each further failure makes the next try wait 2^(failures − free) seconds (1 s, 2 s, 4 s …)
 * from the last failure, up to the rule's cap. With F = JARING_LOGIN_MAX_ATTEMPTS (5) and
 * C = JARING_LOGIN_MAX_DELAY (300 s):
 *
 * Sign-in, all three rules checked, the longest wait wins:
 * - one user name from one address: free F, cap C, counted since the pair's last success.
 *   One guesser at one address: F tries, then slower and slower, at most one try per C
 *   (about 290 a day at the defaults).
 * - one address across user names: free 4F, cap C. One address trying many accounts.
 * - one user name across addresses: free 4F, cap C/5 (one minute). A guess spread over many
 *   addresses gets at most one try a minute, and each address also spends its own allowance.
 *
 * The last two rules skip an address from which the user signed in within 30 days (a known
 * address). So failures at `sragen.kadis` from elsewhere never slow the kadis down at their own
 * office; from a new address they wait at most C/5 between tries. Only someone who shares the
 * user's address (the first rule) can slow the user there, and for at most C at a time.
 *
 * Checks by a signed-in user of the current password (password change, turning TOTP off) and
 * authenticator codes (sign-in, enrolment): one rule per user across addresses, free F, cap C,
 * counted since the last success of that kind. Only someone who already holds the session (or
 * the password) can cause these failures.
 */
export interface ThrottleSettings {
  loginMaxAttempts: number;
  loginMaxDelaySeconds: number;
}

const windowMs = 24 * 3_600_000;
const knownAddressMs = 30 * 86_400_000;

/** Seconds still to wait after `failures` failures, the last at `last`; 0 = may try now. */
export function waitSeconds(
  failures: number,
  last: Date | undefined,
  rule: { free: number; capSeconds: number },
  now: number,
): number {
  if (!last || failures < rule.free) return 0;
  const delay = Math.min(rule.capSeconds, 2 ** Math.min(30, failures - rule.free));
  const remainingMs = last.getTime() + delay * 1000 - now;
  return remainingMs > 0 ? Math.ceil(remainingMs / 1000) : 0;
}

function later(a: Date | undefined, b: Date): Date {
  return a && a.getTime() > b.getTime() ? a : b;
}

/** How long a sign-in for `username` from `ip` must wait before its password is checked. */
export async function loginWait(
  db: Db,
  username: string,
  ip: string,
  settings: ThrottleSettings,
  now: number,
): Promise<number> {
  const F = settings.loginMaxAttempts;
  const C = settings.loginMaxDelaySeconds;
  const dayAgo = new Date(now - windowMs);
  const pairSuccess = await repo.lastSuccess(db, { kind: 'login', username, ip });
  const pair = await repo.failureStats(db, { kind: 'login', username, ip }, later(pairSuccess, dayAgo));
  let wait = waitSeconds(pair.count, pair.last, { free: F, capSeconds: C }, now);
  const known = pairSuccess !== undefined && pairSuccess.getTime() > now - knownAddressMs;
  if (!known) {
    const byIp = await repo.failureStats(db, { kind: 'login', ip }, dayAgo);
    const byUser = await repo.failureStats(db, { kind: 'login', username }, dayAgo);
    wait = Math.max(
      wait,
      waitSeconds(byIp.count, byIp.last, { free: 4 * F, capSeconds: C }, now),
      waitSeconds(
        byUser.count,
        byUser.last,
        { free: 4 * F, capSeconds: Math.max(1, Math.round(C / 5)) },
        now,
      ),
    );
  }
  return wait;
}

/** How long a signed-in user's check of their password or code of one kind must wait. */
export async function userWait(
  db: Db,
  kind: 'password' | 'totp',
  username: string,
  settings: ThrottleSettings,
  now: number,
): Promise<number> {
  const success = await repo.lastSuccess(db, { kind, username });
  const stats = await repo.failureStats(db, { kind, username }, later(success, new Date(now - windowMs)));
  return waitSeconds(
    stats.count,
    stats.last,
    { free: settings.loginMaxAttempts, capSeconds: settings.loginMaxDelaySeconds },
    now,
  );
}

/** Refuses with `auth.throttled` (429, Retry-After) while there is a wait. */
export function refuseWhileWaiting(seconds: number): void {
  if (seconds > 0) throw new DomainError('auth.throttled', { retryAfterSeconds: seconds });
}
