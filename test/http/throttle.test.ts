import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, ManualClock, signedIn, type TestApp } from '../app.ts';

const wrong = (agent: Agent, username: string, n = 0) =>
  agent.post('/api/auth/login', { username, password: `salah-${n}` });

/** Status and Retry-After of a response, for compact expectations. */
const verdict = (res: { statusCode: number; headers: Record<string, unknown> }) => ({
  status: res.statusCode,
  retryAfter: res.headers['retry-after'] === undefined ? undefined : Number(res.headers['retry-after']),
});

describe('sign-in throttling: growing delays, no lockout', () => {
  let t: TestApp;
  const clock = new ManualClock();
  beforeAll(async () => {
    t = await createTestApp({ JARING_LOGIN_MAX_DELAY: '8' }, { clock });
  });
  afterAll(() => t.close());

  it('5 wrong passwords for sragen.kadis from one address do not lock the kadis out elsewhere', async () => {
    const attacker = new Agent(t.app, '10.20.0.1');
    for (let i = 0; i < 5; i++) expect((await wrong(attacker, 'sragen.kadis', i)).statusCode).toBe(401);

    // The real kadis, at another address, signs in at once.
    const kadis = new Agent(t.app, '10.20.0.2');
    expect((await kadis.login('sragen.kadis')).statusCode).toBe(200);

    // From the attacker's address the next try waits one second, and is not locked for 15 minutes.
    const refused = await attacker.login('sragen.kadis');
    expect(verdict(refused)).toEqual({ status: 429, retryAfter: 1 });
    expect(refused.json().error.code).toBe('auth.throttled');
    expect(refused.json().error.message).toBe('Terlalu banyak percobaan masuk. Coba lagi dalam 1 detik.');
    clock.advance(1_000);
    expect((await attacker.login('sragen.kadis')).statusCode).toBe(200);
  });

  it('doubles the wait after each further failure up to the cap, and a success clears the pair', async () => {
    const agent = new Agent(t.app, '10.20.1.1');
    for (let i = 0; i < 5; i++) expect((await wrong(agent, 'tarakan.fo', i)).statusCode).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const refused = verdict(await wrong(agent, 'tarakan.fo'));
      expect(refused.status).toBe(429);
      waits.push(refused.retryAfter ?? 0);
      // Knocking during the wait is not counted: it neither stretches nor shortens the wait.
      if (i === 0) expect(verdict(await agent.login('tarakan.fo'))).toEqual(refused);
      clock.advance((refused.retryAfter ?? 0) * 1000);
      expect((await wrong(agent, 'tarakan.fo', 10 + i)).statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 8]);

    clock.advance(8_000);
    expect((await agent.login('tarakan.fo')).statusCode).toBe(200);
    clock.advance(1_000);
    // The pair starts afresh: five more free tries.
    for (let i = 0; i < 5; i++) expect((await wrong(agent, 'tarakan.fo', 20 + i)).statusCode).toBe(401);
    expect(verdict(await wrong(agent, 'tarakan.fo'))).toEqual({ status: 429, retryAfter: 1 });
  });

  it('slows an address that fails across many user names, but not a user it knows', async () => {
    const office = new Agent(t.app, '10.20.2.1');
    expect((await office.login('sragen.fo')).statusCode).toBe(200);
    const sprayer = new Agent(t.app, '10.20.2.1');
    for (let i = 0; i < 20; i++) expect((await wrong(sprayer, `nobody-${i}`)).statusCode).toBe(401);
    expect(verdict(await wrong(sprayer, 'nobody-20'))).toEqual({ status: 429, retryAfter: 1 });
    expect(verdict(await sprayer.login('sragen.kabid'))).toEqual({ status: 429, retryAfter: 1 });
    // sragen.fo signed in from this address before: the address's failures do not slow them.
    expect((await new Agent(t.app, '10.20.2.1').login('sragen.fo')).statusCode).toBe(200);
  });

  it('slows a guess spread over many addresses gently, and never at an address the user knows', async () => {
    expect((await new Agent(t.app, '10.20.3.200').login('tarakan.kabid')).statusCode).toBe(200);
    const from = (n: number) => new Agent(t.app, `10.20.3.${n}`);
    // Each address fails once: no pair or address rule applies; the user name's own does after 20.
    for (let i = 0; i < 20; i++) expect((await wrong(from(i + 1), 'tarakan.kabid', i)).statusCode).toBe(401);
    const waits: number[] = [];
    for (let i = 20; i < 24; i++) {
      const refused = verdict(await wrong(from(i + 1), 'tarakan.kabid', i));
      expect(refused.status).toBe(429);
      waits.push(refused.retryAfter ?? 0);
      clock.advance((refused.retryAfter ?? 0) * 1000);
      expect((await wrong(from(i + 1), 'tarakan.kabid', i)).statusCode).toBe(401);
    }
    // Capped at a fifth of JARING_LOGIN_MAX_DELAY (8 s here): 2 s.
    expect(waits).toEqual([1, 2, 2, 2]);
    expect(verdict(await from(99).login('tarakan.kabid'))).toEqual({ status: 429, retryAfter: 2 });
    // The real user at their usual address is not slowed at all.
    expect((await new Agent(t.app, '10.20.3.200').login('tarakan.kabid')).statusCode).toBe(200);
    clock.advance(2_000);
    expect((await from(99).login('tarakan.kabid')).statusCode).toBe(200);
  });

  it('counts only checked passwords as attempts, not requests refused for waiting', async () => {
    const res = (await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM login_attempts WHERE username = 'sragen.kadis' AND NOT success`,
    )) as unknown as { rows: Array<{ n: number }> };
    expect(res.rows[0]?.n).toBe(5);
  });
});

describe('password change throttling', () => {
  let t: TestApp;
  const clock = new ManualClock();
  beforeAll(async () => {
    t = await createTestApp({}, { clock });
  });
  afterAll(() => t.close());

  it('slows guesses of the current password per user, across sessions', async () => {
    const first = await signedIn(t.app, 'sragen.fungsional', '10.30.0.1');
    const second = await signedIn(t.app, 'sragen.fungsional', '10.30.0.2');
    const change = (agent: Agent, currentPassword: string) =>
      agent.post('/api/auth/password', { currentPassword, newPassword: 'sandi-baru-yang-panjang' });
    for (let i = 0; i < 5; i++) expect((await change(first, `tebakan-${i}`)).statusCode).toBe(401);
    const refused = await change(first, 'jaring-demo-2026');
    expect(verdict(refused)).toEqual({ status: 429, retryAfter: 1 });
    expect(refused.json().error.code).toBe('auth.throttled');
    // Another session of the same user (another address) waits too.
    expect(verdict(await change(second, 'jaring-demo-2026'))).toEqual({ status: 429, retryAfter: 1 });
    clock.advance(1_000);
    expect((await change(first, 'tebakan-5')).statusCode).toBe(401);
    expect(verdict(await change(first, 'jaring-demo-2026'))).toEqual({ status: 429, retryAfter: 2 });
    clock.advance(2_000);
    expect((await change(first, 'jaring-demo-2026')).statusCode).toBe(204);

    const audit = (await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.password_check_failed'`,
    )) as unknown as { rows: Array<{ n: number }> };
    expect(audit.rows[0]?.n).toBe(6);
  });
});
