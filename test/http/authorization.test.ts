import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

/**
 * One row per protected operation: refused without a session, refused without the
 * permission, refused across units, allowed with the permission in the own unit.
 */
interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  body?: () => unknown;
  /** A signed-in user lacking the permission (absent when every role holds it). */
  forbidden?: string;
  allowed: string;
  allowedStatus: number;
  /** Same operation aimed at another unit's data, with the status expected. */
  otherUnit?: { user: string; body?: () => unknown; status: number; url?: string };
}

const revisedKehabisanBekal = async (t: TestApp) => {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/public/units/sragen/standards/kehabisan-bekal',
  });
  return res.json();
};

describe('authorization per protected route', () => {
  let t: TestApp;
  let sragenYaml = '';
  let tarakanYaml = '';
  beforeAll(async () => {
    t = await createTestApp();
    const { readFile } = await import('node:fs/promises');
    sragenYaml = (await readFile('standards/sragen/kehabisan-bekal.yaml', 'utf8')).replace(
      /revision: ['"]?00['"]?/,
      "revision: '01'",
    );
    tarakanYaml = (await readFile('standards/tarakan/sembako.yaml', 'utf8')).replace(
      /revision: ['"]?[^'"\n]+['"]?/,
      "revision: '9'",
    );
    expect((await revisedKehabisanBekal(t)).revision.revision).toBe('00');
  });
  afterAll(() => t.close());

  const cases: Case[] = [
    { name: 'home', method: 'GET', url: '/api/home', allowed: 'sragen.fo', allowedStatus: 200 },
    {
      name: 'units list',
      method: 'GET',
      url: '/api/units',
      forbidden: 'sragen.kadis',
      allowed: 'admin',
      allowedStatus: 200,
    },
    {
      name: 'unit switch',
      method: 'POST',
      url: '/api/auth/unit',
      body: () => ({ unitCode: 'tarakan' }),
      forbidden: 'sragen.kabid',
      allowed: 'admin',
      allowedStatus: 200,
    },
    {
      name: 'staff standards list',
      method: 'GET',
      url: '/api/staff/standards',
      allowed: 'sragen.auditor',
      allowedStatus: 200,
    },
    {
      name: 'publish standard',
      method: 'POST',
      url: '/api/staff/standards',
      body: () => ({ yaml: sragenYaml, fileName: 'kehabisan-bekal.yaml' }),
      forbidden: 'sragen.fo',
      allowed: 'sragen.kabid',
      allowedStatus: 201,
      otherUnit: { user: 'sragen.kadis', body: () => ({ yaml: tarakanYaml }), status: 403 },
    },
    {
      name: 'audit list',
      method: 'GET',
      url: '/api/audit',
      forbidden: 'sragen.fo',
      allowed: 'sragen.auditor',
      allowedStatus: 200,
    },
    {
      name: 'audit verify',
      method: 'GET',
      url: '/api/audit/verify',
      forbidden: 'sragen.kabid',
      allowed: 'sragen.auditor',
      allowedStatus: 200,
    },
    {
      name: 'audit checkpoints list',
      method: 'GET',
      url: '/api/audit/checkpoints',
      forbidden: 'sragen.kabid',
      allowed: 'sragen.auditor',
      allowedStatus: 200,
    },
    {
      // The sign-in before it moved the chain's head, so a checkpoint is written.
      name: 'audit checkpoint now',
      method: 'POST',
      url: '/api/audit/checkpoints',
      forbidden: 'sragen.kadis',
      allowed: 'sragen.auditor',
      allowedStatus: 201,
    },
    {
      name: 'calendar read',
      method: 'GET',
      url: '/api/calendar?year=2026',
      allowed: 'sragen.desa',
      allowedStatus: 200,
    },
    {
      name: 'calendar closed day',
      method: 'PUT',
      url: '/api/calendar/days/2026-11-26',
      body: () => ({ name: 'Libur lokal: Hari Jadi Kabupaten', kind: 'libur_lokal' }),
      forbidden: 'sragen.fo',
      allowed: 'sragen.kadis',
      allowedStatus: 204,
    },
    {
      name: 'calendar office hours',
      method: 'PUT',
      url: '/api/calendar/hours',
      body: () => ({ '1': [{ start: '08:00', end: '16:00' }] }),
      forbidden: 'sragen.auditor',
      allowed: 'tarakan.kadis',
      allowedStatus: 204,
    },
    {
      name: 'password change',
      method: 'POST',
      url: '/api/auth/password',
      body: () => ({ currentPassword: 'jaring-demo-2026', newPassword: 'ganti-sandi-2026!' }),
      allowed: 'tarakan.kabid',
      allowedStatus: 204,
    },
  ];

  for (const c of cases) {
    describe(c.name, () => {
      it('refuses without a session (401)', async () => {
        const agent = new Agent(t.app, '10.2.0.1');
        const res = await agent.request(c.method, c.url, c.body?.());
        expect(res.statusCode).toBe(401);
        expect(res.json().error.code).toBe('auth.unauthenticated');
      });
      if (c.forbidden) {
        const forbidden = c.forbidden;
        it(`refuses ${forbidden} without the permission (403)`, async () => {
          const agent = await signedIn(t.app, forbidden, '10.2.0.2');
          const res = await agent.request(c.method, c.url, c.body?.());
          expect(res.statusCode).toBe(403);
          expect(res.json().error.code).toBe('auth.forbidden');
        });
      }
      if (c.otherUnit) {
        const other = c.otherUnit;
        it(`refuses ${other.user} acting on another unit (${other.status})`, async () => {
          const agent = await signedIn(t.app, other.user, '10.2.0.3');
          const res = await agent.request(c.method, other.url ?? c.url, other.body?.() ?? c.body?.());
          expect(res.statusCode).toBe(other.status);
        });
      }
      it(`allows ${c.allowed} (${c.allowedStatus})`, async () => {
        const agent = await signedIn(t.app, c.allowed, '10.2.0.4');
        const res = await agent.request(c.method, c.url, c.body?.());
        expect(res.statusCode, res.body).toBe(c.allowedStatus);
      });
    });
  }

  it('shows staff only their own unit’s standards and audit entries', async () => {
    const tarakan = await signedIn(t.app, 'tarakan.fo', '10.2.0.5');
    const list = (await tarakan.get('/api/staff/standards')).json().standards as Array<{ id: string }>;
    expect(list.map((s) => s.id)).toEqual(['sembako']);
    const auditor = await signedIn(t.app, 'sragen.auditor', '10.2.0.6');
    const entries = (await auditor.get('/api/audit?limit=500')).json().entries as Array<{
      entityId: string | null;
    }>;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.some((e) => e.entityId === 'tarakan/sembako')).toBe(false);
  });

  it('a closed day set by one unit does not touch another unit’s calendar', async () => {
    const sragen = await signedIn(t.app, 'sragen.fo', '10.2.0.8');
    const tarakan = await signedIn(t.app, 'tarakan.fo', '10.2.0.8');
    const dates = async (a: Agent) =>
      ((await a.get('/api/calendar?year=2026')).json().closedDates as Array<{ date: string }>).map(
        (d) => d.date,
      );
    expect(await dates(sragen)).toContain('2026-11-26');
    expect(await dates(tarakan)).not.toContain('2026-11-26');
  });

  it('an admin who switched unit acts in that unit', async () => {
    const admin = await signedIn(t.app, 'admin', '10.2.0.7');
    const switched = await admin.post('/api/auth/unit', { unitCode: 'banten' });
    expect(switched.json().user.unit.code).toBe('banten');
    const list = (await admin.get('/api/staff/standards')).json().standards as Array<{ id: string }>;
    expect(list.map((s) => s.id)).toEqual(['logistik-tanggap-darurat']);
    expect((await admin.post('/api/auth/unit', { unitCode: 'nowhere' })).statusCode).toBe(404);
  });

  it('the published revision is now the one in force', async () => {
    const page = await revisedKehabisanBekal(t);
    expect(page.revision.revision).toBe('01');
    expect(
      page.revisions.map((r: { revision: string; inForce: boolean }) => [r.revision, r.inForce]),
    ).toEqual([
      ['01', true],
      ['00', false],
    ]);
  });
});
