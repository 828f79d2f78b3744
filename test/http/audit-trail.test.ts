import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, systemActor } from '../../src/audit/audit.service.ts';
import { todayIn } from '../../src/core/dates.ts';
import { type Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

interface Entry {
  seq: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  actorRoleLabel: string | null;
  action: string;
  actionLabel: string;
  entity: string;
  entityLabel: string;
  entityId: string | null;
  entityName: string | null;
  link: { kind: string; id: number | null } | null;
}

describe('the audit trail for the Inspektorat: filters, paging, export, words and links', () => {
  let t: TestApp;
  let auditor: Agent;
  let fo: Agent;
  let caseId: number;
  let foId: number;
  const list = async (query: string, agent = auditor, headers?: Record<string, string>) => {
    const res = await agent.get(`/api/audit?${query}`, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { entries: Entry[]; nextBefore: number | null };
  };

  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'sragen.fo');
    const opened = await fo.post('/api/cases', {
      standardId: 'kehabisan-bekal',
      applicant: { name: 'Bambang Sutrisno', nik: '3314011508900001' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json().id;
    await fo.upload(`/api/cases/${caseId}/documents/surat-keterangan-kepolisian`, Buffer.from('%PDF-1.4 x'));
    expect(
      (await fo.post(`/api/cases/${caseId}/actions`, { action: 'teruskan', version: 1 })).statusCode,
    ).toBe(200);
    // A family's entry, as the register writes it, to check its link.
    await recordAudit(t.database.db, systemActor, {
      action: 'registry.reveal',
      entity: 'registry_family',
      entityId: 77,
      unitId: (await fo.get(`/api/cases/${caseId}`)).json().case.unitId,
    });
    auditor = await signedIn(t.app, 'sragen.auditor');
    const actors = (await auditor.get('/api/audit/actors')).json().actors as Array<{
      id: number;
      name: string;
    }>;
    foId = actors.find((a) => a.name === 'Rina Marlina')?.id ?? 0;
  });
  afterAll(() => t.close());

  it('names the actor, role and action in words and links the case and the family', async () => {
    const { entries } = await list(`action=case.open`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorName: 'Rina Marlina',
      actorRoleLabel: 'Petugas Front Office',
      action: 'case.open',
      actionLabel: 'Permohonan dibuka',
      entityLabel: 'Permohonan',
      entityId: String(caseId),
      link: { kind: 'case', id: caseId },
    });
    const en = await list('action=case.open', auditor, { 'accept-language': 'en' });
    expect(en.entries[0]).toMatchObject({
      actionLabel: 'Case opened',
      actorRoleLabel: 'Front-office officer',
    });
    const login = (await list('action=auth.login')).entries[0];
    expect(login?.actionLabel).toBe('Masuk');
    const created = (await list('action=user.create&limit=500')).entries;
    expect(created.map((e) => e.entityName)).toContain('Rina Marlina');
    const family = (await list('entity=registry_family')).entries;
    expect(family.map((e) => e.link)).toEqual([{ kind: 'family', id: 77 }]);
  });

  it('narrows by user, action, object and dates in the unit’s zone', async () => {
    const byUser = await list(`actor=${foId}&limit=500`);
    expect(byUser.entries.length).toBeGreaterThanOrEqual(4);
    expect(new Set(byUser.entries.map((e) => e.actorId))).toEqual(new Set([foId]));

    const ofCase = await list(`entity=case&entityId=${caseId}`);
    expect(ofCase.entries.map((e) => e.action).sort()).toEqual(
      ['case.document_add', 'case.open', 'case.teruskan'].sort(),
    );
    const both = await list(`actor=${foId}&action=case.teruskan`);
    expect(both.entries.map((e) => e.action)).toEqual(['case.teruskan']);

    const today = todayIn('Asia/Jakarta');
    expect((await list(`from=${today}&to=${today}&action=case.open`)).entries).toHaveLength(1);
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await list(`from=${tomorrow}`)).entries).toEqual([]);
    expect((await list(`to=2020-01-01`)).entries).toEqual([]);

    const wrong = await auditor.get(`/api/audit?from=${tomorrow}&to=${today}`);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toBe(`Tanggal awal (${tomorrow}) sesudah tanggal akhir (${today}).`);
    const en = await auditor.get(`/api/audit?from=${tomorrow}&to=${today}`, { 'accept-language': 'en' });
    expect(en.json().error.message).toBe(`The start date (${tomorrow}) is after the end date (${today}).`);
    expect((await auditor.get('/api/audit?from=2026-13-01')).statusCode).toBe(422);
  });

  it('pages by entry number: every entry once, newest first, nothing cut off', async () => {
    const all = await list('limit=500');
    expect(all.nextBefore).toBeNull();
    expect(all.entries.length).toBeGreaterThan(12);
    const seen: number[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const page = await list(`limit=4${before ? `&before=${before}` : ''}`);
      expect(page.entries.length).toBeLessThanOrEqual(4);
      seen.push(...page.entries.map((e) => e.seq));
      before = page.nextBefore;
      pages++;
    } while (before !== null);
    expect(pages).toBe(Math.ceil(all.entries.length / 4));
    expect(seen).toEqual(all.entries.map((e) => e.seq));
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it('exports the filtered trail as XLSX with text ids and local dates, and audits the export', async () => {
    const filtered = await list(`actor=${foId}&limit=500`);
    const res = await auditor.get(`/api/audit/export.xlsx?actor=${foId}&lang=id`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="log-audit-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Log audit');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'No. entri',
      'Waktu (WIB)',
      'Nama pengguna',
      'Akun',
      'Peran',
      'Tindakan',
      'Kode tindakan',
      'Objek',
      'ID objek',
      'Permohonan',
    ]);
    const rows = sheet.getRows(2, sheet.rowCount - 1) ?? [];
    expect(rows.map((r) => r.getCell(1).value)).toEqual(filtered.entries.map((e) => String(e.seq)));
    const open = rows.find((r) => r.getCell(7).value === 'case.open');
    expect(open?.getCell(3).value).toBe('Rina Marlina');
    expect(open?.getCell(5).value).toBe('Petugas Front Office');
    expect(open?.getCell(6).value).toBe('Permohonan dibuka');
    expect(open?.getCell(9).value).toBe(String(caseId));
    expect(open?.getCell(9).numFmt).toBe('@');
    // A date cell showing the time in Sragen (UTC+7).
    const at = open?.getCell(2).value;
    expect(at).toBeInstanceOf(Date);
    const entry = filtered.entries.find((e) => e.action === 'case.open');
    expect((at as Date).getTime() - Date.parse(entry?.at ?? '')).toBe(7 * 3_600_000);

    const exported = (await list('action=audit.export')).entries;
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ actorName: 'Hendra Wijaya', actionLabel: 'Log audit diekspor' });

    const wrong = await auditor.get('/api/audit/export.xlsx?from=2026-02-02&to=2026-01-01');
    expect(wrong.statusCode).toBe(422);
    expect((await list('action=audit.export')).entries).toHaveLength(1);
  });

  it('is refused without the permission and shows nothing of another unit', async () => {
    for (const url of ['/api/audit', '/api/audit/export.xlsx', '/api/audit/actors']) {
      expect((await fo.get(url)).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    const tarakan = await signedIn(t.app, 'tarakan.kadis');
    const theirs = await list(`entity=case&entityId=${caseId}`, tarakan);
    expect(theirs.entries).toEqual([]);
    expect((await list(`actor=${foId}`, tarakan)).entries).toEqual([]);
    const actors = (await tarakan.get('/api/audit/actors')).json().actors as Array<{ name: string }>;
    expect(actors.map((a) => a.name)).not.toContain('Rina Marlina');
    const file = await tarakan.get(`/api/audit/export.xlsx?actor=${foId}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Log audit')?.rowCount).toBe(1);
  });

  it('names who acted in the case history', async () => {
    const detail = (await auditor.get(`/api/cases/${caseId}`)).json();
    expect(
      detail.actions.map((a: { userName: string | null; role: string }) => [a.userName, a.role]),
    ).toEqual([
      ['Rina Marlina', 'front_office'],
      ['Rina Marlina', 'front_office'],
    ]);
  });
});
