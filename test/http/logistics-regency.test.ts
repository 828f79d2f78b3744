import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.ts';
import { createItem, createWarehouse } from '../../src/logistics/stock.service.ts';
import { type Agent, createTestApp, signedIn, type TestApp } from '../app.ts';
import { inDays, receiveToday, today } from '../relief.ts';

const pdf = Buffer.from('%PDF-1.4\n% permohonan kabupaten\n');
const papers = ['permohonan', 'surat-dinsos-kabkota', 'asesmen'];

/**
 * Issue 16: the regency offices of Banten (Lebak, Pandeglang) submit relief requests to the
 * province and follow them read-only; the province sees which office submitted each.
 */
describe('relief requests submitted by a regency office to the province', () => {
  let t: TestApp;
  let lebak: Agent;
  let pandeglang: Agent;
  let fo: Agent;
  let kadis: Agent;
  let kabid: Agent;
  let fungsional: Agent;
  let submitted = 0;
  let paperCase = 0;
  const count = async () =>
    (await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM cases`))[0]?.n;
  const request = (areaCode: string, name = 'Posko Banjir Malingping') => ({
    applicant: { name, phone: '081234567890' },
    areaCode,
    description: 'Banjir merendam 120 rumah; warga mengungsi di balai desa dan butuh makanan siap saji.',
  });

  beforeAll(async () => {
    t = await createTestApp();
    lebak = await signedIn(t.app, 'lebak.operator', '10.36.0.1');
    pandeglang = await signedIn(t.app, 'pandeglang.operator', '10.36.0.2');
    fo = await signedIn(t.app, 'banten.fo', '10.36.0.3');
    kadis = await signedIn(t.app, 'banten.kadis', '10.36.0.4');
    kabid = await signedIn(t.app, 'banten.kabid', '10.36.0.5');
    fungsional = await signedIn(t.app, 'banten.fungsional', '10.36.0.6');
  });
  afterAll(() => t.close());

  it('the form names the province, the regency with its districts and the papers; no emergency yet', async () => {
    const res = await lebak.get('/api/logistics/requests/form');
    expect(res.statusCode, res.body).toBe(200);
    const form = res.json();
    expect(form.office).toEqual({ code: 'banten', name: 'Dinas Sosial Provinsi Banten' });
    expect(form.service.id).toBe('logistik-tanggap-darurat');
    expect(form.area.code).toBe('36.02');
    expect(form.area.name).toBe('Kabupaten Lebak');
    expect(form.area.districts).toContainEqual({ code: '36.02.01', name: 'Malingping' });
    // Districts of Lebak only.
    expect(form.area.districts.every((d: { code: string }) => d.code.startsWith('36.02.'))).toBe(true);
    expect(form.papers.map((p: { id: string }) => p.id)).toEqual(papers);
    expect(form.emergencies).toEqual([]);
    // The priority the province's standard asks, with the hours of the decision it sets.
    expect(form.priority).toEqual({
      label: 'Prioritas permohonan (bila tidak dipilih, rutin)',
      options: [
        { value: 'kritis', label: 'Kritis (mengancam jiwa)', hours: 4 },
        { value: 'tinggi', label: 'Tinggi', hours: 8 },
        { value: 'rutin', label: 'Rutin', hours: 24 },
        { value: 'rendah', label: 'Rendah', hours: 48 },
      ],
      default: 'rutin',
    });
    // The staff menu offers the submission to a regency office only.
    const nav = (await lebak.get('/api/home')).json().nav.map((n: { key: string }) => n.key);
    expect(nav).toEqual(expect.arrayContaining(['submission-new', 'submissions']));
    const provinceNav = (await fo.get('/api/home')).json().nav.map((n: { key: string }) => n.key);
    expect(provinceNav).not.toContain('submissions');
  });

  it('refuses a request for an area under no active emergency, saying so, and writes nothing', async () => {
    const before = await count();
    const res = await lebak.post('/api/logistics/requests', request('36.02.01'));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('emergency.not_active');
    expect(res.json().error.message).toBe(
      'Wilayah Malingping tidak dalam status tanggap darurat; permohonan bantuan logistik tidak dapat diterima.',
    );
    expect(await count()).toBe(before);
  });

  it('refuses an area outside the regency, even one under an active emergency', async () => {
    const declared = await kadis.post('/api/emergencies', {
      number: '360/Kep.201-Huk/2026',
      decreedOn: today,
      declaredBy: 'gubernur',
      disaster: 'Banjir bandang',
      areas: ['36.01', '36.02'],
      startsOn: today,
      endsOn: inDays(14),
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const form = (await lebak.get('/api/logistics/requests/form')).json();
    expect(form.emergencies.map((e: { disaster: string }) => e.disaster)).toEqual(['Banjir bandang']);
    const before = await count();
    const outside = await lebak.post('/api/logistics/requests', request('36.01.01'));
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('submission.area_outside');
    expect(outside.json().error.message).toBe(
      'Wilayah Sumur berada di luar wilayah Dinas Sosial Kabupaten Lebak; permohonan hanya dapat diajukan untuk wilayah kabupaten/kota sendiri atau kecamatannya.',
    );
    const province = await lebak.post('/api/logistics/requests', request('36'));
    expect(province.json().error.code).toBe('submission.area_outside');
    const unknown = await lebak.post('/api/logistics/requests', request('36.02.99'));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.problems[0].path).toBe('areaCode');
    expect(await count()).toBe(before);
  });

  it('submits to the province: its case, at the front office’s registration, Lebak recorded, audited', async () => {
    const res = await lebak.post('/api/logistics/requests', request('36.02.01'));
    expect(res.statusCode, res.body).toBe(201);
    submitted = res.json().id;
    const [row] = await rows<{ unit: string; requesting: string; step: string; role: string; note: string }>(
      t.database.db,
      sql`SELECT u.code AS unit, r.code AS requesting, c.step, a.role, a.note
          FROM cases c JOIN units u ON u.id = c.unit_id JOIN units r ON r.id = c.requesting_unit_id
          JOIN case_actions a ON a.case_id = c.id AND a.seq = 1 WHERE c.id = ${submitted}`,
    );
    expect(row).toEqual({
      unit: 'banten',
      requesting: 'lebak',
      step: 'registrasi',
      role: 'pemohon',
      note: request('36.02.01').description,
    });
    const [audit] = await rows<{ unit: string; actor: string; after: { requestingUnit?: string } }>(
      t.database.db,
      sql`SELECT u.code AS unit, a.actor_username AS actor, a.after FROM audit_log a JOIN units u ON u.id = a.unit_id
          WHERE a.action = 'case.open' AND a.entity_id = ${String(submitted)}`,
    );
    expect(audit).toMatchObject({
      unit: 'banten',
      actor: 'lebak.operator',
      after: { requestingUnit: 'lebak' },
    });

    // The province's front office finds it in its queue, the list and the case page, with the office.
    const lebakOrigin = { kind: 'office', unitCode: 'lebak', unitName: 'Dinas Sosial Kabupaten Lebak' };
    const queue = (await fo.get('/api/cases')).json().cases;
    expect(queue.find((c: { id: number }) => c.id === submitted)?.origin).toEqual(lebakOrigin);
    const list = (await fo.get('/api/cases/list')).json().cases;
    expect(list.find((c: { id: number }) => c.id === submitted)?.origin).toEqual(lebakOrigin);
    const detail = (await fo.get(`/api/cases/${submitted}`)).json();
    expect(detail.origin).toEqual(lebakOrigin);
    expect(detail.case.intake).toEqual({
      areaCode: '36.02.01',
      requestingOffice: 'Dinas Sosial Kabupaten Lebak',
    });
    expect(detail.missing.map((m: { id: string }) => m.id)).toEqual(papers);

    // A request on paper, registered at the province's desk, says so.
    const paper = await fo.post('/api/cases', {
      standardId: 'logistik-tanggap-darurat',
      applicant: { name: 'Posko Kecamatan Cibeber' },
      intake: { areaCode: '36.02.02', requestingOffice: 'Dinas Sosial Kabupaten Lebak' },
    });
    expect(paper.statusCode, paper.body).toBe(201);
    paperCase = paper.json().id;
    expect((await fo.get(`/api/cases/${paperCase}`)).json().origin).toEqual({ kind: 'desk' });
    expect(
      (await fo.get('/api/cases')).json().cases.find((c: { id: number }) => c.id === paperCase)?.origin,
    ).toEqual({ kind: 'desk' });
    // An office no other submits to names no origin.
    const sragen = await signedIn(t.app, 'sragen.fo', '10.36.0.7');
    const opened = await sragen.post('/api/cases', {
      standardId: 'kehabisan-bekal',
      applicant: { name: 'Pelancong Uji' },
    });
    expect((await sragen.get(`/api/cases/${opened.json().id}`)).json().origin).toBeNull();
  });

  it('sends the papers while the case is at registration, and no more once the province took it on', async () => {
    const notAsked = await lebak.upload(`/api/submissions/${submitted}/documents/ktp`, pdf);
    expect(notAsked.statusCode).toBe(422);
    expect(notAsked.json().error.code).toBe('submission.paper_not_asked');
    const notPaper = await lebak.upload(
      `/api/submissions/${submitted}/documents/permohonan`,
      Buffer.from('teks'),
    );
    expect(notPaper.statusCode).toBe(415);
    for (const p of papers) {
      const res = await lebak.upload(`/api/submissions/${submitted}/documents/${p}`, pdf, `${p}.pdf`);
      expect(res.statusCode, res.body).toBe(201);
    }
    const followed = (await lebak.get(`/api/submissions/${submitted}`)).json();
    expect(followed.missing).toEqual([]);
    expect(
      followed.papers.map((p: { fileName: string; bySubmitter: boolean }) => [p.fileName, p.bySubmitter]),
    ).toEqual(papers.map((p) => [`${p}.pdf`, true]));
    const [audit] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log a JOIN units u ON u.id = a.unit_id
          WHERE a.action = 'case.document_add' AND a.entity_id = ${String(submitted)} AND u.code = 'banten'
            AND a.actor_username = 'lebak.operator'`,
    );
    expect(audit?.n).toBe(3);
    // The province's desk sees them received and forwards to the Kepala Dinas.
    expect((await fo.get(`/api/cases/${submitted}`)).json().missing).toEqual([]);
    expect(
      (await fo.post(`/api/cases/${submitted}/actions`, { action: 'teruskan', version: 1 })).statusCode,
    ).toBe(200);
    const late = await lebak.upload(`/api/submissions/${submitted}/documents/asesmen`, pdf);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe(
      'Berkas tidak dapat dikirim lagi: Dinas Sosial Provinsi Banten sudah memproses permohonan ini (langkah "Penerimaan permohonan oleh Kepala Dinas").',
    );
  });

  it('is read-only for the regency: the province’s case and its steps stay out of reach', async () => {
    // Lebak holds a case-writing permission in its own office; the province's case is not there.
    expect((await lebak.get(`/api/cases/${submitted}`)).statusCode).toBe(404);
    const act = await lebak.post(`/api/cases/${submitted}/actions`, { action: 'teruskan', version: 2 });
    expect(act.statusCode).toBe(404);
    expect((await lebak.upload(`/api/cases/${submitted}/documents/asesmen`, pdf)).statusCode).toBe(404);
    // A province case Lebak did not submit is not found through its own route either.
    expect((await lebak.get(`/api/submissions/${paperCase}`)).statusCode).toBe(404);
    expect((await lebak.upload(`/api/submissions/${paperCase}/documents/asesmen`, pdf)).statusCode).toBe(404);
    expect((await lebak.get(`/api/cases/${paperCase}`)).statusCode).toBe(404);
    const list = (await lebak.get('/api/submissions')).json().cases.map((c: { id: number }) => c.id);
    expect(list).toEqual([submitted]);
  });

  it('follows the request to the BAST: status, step, age and the province’s papers viewable', async () => {
    const db = t.database.db;
    const [unit] = await rows<{ id: number }>(db, sql`SELECT id FROM units WHERE code = 'banten'`);
    const unitId = unit?.id as number;
    const warehouse = await createWarehouse(db, unitId, { code: 'GDG-KAB', name: 'Gudang Uji Kabupaten' });
    const meals = await createItem(db, unitId, {
      name: 'Makanan Siap Saji Uji',
      uom: 'paket',
      category: 'food',
      normPerPersonDay: null,
      normUnit: null,
      minimum: null,
    });
    const received = await receiveToday(db, {
      unitId,
      warehouseId: warehouse.id,
      documentRef: 'BAPB/KAB/1',
      lines: [{ itemId: meals.id, quantity: 500, expiresOn: inDays(120) }],
    });
    const act = (who: Agent, action: string, version: number, data?: Record<string, unknown>) =>
      who.post(`/api/cases/${submitted}/actions`, { action, version, ...(data ? { data } : {}) });
    const follow = async () => (await lebak.get(`/api/submissions/${submitted}`)).json();

    let view = await follow();
    expect(view.case).toMatchObject({
      status: 'open',
      step: 'Penerimaan permohonan oleh Kepala Dinas',
      office: 'Dinas Sosial Provinsi Banten',
      areas: ['Malingping, Kabupaten Lebak'],
      ageDays: 0,
      letters: [],
    });
    expect(view.stepRole).toBe('kepala_dinas');
    expect(view.steps.slice(0, 2)).toEqual([
      { label: 'Registrasi permohonan dan berkas', state: 'done' },
      { label: 'Penerimaan permohonan oleh Kepala Dinas', state: 'current' },
    ]);
    expect(
      view.history.map((h: { builtIn: string | null; action: string | null }) => h.builtIn ?? h.action),
    ).toEqual(['open', 'Teruskan ke Kepala Dinas']);
    expect(view.note).toBe(request('36.02.01').description);

    expect((await act(kadis, 'teruskan', 2)).statusCode).toBe(200);
    expect((await act(kabid, 'disposisikan', 3, { instruction: 'Teliti dan saran' })).statusCode).toBe(200);
    const lines = [{ itemId: meals.id, quantity: 200 }];
    expect((await act(fungsional, 'ajukan', 4, { peopleAffected: 120, days: 3, lines })).statusCode).toBe(
      200,
    );
    expect((await act(kabid, 'setujui', 5, { warehouseId: warehouse.id, lines })).statusCode).toBe(200);
    const shipped = await act(fungsional, 'kirim', 6, { vehicle: 'A 8123 XY', driver: 'Dadang' });
    expect(shipped.statusCode, shipped.body).toBe(200);

    view = await follow();
    expect(view.case.step).toBe('Serah terima bantuan (BAST)');
    expect(view.case.letters).toHaveLength(1);
    const note = view.case.letters[0];
    expect(note.signed).toBe(false);
    const notePdf = await lebak.get(`/api/submissions/${submitted}/letters/${note.id}/pdf`);
    expect(notePdf.statusCode).toBe(200);
    expect(notePdf.headers['content-type']).toBe('application/pdf');
    expect(notePdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const unsigned = await lebak.get(`/api/submissions/${submitted}/letters/${note.id}/signed`);
    expect(unsigned.statusCode).toBe(404);
    expect(unsigned.json().error.code).toBe('letter.not_signed');

    const done = await act(fungsional, 'serahkan', 7, {
      receiverName: 'H. Jaja',
      receiverPosition: 'Kepala Desa Malingping',
      returns: [],
    });
    expect(done.statusCode, done.body).toBe(200);
    const bast = done.json().letters.at(-1) as { id: number; number: string };
    const scan = Buffer.from('%PDF-1.4\n% BAST ditandatangani\n');
    expect(
      (await fungsional.upload(`/api/cases/${submitted}/letters/${bast.id}/signed`, scan)).statusCode,
    ).toBe(201);

    const list = (await lebak.get('/api/submissions')).json();
    const item = list.cases.find((c: { id: number }) => c.id === submitted);
    expect(item).toMatchObject({ status: 'done', step: null, applicantName: 'Posko Banjir Malingping' });
    expect(item.letters.map((l: { number: string; signed: boolean }) => [l.number, l.signed])).toEqual([
      [note.number, false],
      [bast.number, true],
    ]);
    const signed = await lebak.get(`/api/submissions/${submitted}/letters/${bast.id}/signed`);
    expect(signed.statusCode).toBe(200);
    expect(signed.rawPayload.equals(scan)).toBe(true);
    expect(received.batchIds).toHaveLength(1);
  });

  it('keeps each regency to its own submissions', async () => {
    const list = (await pandeglang.get('/api/submissions')).json();
    expect(list.cases).toEqual([]);
    expect((await pandeglang.get(`/api/submissions/${submitted}`)).statusCode).toBe(404);
    const letters = (await lebak.get(`/api/submissions/${submitted}`)).json().case.letters as Array<{
      id: number;
    }>;
    for (const l of letters) {
      expect((await pandeglang.get(`/api/submissions/${submitted}/letters/${l.id}/pdf`)).statusCode).toBe(
        404,
      );
      expect((await pandeglang.get(`/api/submissions/${submitted}/letters/${l.id}/signed`)).statusCode).toBe(
        404,
      );
    }
    expect((await pandeglang.upload(`/api/submissions/${submitted}/documents/asesmen`, pdf)).statusCode).toBe(
      404,
    );
    // Pandeglang may submit for its own area; Lebak does not see it.
    const own = await pandeglang.post('/api/logistics/requests', request('36.01.01', 'Posko Desa Sumur'));
    expect(own.statusCode, own.body).toBe(201);
    expect((await lebak.get('/api/submissions')).json().cases.map((c: { id: number }) => c.id)).toEqual([
      submitted,
    ]);
    expect((await lebak.get(`/api/submissions/${own.json().id}`)).statusCode).toBe(404);
    const queue = (await fo.get('/api/cases')).json().cases;
    expect(queue.find((c: { id: number }) => c.id === own.json().id)?.origin?.unitName).toBe(
      'Dinas Sosial Kabupaten Pandeglang',
    );
  });

  it('refuses a submission from an office with no office above it on Jaring', async () => {
    const res = await fo.post('/api/logistics/requests', request('36.02.01'));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('submission.no_office_above');
    expect(res.json().error.message).toBe(
      'Dinas Sosial Provinsi Banten tidak berada di bawah kantor lain di Jaring; tidak ada kantor tujuan pengajuan.',
    );
    expect((await fo.get('/api/submissions')).json().cases).toEqual([]);
    // Without the permission: the auditor of a unit.
    const auditor = await signedIn(t.app, 'sragen.auditor', '10.36.0.8');
    expect((await auditor.get('/api/submissions')).statusCode).toBe(403);
    expect((await auditor.post('/api/logistics/requests', request('36.02.01'))).statusCode).toBe(403);
  });

  it('carries the regency’s priority to the province’s case, and refuses one not on the list', async () => {
    const before = await count();
    const bad = await lebak.post('/api/logistics/requests', { ...request('36.02.01'), priority: 'segera' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.problems).toEqual([
      {
        path: 'priority',
        message:
          'prioritas tidak dikenal (segera); pilih salah satu: Kritis (mengancam jiwa), Tinggi, Rutin, Rendah',
      },
    ]);
    expect(await count()).toBe(before);
    const res = await lebak.post('/api/logistics/requests', {
      ...request('36.02.01', 'Posko Longsor Cibeber'),
      priority: 'tinggi',
    });
    expect(res.statusCode, res.body).toBe(201);
    const seen = (await fo.get(`/api/cases/${res.json().id}`)).json();
    expect(seen.case.intake.priority).toBe('tinggi');
    // The submitting office reads the answer as the standard names it, not its stored value.
    const followed = (await lebak.get(`/api/submissions/${res.json().id}`)).json();
    expect(
      followed.intake.find((a: { label: string }) => a.label.startsWith('Prioritas permohonan'))?.value,
    ).toBe('Tinggi');
    expect(seen.deadlines[0]).toMatchObject({ value: 'tinggi', answered: true, hours: 8, status: 'running' });
    expect(Date.parse(seen.deadlines[0].dueAt) - Date.parse(seen.case.openedAt)).toBe(8 * 3_600_000);
    // Left out, the province's default applies.
    const plain = (await fo.get(`/api/cases/${submitted}`)).json();
    expect(plain.deadlines[0]).toMatchObject({ value: 'rutin', answered: false, hours: 24 });
  });
});
