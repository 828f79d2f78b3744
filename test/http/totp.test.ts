import { sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, ManualClock, signedIn, type TestApp } from '../app.ts';

/** The code an authenticator app shows for a secret at a moment (SHA-1, 6 digits, 30 s). */
const codeAt = (secret: string, ms: number) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: ms });

async function enrol(agent: Agent, clock: ManualClock): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await agent.post('/api/auth/totp/setup');
  expect(setup.statusCode).toBe(200);
  const { secret } = setup.json() as { secret: string };
  const confirm = await agent.post('/api/auth/totp/confirm', { code: codeAt(secret, clock.now()) });
  expect(confirm.statusCode).toBe(200);
  // The confirming code is used up: the next sign-in needs the next step's code.
  clock.advance(30_000);
  return { secret, recoveryCodes: confirm.json().recoveryCodes };
}

async function count(t: TestApp, query: ReturnType<typeof sql>): Promise<number> {
  const res = (await t.database.db.execute(query)) as unknown as { rows: Array<{ n: number }> };
  return res.rows[0]?.n ?? 0;
}

describe('TOTP second factor', () => {
  let t: TestApp;
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 2, 0, 10));
  beforeAll(async () => {
    t = await createTestApp({}, { clock });
  });
  afterAll(() => t.close());

  it('enrols: an otpauth URI and a QR code, confirmed by a code; the secret is kept encrypted', async () => {
    const agent = await signedIn(t.app, 'sragen.kabid', '10.40.0.1');
    const setup = await agent.post('/api/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, uri, qr } = setup.json() as { secret: string; uri: string; qr: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Jaring:sragen\.kabid\?/);
    expect(new URL(uri).searchParams.get('secret')).toBe(secret);
    expect(qr).toMatch(/^data:image\/png;base64,/);
    // Not on until confirmed: signing in needs no code yet.
    expect((await new Agent(t.app, '10.40.0.2').login('sragen.kabid')).statusCode).toBe(200);

    const bad = await agent.post('/api/auth/totp/confirm', { code: '000000' });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('auth.totp_invalid');
    const ok = await agent.post('/api/auth/totp/confirm', { code: codeAt(secret, clock.now()) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().recoveryCodes).toHaveLength(10);
    expect(ok.json().user.totp).toEqual({ enabled: true, required: false });
    expect((await agent.get('/api/auth/me')).json().user.totp.enabled).toBe(true);

    // Once on, the secret is never handed out again.
    const again = await agent.post('/api/auth/totp/setup');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('auth.totp_enabled');
    const stored = (await t.database.db.execute(
      sql`SELECT t.secret FROM user_totp t JOIN users u ON u.id = t.user_id WHERE u.username = 'sragen.kabid'`,
    )) as unknown as { rows: Array<{ secret: string }> };
    expect(stored.rows[0]?.secret).toMatch(/^v1\./);
    expect(stored.rows[0]?.secret).not.toContain(secret);
    clock.advance(30_000);
  });

  it('asks for the code at sign-in, accepts ±1 step, refuses a wrong or reused code', async () => {
    const agent = await signedIn(t.app, 'sragen.fungsional', '10.40.1.1');
    const { secret } = await enrol(agent, clock);
    const browser = new Agent(t.app, '10.40.1.2');

    const asked = await browser.login('sragen.fungsional');
    expect(asked.statusCode).toBe(401);
    expect(asked.json().error.code).toBe('auth.totp_required');
    expect(asked.json().error.message).toBe('Masukkan kode 6 angka dari aplikasi autentikator Anda.');
    expect(asked.cookies.find((c) => c.name === 'jaring_session')).toBeUndefined();
    // A wrong password still says only that.
    expect(
      (await browser.login('sragen.fungsional', 'salah', codeAt(secret, clock.now()))).json().error.code,
    ).toBe('auth.invalid_credentials');

    const wrong = await browser.login('sragen.fungsional', undefined, '123456');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('auth.totp_invalid');
    // Two steps away is too far.
    expect(
      (await browser.login('sragen.fungsional', undefined, codeAt(secret, clock.now() - 60_000))).json().error
        .code,
    ).toBe('auth.totp_invalid');

    // The previous step's code is still accepted (clock drift) …
    clock.advance(30_000);
    const code = codeAt(secret, clock.now() - 30_000);
    const ok = await browser.login('sragen.fungsional', undefined, code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.totp).toEqual({ enabled: true, required: false });
    // … but only once, from anywhere; and no earlier code after a later one.
    const replay = await new Agent(t.app, '10.40.1.3').login('sragen.fungsional', undefined, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('auth.totp_reused');
    const current = codeAt(secret, clock.now());
    expect(
      (await new Agent(t.app, '10.40.1.3').login('sragen.fungsional', undefined, current)).statusCode,
    ).toBe(200);
    expect(
      (await new Agent(t.app, '10.40.1.4').login('sragen.fungsional', undefined, current)).json().error.code,
    ).toBe('auth.totp_reused');
    clock.advance(30_000);
    expect(
      (await new Agent(t.app, '10.40.1.4').login('sragen.fungsional', undefined, codeAt(secret, clock.now())))
        .statusCode,
    ).toBe(200);
  });

  it('throttles wrong codes like passwords', async () => {
    const agent = await signedIn(t.app, 'sragen.verifikator', '10.40.2.1');
    const { secret } = await enrol(agent, clock);
    const browser = new Agent(t.app, '10.40.2.2');
    for (let i = 0; i < 5; i++)
      expect((await browser.login('sragen.verifikator', undefined, `00000${i}`)).json().error.code).toBe(
        'auth.totp_invalid',
      );
    const refused = await browser.login('sragen.verifikator', undefined, codeAt(secret, clock.now()));
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    clock.advance(1_000);
    expect(
      (await browser.login('sragen.verifikator', undefined, codeAt(secret, clock.now()))).statusCode,
    ).toBe(200);
  });

  it('accepts each recovery code once, and turns off only with the password and a code', async () => {
    const agent = await signedIn(t.app, 'tarakan.fungsional', '10.40.3.1');
    const { secret, recoveryCodes } = await enrol(agent, clock);
    const [first, second] = recoveryCodes;
    if (!first || !second) throw new Error('no recovery codes');
    const rescued = await new Agent(t.app, '10.40.3.2').login(
      'tarakan.fungsional',
      undefined,
      first.toUpperCase(),
    );
    expect(rescued.statusCode).toBe(200);
    const again = await new Agent(t.app, '10.40.3.3').login('tarakan.fungsional', undefined, first);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('auth.totp_invalid');

    const noPassword = await agent.delete('/api/auth/totp', {
      password: 'salah',
      code: codeAt(secret, clock.now()),
    });
    expect(noPassword.statusCode).toBe(401);
    expect(noPassword.json().error.code).toBe('auth.invalid_credentials');
    const noCode = await agent.delete('/api/auth/totp', { password: 'jaring-demo-2026', code: '000000' });
    expect(noCode.json().error.code).toBe('auth.totp_invalid');
    expect(
      (
        await agent.delete('/api/auth/totp', {
          password: 'jaring-demo-2026',
          code: codeAt(secret, clock.now()),
        })
      ).statusCode,
    ).toBe(204);
    expect((await agent.get('/api/auth/me')).json().user.totp.enabled).toBe(false);
    expect((await new Agent(t.app, '10.40.3.4').login('tarakan.fungsional')).statusCode).toBe(200);
    expect(
      await count(
        t,
        sql`SELECT count(*)::int AS n FROM totp_recovery_codes c JOIN users u ON u.id = c.user_id WHERE u.username = 'tarakan.fungsional'`,
      ),
    ).toBe(0);
    expect(
      (await agent.delete('/api/auth/totp', { password: 'jaring-demo-2026', code: '000000' })).statusCode,
    ).toBe(409);
  });

  it("a unit's requirement limits its admin and head of office to enrolment until they have TOTP", async () => {
    const admin = await signedIn(t.app, 'admin', '10.40.4.1');
    // The admin's own unit: they would strand themselves, so they must enrol first.
    const own = await admin.put('/api/units/current/security', { requireTotp: true });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('auth.totp_enrol_first');
    expect((await admin.post('/api/auth/unit', { unitCode: 'tarakan' })).statusCode).toBe(200);
    const on = await admin.put('/api/units/current/security', { requireTotp: true });
    expect(on.statusCode).toBe(200);
    expect((await admin.get('/api/units/current/security')).json()).toEqual({ requireTotp: true });
    const kabid = await signedIn(t.app, 'tarakan.kabid', '10.40.4.2');
    expect((await kabid.put('/api/units/current/security', { requireTotp: false })).statusCode).toBe(403);
    // Not an admin or head of office: unaffected.
    expect((await kabid.get('/api/home')).statusCode).toBe(200);

    const kadis = await signedIn(t.app, 'tarakan.kadis', '10.40.4.3');
    const me = await kadis.get('/api/auth/me');
    expect(me.json().user.totp).toEqual({ enabled: false, required: true });
    for (const res of [
      await kadis.get('/api/home'),
      await kadis.get('/api/auth/sessions'),
      await kadis.get('/api/cases'),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('auth.totp_enrolment_required');
    }
    expect(
      (
        await kadis.post('/api/auth/password', {
          currentPassword: 'jaring-demo-2026',
          newPassword: 'x'.repeat(12),
        })
      ).json().error.code,
    ).toBe('auth.totp_enrolment_required');
    const { secret } = await enrol(kadis, clock);
    expect((await kadis.get('/api/home')).statusCode).toBe(200);
    expect((await new Agent(t.app, '10.40.4.4').login('tarakan.kadis')).json().error.code).toBe(
      'auth.totp_required',
    );
    expect(
      (await new Agent(t.app, '10.40.4.4').login('tarakan.kadis', undefined, codeAt(secret, clock.now())))
        .statusCode,
    ).toBe(200);

    expect(
      await count(
        t,
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'unit.require_totp' AND after->>'requireTotp' = 'true'`,
      ),
    ).toBe(1);
  });

  it('audits every enrolment step, failure and use', async () => {
    const res = (await t.database.db.execute(
      sql`SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'auth.totp%' OR action = 'auth.recovery_code_used' GROUP BY action`,
    )) as unknown as { rows: Array<{ action: string; n: number }> };
    const counts = Object.fromEntries(res.rows.map((r) => [r.action, r.n]));
    expect(counts).toEqual({
      'auth.totp_setup': 5,
      'auth.totp_enable': 5,
      'auth.totp_disable': 1,
      'auth.totp_failed': 12,
      'auth.recovery_code_used': 1,
    });
  });
});
