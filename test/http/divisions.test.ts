import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/passwords.ts';
import { rows as dbRows } from '../../src/db/client.ts';
import { demoPassword } from '../../src/demo/seed.ts';
import { type Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

/**
 * The right person acts and signs (issue 14, point 1): a step of a division's service is held
 * by a user of that division, unless the unit has one head for all divisions; the letter's
 * signer is the user who signs, with their NIP, rank and position, and without a NIP no letter.
 */

/** A Sragen service of the Bidang Penanganan Fakir Miskin whose letter the head of division signs. */
const yaml = `
id: surat-keterangan-fakir-miskin
unit: sragen
division: { code: penanganan-fakir-miskin, name: Bidang Penanganan Fakir Miskin }
document: { number: 400.9/0001/01/2026, revision: '00', effectiveDate: '2026-01-02' }
name: Surat Keterangan Fakir Miskin
delivery:
  requirements:
    items:
      - { id: ktp, kind: document, text: Fotokopi KTP }
  procedure:
    steps:
      - { n: 1, role: pemohon, text: Pemohon datang membawa berkas }
      - { n: 2, role: front_office, text: Pemeriksaan berkas }
      - { n: 3, role: kepala_bidang, text: Penandatanganan surat keterangan }
  timeLimit: { kind: duration, workingDays: 3, text: 3 hari kerja }
  cost: { free: true, text: Gratis }
  products: [{ id: surat-keterangan, name: Surat Keterangan Fakir Miskin }]
  complaints: { channels: [{ kind: phone, label: Telepon, value: 0271-891043 }] }
manufacturing:
  legalBasis: [{ text: UU Nomor 13 Tahun 2011 tentang Penanganan Fakir Miskin }]
  facilities: [Ruang pelayanan]
  competence: [Memahami pelayanan sosial]
  oversight: [Evaluasi oleh pimpinan]
  staffing: [2 orang]
  guarantees: [Pelayanan tepat waktu]
  safety: [Rasa aman]
  evaluation: [Survei Kepuasan Masyarakat]
workflow:
  steps:
    - id: periksa
      label: Pemeriksaan berkas
      procedureStep: 2
      role: front_office
      actions:
        - { id: teruskan, label: Teruskan, kind: forward, to: tanda-tangan }
    - id: tanda-tangan
      label: Tanda tangan Kepala Bidang
      procedureStep: 3
      role: kepala_bidang
      actions:
        - { id: tandatangani, label: Tandatangani, kind: complete, letter: { classification: "400.9" } }
`;

describe('divisions: the right person acts and signs', () => {
  let t: TestApp;
  let fo: Agent;
  let admin: Agent;
  /** Sri Wahyuni, Kepala Bidang Perlindungan Sosial: the other division. */
  let otherKabid: Agent;
  /** Bambang Hartono, made Kepala Bidang Penanganan Fakir Miskin below. */
  let kabid: Agent;
  let bambangId = 0;
  let caseId = 0;

  const rows = async <T>(query: ReturnType<typeof sql>) => dbRows<T>(t.database.db, query);
  const view = async (a: Agent, id = caseId) => (await a.get(`/api/cases/${id}`)).json();
  const sign = async (a: Agent, id = caseId, headers: Record<string, string> = {}) =>
    a.post(`/api/cases/${id}/actions`, { action: 'tandatangani', version: 2 }, headers);
  const lettersOf = async (id: number) =>
    rows<{ signer: Record<string, unknown> }>(sql`SELECT signer FROM letters WHERE case_id = ${id}`);
  const openForwarded = async (name: string) => {
    const opened = await fo.post('/api/cases', {
      standardId: 'surat-keterangan-fakir-miskin',
      applicant: { name },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as number;
    const forwarded = await fo.post(`/api/cases/${id}/actions`, { action: 'teruskan', version: 1 });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const kadis = await signedIn(t.app, 'sragen.kadis');
    const published = await kadis.post('/api/staff/standards', { yaml, fileName: 'fakir-miskin.yaml' });
    expect(published.statusCode, published.body).toBe(201);
    fo = await signedIn(t.app, 'sragen.fo', '10.14.0.1');
    admin = await signedIn(t.app, 'admin', '10.14.0.2');
    otherKabid = await signedIn(t.app, 'sragen.kabid', '10.14.0.3');
    caseId = await openForwarded('Warga Fakir Miskin Satu');
  });
  afterAll(() => t.close());

  it('says so when nobody of the unit is the division’s head yet, instead of refusing silently', async () => {
    const res = await sign(otherKabid);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('case.division_unstaffed');
    expect(res.json().error.message).toContain('Kepala Bidang pada Bidang Penanganan Fakir Miskin');
    expect(res.json().error.message).toContain('belum ada pengguna unit ini');
  });

  it('refuses a head of another division (403) naming the division, in Indonesian and English', async () => {
    // The office records its second head of division (a factory row: demo data has one per unit).
    const [sragen] = await rows<{ id: number }>(sql`SELECT id FROM units WHERE code = 'sragen'`);
    const [division] = await rows<{ id: number }>(
      sql`SELECT id FROM divisions WHERE unit_id = ${sragen?.id} AND code = 'penanganan-fakir-miskin'`,
    );
    const [bambang] = await rows<{ id: number }>(sql`
      INSERT INTO users (unit_id, division_id, username, name, nip, rank, position, password_hash)
      VALUES (${sragen?.id}, ${division?.id}, 'sragen.kabid.pfm', 'Bambang Hartono', '19790101 200501 1 009',
        'Pembina/IV-a', 'Kepala Bidang Penanganan Fakir Miskin', ${await hashPassword(demoPassword)})
      RETURNING id`);
    bambangId = bambang?.id ?? 0;
    await rows(sql`INSERT INTO user_roles (user_id, role) VALUES (${bambangId}, 'kepala_bidang')`);
    kabid = await signedIn(t.app, 'sragen.kabid.pfm', '10.14.0.4');

    const res = await sign(otherKabid);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('case.wrong_division');
    expect(res.json().error.message).toBe(
      'Langkah ini dikerjakan oleh Kepala Bidang pada Bidang Penanganan Fakir Miskin; Anda tidak tercatat di bidang tersebut.',
    );
    const en = await sign(otherKabid, caseId, { 'accept-language': 'en' });
    expect(en.json().error.message).toBe(
      'This step is done by the Head of Division of Bidang Penanganan Fakir Miskin; you are not recorded in that division.',
    );
    expect((await view(fo)).case.version).toBe(2);
  });

  it('hides the case from the other division’s queue and offers its head no action', async () => {
    const queueOf = async (a: Agent) =>
      ((await a.get('/api/cases')).json().cases as Array<{ id: number }>).map((c) => c.id);
    expect(await queueOf(otherKabid)).not.toContain(caseId);
    expect(await queueOf(kabid)).toContain(caseId);
    // Reading stays as it was: the other head sees the case, without actions.
    const seen = await view(otherKabid);
    expect(seen.step.id).toBe('tanda-tangan');
    expect(seen.available).toEqual([]);
    expect((await view(kabid)).available.map((a: { id: string }) => a.id)).toEqual(['tandatangani']);
  });

  it('refuses a letter whose signer has no NIP or position (422) before anything is written', async () => {
    const cleared = await admin.request('PATCH', `/api/units/current/users/${bambangId}`, {
      nip: null,
      position: '',
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const auditBefore = await rows<{ n: number }>(sql`SELECT max(seq) AS n FROM audit_log`);
    const res = await sign(kabid);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('case.signer_incomplete');
    expect(res.json().error.message).toBe(
      'Surat tidak dapat diterbitkan: NIP dan jabatan penanda tangan (Bambang Hartono) belum tercatat. Minta administrator melengkapinya.',
    );
    expect(res.json().error.details.missing).toEqual(['nip', 'position']);
    expect((await view(kabid)).case.version).toBe(2);
    expect(await lettersOf(caseId)).toEqual([]);
    expect(await rows(sql`SELECT max(seq) AS n FROM audit_log`)).toEqual(auditBefore);

    await admin.request('PATCH', `/api/units/current/users/${bambangId}`, {
      position: 'Kepala Bidang Penanganan Fakir Miskin',
    });
    const nipOnly = await sign(kabid, caseId, { 'accept-language': 'en' });
    expect(nipOnly.statusCode).toBe(422);
    expect(nipOnly.json().error.message).toBe(
      'The letter cannot be issued: the signer’s (Bambang Hartono) NIP is not on record. Ask the administrator to complete it.',
    );
  });

  it('signs with the acting user: their name, NIP, rank, position and Plt., on the letter and its page', async () => {
    const set = await admin.request('PATCH', `/api/units/current/users/${bambangId}`, {
      nip: '197901012005011009',
      acting: 'Plt.',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ nip: '19790101 200501 1 009', acting: 'Plt.' });
    const res = await sign(kabid);
    expect(res.statusCode, res.body).toBe(200);
    const signer = {
      name: 'Bambang Hartono',
      position: 'Kepala Bidang Penanganan Fakir Miskin',
      rank: 'Pembina/IV-a',
      nip: '19790101 200501 1 009',
      acting: 'Plt.',
    };
    expect((await lettersOf(caseId))[0]?.signer).toEqual(signer);
    const letter = res.json().letters[0] as { verificationCode: string };
    const page = await t.app.inject({ method: 'GET', url: `/api/public/verify/${letter.verificationCode}` });
    expect(page.json().signer).toEqual({ ...signer, onBehalfOf: null });
  });

  it('lets another division’s head act where the unit has one head for all divisions', async () => {
    const id = await openForwarded('Warga Fakir Miskin Dua');
    expect((await sign(otherKabid, id)).statusCode).toBe(403);
    const setting = await admin.put('/api/units/current/divisions', { oneHeadForAllDivisions: true });
    expect(setting.statusCode, setting.body).toBe(200);
    expect(setting.json().oneHeadForAllDivisions).toBe(true);
    expect(
      ((await otherKabid.get('/api/cases')).json().cases as Array<{ id: number }>).map((c) => c.id),
    ).toContain(id);
    const res = await sign(otherKabid, id);
    expect(res.statusCode, res.body).toBe(200);
    expect((await lettersOf(id))[0]?.signer).toMatchObject({
      name: 'Sri Wahyuni',
      nip: '19750823 200003 2 002',
    });
    const audited = await rows<{ before: unknown; after: unknown }>(
      sql`SELECT before, after FROM audit_log WHERE action = 'unit.one_head_for_all_divisions'`,
    );
    expect(audited).toEqual([
      { before: { oneHeadForAllDivisions: false }, after: { oneHeadForAllDivisions: true } },
    ]);
    await admin.put('/api/units/current/divisions', { oneHeadForAllDivisions: false });
    const third = await openForwarded('Warga Fakir Miskin Tiga');
    expect((await sign(otherKabid, third)).statusCode).toBe(403);
  });
});

describe('the unit administrator’s users API', () => {
  let t: TestApp;
  let admin: Agent;
  const rows = async <T>(query: ReturnType<typeof sql>) => dbRows<T>(t.database.db, query);
  const idOf = async (username: string) =>
    (await rows<{ id: number }>(sql`SELECT id FROM users WHERE username = ${username}`))[0]?.id ?? 0;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedIn(t.app, 'admin');
  });
  afterAll(() => t.close());

  it('lists the unit’s users with their official data and division, none of another unit', async () => {
    const res = await admin.get('/api/units/current/users');
    expect(res.statusCode).toBe(200);
    const { users, divisions } = res.json();
    expect(users.find((u: { username: string }) => u.username === 'sragen.kabid')).toMatchObject({
      name: 'Sri Wahyuni',
      nip: '19750823 200003 2 002',
      rank: 'Pembina/IV-a',
      position: 'Kepala Bidang Perlindungan Sosial',
      acting: null,
      division: { code: 'perlindungan-sosial', name: 'Bidang Perlindungan Sosial' },
      roles: ['kepala_bidang'],
    });
    expect(divisions.map((d: { code: string }) => d.code)).toEqual([
      'penanganan-fakir-miskin',
      'perlindungan-sosial',
    ]);
    expect(res.body).not.toContain('tarakan.');
    expect(res.body).not.toContain('Nurhayati');
  });

  it('refuses without the permission (403) and another unit’s user (404), changing nothing', async () => {
    const kabid = await signedIn(t.app, 'sragen.kabid', '10.14.1.1');
    const own = await idOf('sragen.fo');
    expect((await kabid.get('/api/units/current/users')).statusCode).toBe(403);
    expect((await kabid.request('PATCH', `/api/units/current/users/${own}`, { rank: 'x' })).statusCode).toBe(
      403,
    );
    const tarakanKabid = await idOf('tarakan.kabid');
    const foreign = await admin.request('PATCH', `/api/units/current/users/${tarakanKabid}`, { nip: null });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('user.not_found');
    expect((await rows<{ nip: string }>(sql`SELECT nip FROM users WHERE id = ${tarakanKabid}`))[0]?.nip).toBe(
      '19760214 200112 2 003',
    );
    // The unit head's setting likewise needs units.manage.
    expect(
      (await kabid.put('/api/units/current/divisions', { oneHeadForAllDivisions: true })).statusCode,
    ).toBe(403);
  });

  it('refuses a NIP that is not 18 digits and an unknown division, with what is wrong', async () => {
    const id = await idOf('sragen.fo');
    const short = await admin.request('PATCH', `/api/units/current/users/${id}`, { nip: '1975082320000320' });
    expect(short.statusCode).toBe(422);
    expect(JSON.stringify(short.json().error.problems)).toContain('NIP harus 18 angka, tercatat 16');
    const unknown = await admin.request('PATCH', `/api/units/current/users/${id}`, { division: 'keuangan' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('user.unknown_division');
    expect(unknown.json().error.message).toContain('"keuangan"');
    expect((await rows<{ nip: string }>(sql`SELECT nip FROM users WHERE id = ${id}`))[0]?.nip).toBe(
      '19920609 201903 2 005',
    );
  });

  it('updates official data and the division, audited with what changed; the user sees it', async () => {
    const id = await idOf('sragen.verifikator');
    const res = await admin.request('PATCH', `/api/units/current/users/${id}`, {
      rank: 'Penata/III-c',
      division: 'perlindungan-sosial',
      acting: 'Plh.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      rank: 'Penata/III-c',
      acting: 'Plh.',
      division: { code: 'perlindungan-sosial' },
    });
    const [audit] = await rows<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      sql`SELECT before, after FROM audit_log WHERE action = 'user.update_official' AND entity_id = ${String(id)}`,
    );
    expect(audit?.before).toMatchObject({ rank: 'Penata Muda Tingkat I/III-b', acting: null });
    expect(audit?.after).toMatchObject({ rank: 'Penata/III-c', acting: 'Plh.' });
    const me = await (await signedIn(t.app, 'sragen.verifikator', '10.14.1.2')).get('/api/auth/me');
    expect(me.json().user).toMatchObject({
      rank: 'Penata/III-c',
      acting: 'Plh.',
      division: { code: 'perlindungan-sosial', name: 'Bidang Perlindungan Sosial' },
    });
  });
});
