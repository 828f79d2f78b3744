import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

async function signedInWith(t: TestApp, username: string, ip: string, userAgent: string): Promise<Agent> {
  const agent = new Agent(t.app, ip);
  const res = await agent.post(
    '/api/auth/login',
    { username, password: 'jaring-demo-2026' },
    { 'user-agent': userAgent },
  );
  expect(res.statusCode).toBe(200);
  return agent;
}

describe('active sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("lists one's own sessions with opaque ids, and signs another one out", async () => {
    const desk = await signedInWith(t, 'sragen.kabid', '10.50.0.1', 'Firefox di kantor');
    const phone = await signedInWith(t, 'sragen.kabid', '10.50.0.2', 'Chrome di ponsel');
    await signedIn(t.app, 'sragen.fo', '10.50.0.3');

    const list = await desk.get('/api/auth/sessions');
    expect(list.statusCode).toBe(200);
    const sessions = list.json().sessions as SessionInfo[];
    expect(sessions.map((s) => [s.ip, s.userAgent, s.current]).sort()).toEqual([
      ['10.50.0.1', 'Firefox di kantor', true],
      ['10.50.0.2', 'Chrome di ponsel', false],
    ]);
    for (const s of sessions) {
      expect(s.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(Number.isNaN(Date.parse(s.createdAt))).toBe(false);
    }
    // The ids are not (a part of) the session keys in the database.
    const keys = (await t.database.db.execute(sql`SELECT id FROM sessions`)) as unknown as {
      rows: Array<{ id: string }>;
    };
    for (const s of sessions) for (const k of keys.rows) expect(k.id).not.toContain(s.id);

    const other = sessions.find((s) => !s.current);
    if (!other) throw new Error('no other session');
    expect((await desk.delete(`/api/auth/sessions/${other.id}`)).statusCode).toBe(204);
    const after = await phone.get('/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect((await desk.get('/api/auth/me')).statusCode).toBe(200);
    expect(((await desk.get('/api/auth/sessions')).json().sessions as SessionInfo[]).length).toBe(1);
  });

  it("refuses to sign out someone else's session", async () => {
    const fo = await signedInWith(t, 'sragen.verifikator', '10.50.1.1', 'A');
    const victim = await signedInWith(t, 'sragen.fungsional', '10.50.1.2', 'B');
    const [theirs] = (await victim.get('/api/auth/sessions')).json().sessions as SessionInfo[];
    if (!theirs) throw new Error('no session');
    const res = await fo.delete(`/api/auth/sessions/${theirs.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('session.not_found');
    expect(res.json().error.message).toBe('Sesi tidak ditemukan (mungkin sudah berakhir).');
    expect((await victim.get('/api/auth/me')).statusCode).toBe(200);
    expect((await new Agent(t.app, '10.50.1.3').get('/api/auth/sessions')).statusCode).toBe(401);
  });

  it('signs out all other sessions at once, and the current one by its id', async () => {
    const agents = [];
    for (let i = 1; i <= 3; i++) agents.push(await signedInWith(t, 'tarakan.fo', `10.50.2.${i}`, `UA ${i}`));
    const [me, a, b] = agents as [Agent, Agent, Agent];
    const res = await me.delete('/api/auth/sessions');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ revoked: 2 });
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    const [mine] = (await me.get('/api/auth/sessions')).json().sessions as SessionInfo[];
    if (!mine?.current) throw new Error('current session missing');
    const self = await me.delete(`/api/auth/sessions/${mine.id}`);
    expect(self.statusCode).toBe(204);
    expect(self.cookies.find((c) => c.name === 'jaring_session')?.value).toBe('');
    expect((await me.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('audits each sign-out with the opaque id', async () => {
    const res = (await t.database.db.execute(
      sql`SELECT action, entity_id, after FROM audit_log WHERE action IN ('auth.session_revoke', 'auth.sessions_revoke_others') ORDER BY seq`,
    )) as unknown as { rows: Array<{ action: string; entity_id: string; after: unknown }> };
    expect(res.rows.map((r) => r.action)).toEqual([
      'auth.session_revoke',
      'auth.sessions_revoke_others',
      'auth.session_revoke',
    ]);
    expect(res.rows[0]?.entity_id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(res.rows[1]?.after).toEqual({ revoked: 2 });
  });
});
