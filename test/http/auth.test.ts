import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

describe('sign-in, sessions, CSRF, throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs in with a demo account and returns the session user', async () => {
    const agent = new Agent(t.app);
    const res = await agent.login('sragen.fo');
    expect(res.statusCode).toBe(200);
    const user = res.json().user;
    expect(user.username).toBe('sragen.fo');
    expect(user.roles).toEqual(['front_office']);
    expect(user.unit).toEqual({
      code: 'sragen',
      name: 'Dinas Sosial Kabupaten Sragen',
      timeZone: 'Asia/Jakarta',
    });
    expect(user.permissions).toContain('cases.intake');
    expect(user.permissions).not.toContain('standards.publish');

    const cookie = res.cookies.find((c) => c.name === 'jaring_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await agent.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.name).toBe('Rina Marlina');
  });

  it('answers who is signed in without a 401: null for a visitor, the user after sign-in', async () => {
    const agent = new Agent(t.app, '10.19.0.1');
    const visitor = await agent.get('/api/auth/session');
    expect(visitor.statusCode).toBe(200);
    expect(visitor.json()).toEqual({ user: null });
    // The visitor still gets the CSRF cookie the sign-in form needs.
    expect(visitor.cookies.some((c) => c.name === 'jaring_csrf')).toBe(true);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
    await agent.login('sragen.fo');
    expect((await agent.get('/api/auth/session')).json().user.username).toBe('sragen.fo');
  });

  it('stores argon2id hashes and hashed session ids only', async () => {
    const rows = (await t.database.db.execute(
      sql`SELECT password_hash FROM users WHERE username = 'sragen.fo'`,
    )) as unknown as { rows: Array<{ password_hash: string }> };
    expect(rows.rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password with a translated message', async () => {
    const agent = new Agent(t.app, '10.0.0.2');
    const id = await agent.post('/api/auth/login', { username: 'sragen.fo', password: 'salah-sekali' });
    expect(id.statusCode).toBe(401);
    expect(id.json().error.message).toBe('Nama pengguna atau kata sandi salah.');
    const en = await agent.post(
      '/api/auth/login',
      { username: 'sragen.fo', password: 'wrong-again' },
      { 'accept-language': 'en' },
    );
    expect(en.json().error.message).toBe('Wrong user name or password.');
  });

  /** A logout sent with the agent's session but a chosen token as both CSRF cookie and header. */
  const logoutWith = (agent: Agent, token: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      remoteAddress: '10.0.0.32',
      headers: {
        cookie: `jaring_session=${agent.cookie('jaring_session')}; jaring_csrf=${token}`,
        'x-csrf-token': token,
      },
    });

  it('refuses a CSRF token of another session, though cookie and header agree', async () => {
    const other = await signedIn(t.app, 'sragen.fo', '10.0.0.31');
    const agent = await signedIn(t.app, 'sragen.kabid', '10.0.0.32');
    const res = await logoutWith(agent, other.cookie('jaring_csrf') ?? '');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf.invalid');
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('gives a new CSRF token at sign-in and sign-out; the one from before sign-in is refused', async () => {
    const agent = new Agent(t.app, '10.0.0.33');
    expect((await agent.get('/api/auth/csrf')).statusCode).toBe(200);
    const before = agent.cookie('jaring_csrf') ?? '';
    expect((await agent.login('sragen.kabid')).statusCode).toBe(200);
    const mine = agent.cookie('jaring_csrf') ?? '';
    expect(mine).not.toBe(before);
    expect((await agent.get('/api/auth/csrf')).json().token).toBe(mine);
    const res = await logoutWith(agent, before);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf.invalid');

    expect((await agent.post('/api/auth/logout')).statusCode).toBe(204);
    expect(agent.cookie('jaring_csrf')).not.toBe(mine);
    expect((await agent.login('sragen.kabid')).statusCode).toBe(200);
    expect(agent.cookie('jaring_csrf')).not.toBe(mine);
  });

  it('refuses state-changing requests without the CSRF token', async () => {
    const agent = await signedIn(t.app, 'sragen.kabid');
    const res = await agent.post('/api/auth/logout', {}, { 'x-csrf-token': 'forged-token-value-123456' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf.invalid');
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('logs out and the session no longer works', async () => {
    const agent = await signedIn(t.app, 'sragen.kabid');
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changes the password; the old one stops working, other sessions end', async () => {
    const first = await signedIn(t.app, 'sragen.verifikator');
    const second = await signedIn(t.app, 'sragen.verifikator', '10.0.0.9');
    const short = await first.post('/api/auth/password', {
      currentPassword: 'jaring-demo-2026',
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.problems[0].path).toBe('body.newPassword');
    const wrong = await first.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'a-much-longer-one',
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await first.post('/api/auth/password', {
      currentPassword: 'jaring-demo-2026',
      newPassword: 'sandi-baru-yang-panjang',
    });
    expect(ok.statusCode).toBe(204);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    expect((await new Agent(t.app, '10.0.0.10').login('sragen.verifikator')).statusCode).toBe(401);
    expect(
      (await new Agent(t.app, '10.0.0.10').login('sragen.verifikator', 'sandi-baru-yang-panjang')).statusCode,
    ).toBe(200);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('writes every sign-in, failure and logout to the audit chain', async () => {
    const res = (await t.database.db.execute(
      sql`SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'auth.%' GROUP BY action`,
    )) as unknown as { rows: Array<{ action: string; n: number }> };
    const counts = Object.fromEntries(res.rows.map((r) => [r.action, r.n]));
    expect(counts['auth.login']).toBeGreaterThanOrEqual(5);
    expect(counts['auth.login_failed']).toBeGreaterThanOrEqual(3);
    expect(counts['auth.logout']).toBe(2);
    expect(counts['auth.password_change']).toBe(1);
    expect(counts['auth.password_check_failed']).toBe(1);
  });
});

describe('rate limit on public endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ JARING_PUBLIC_RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 past the limit per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      codes.push(
        (await t.app.inject({ method: 'GET', url: '/api/public/units', remoteAddress: '10.1.1.1' }))
          .statusCode,
      );
    }
    expect(codes).toEqual([200, 200, 200, 429]);
    const other = await t.app.inject({ method: 'GET', url: '/api/public/units', remoteAddress: '10.1.1.2' });
    expect(other.statusCode).toBe(200);
  });
});
