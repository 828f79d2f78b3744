import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effects } from '../../src/app.ts';
import { type Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

describe('Kehabisan Bekal: identity, relay leg, tariff, cash book, kwitansi, repeat claims', () => {
  let t: TestApp;
  let fo: Agent;
  let officer: Agent;
  const nik = '3314011708900001';
  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'sragen.fo');
    officer = await signedIn(t.app, 'sragen.fungsional');
  });
  afterAll(() => t.close());

  it('validates the NIK at intake and flags a traveller without one', async () => {
    const bad = await fo.post('/api/cases', {
      standardId: 'kehabisan-bekal',
      applicant: { name: 'Joko', nik: '3314018513900001' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.problems).toEqual([
      { path: 'applicant.nik', message: 'tanggal lahir tidak valid (bulan 13)' },
    ]);
    const without = await fo.post('/api/cases', {
      standardId: 'kehabisan-bekal',
      applicant: { name: 'Tanpa KTP' },
    });
    expect((await fo.get(`/api/cases/${without.json().id}`)).json().case.flags).toEqual(['tanpa-ktp']);
  });

  it('pays the leg to the next relay office at the tariff, writes the cash book and kwitansi', async () => {
    const opened = await fo.post('/api/cases', {
      standardId: 'kehabisan-bekal',
      applicant: { name: 'Bambang Sutrisno', nik },
    });
    const id = opened.json().id;
    expect((await fo.get(`/api/cases/${id}`)).json().case.flags).toEqual([]);
    expect(
      (
        await fo.upload(
          `/api/cases/${id}/documents/surat-keterangan-kepolisian`,
          Buffer.from('%PDF-1.4 polsek'),
        )
      ).statusCode,
    ).toBe(201);
    expect((await fo.post(`/api/cases/${id}/actions`, { action: 'teruskan', version: 1 })).statusCode).toBe(
      200,
    );

    expect((await officer.get(`/api/relief/claims/${nik}`)).json().claims).toEqual([]);
    const before = (await officer.get(`/api/cases/${id}`)).json();
    expect(before.previews.bayar).toMatchObject({
      kind: 'relief.claims',
      nik: '3314********0001',
      claims: [],
    });
    expect(before.available[0].fields.map((f: { id: string }) => f.id)).toEqual([
      'originCode',
      'destinationCode',
      'legToCode',
    ]);
    const bad = await officer.post(`/api/cases/${id}/actions`, {
      action: 'bayar',
      version: 2,
      data: { originCode: '99.99', destinationCode: '51.71' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.problems.map((p: { path: string }) => p.path)).toEqual(['data.originCode']);
    expect((await officer.get(`/api/cases/${id}`)).json().case.version).toBe(2);

    // Sragen → Denpasar, relayed through Surabaya: Sragen pays the leg to Surabaya (another province, same island).
    const paid = await officer.post(`/api/cases/${id}/actions`, {
      action: 'bayar',
      version: 2,
      data: { originCode: '33.14', destinationCode: '51.71', legToCode: '35.78' },
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().state.status).toBe('done');
    expect(paid.json().letters).toHaveLength(1);
    expect(paid.json().actions.at(-1).data.result).toMatchObject({
      amount: 350_000,
      distanceClass: 'antar_provinsi',
    });

    const book = (await officer.get('/api/relief/payouts')).json();
    expect(book.payouts).toHaveLength(1);
    expect(book.payouts[0]).toMatchObject({
      amount: 350_000,
      distanceClass: 'antar_provinsi',
      legToCode: '35.78',
      originName: 'Kabupaten Sragen',
      legToName: 'Kota Surabaya',
      destinationName: 'Kota Denpasar',
    });
    expect(book.total).toBe(350_000);
    const receipt = await officer.get(`/api/relief/payouts/${book.payouts[0].id}/kwitansi`);
    const text = execFileSync('pdftotext', ['-', '-'], { input: receipt.rawPayload })
      .toString()
      .replace(/\s+/g, ' ');
    expect(text).toContain('KWITANSI');
    expect(text).toContain('Rp350.000');
    expect(text).toContain('tiga ratus lima puluh ribu rupiah');
    expect(text).toContain('Bambang Sutrisno');
    expect(text).toMatch(/KOTA SURABAYA/i);
  });

  it('shows the repeat claim to an officer of any office', async () => {
    const tarakan = await signedIn(t.app, 'tarakan.fungsional');
    const claims = (await tarakan.get(`/api/relief/claims/${nik}`)).json().claims;
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({
      unit: 'Dinas Sosial Kabupaten Sragen',
      amount: 350_000,
      destinationCode: '51.71',
      originName: 'Kabupaten Sragen',
      destinationName: 'Kota Denpasar',
    });
    expect((await fo.get(`/api/relief/claims/${nik}`)).statusCode).toBe(403);
  });

  it('lets only the office edit its tariffs, audited', async () => {
    expect((await fo.request('PUT', '/api/relief/tariffs/antar_pulau', { amount: 500_000 })).statusCode).toBe(
      403,
    );
    const kadis = await signedIn(t.app, 'sragen.kadis');
    expect(
      (await kadis.request('PUT', '/api/relief/tariffs/antar_pulau', { amount: 500_000 })).statusCode,
    ).toBe(204);
    expect((await kadis.get('/api/relief/tariffs')).json().tariffs.antar_pulau).toBe(500_000);
  });

  it('refuses a standard that names an effect this installation does not have', async () => {
    const { readFile } = await import('node:fs/promises');
    const yaml = (await readFile('standards/sragen/kehabisan-bekal.yaml', 'utf8'))
      .replace('effect: relief.payout', 'effect: relief.teleport')
      .replace("revision: '00'", "revision: '01'");
    const kadis = await signedIn(t.app, 'sragen.kadis');
    const res = await kadis.post('/api/staff/standards', { yaml, fileName: 'kehabisan-bekal.yaml' });
    expect(res.statusCode).toBe(422);
    // The installation's effects that run at actions (opening checks are listed apart), by name.
    const known = effects
      .filter((e) => !e.atOpening)
      .map((e) => e.name)
      .sort()
      .join(', ');
    expect(known).toContain('relief.payout');
    expect(res.json().error.problems).toContainEqual(
      expect.objectContaining({
        path: 'workflow.steps[1].actions[0].effect',
        line: yaml.split('\n').findIndex((l) => l.includes('effect: relief.teleport')) + 1,
        message: `efek "relief.teleport" tidak dikenal (yang ada: ${known})`,
      }),
    );
    const en = await kadis.post(
      '/api/staff/standards',
      { yaml, fileName: 'kehabisan-bekal.yaml' },
      { 'accept-language': 'en' },
    );
    expect(en.json().error.problems).toContainEqual(
      expect.objectContaining({
        message: `unknown effect "relief.teleport" (known: ${known})`,
      }),
    );
  });
});
