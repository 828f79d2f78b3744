import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyTokenOf } from '../../src/core/survey-token.ts';
import { rows as dbRows } from '../../src/db/client.ts';
import { type Agent, createTestApp, signedIn, type TestApp } from '../app.ts';

const scan = (n: number) => Buffer.from(`%PDF-1.4\n% scan ${n} of a paper\n`);
const en = { 'accept-language': 'en' };

interface Doc {
  id: number;
  requirementId: string;
  fileName: string;
  uploaderName: string | null;
  replacedBy: number | null;
  removedAt: string | null;
  removedByName: string | null;
  changeable: boolean;
}

describe('case documents: replaced with history, removed by their uploader, locked once the step is left', () => {
  let t: TestApp;
  let fo: Agent;
  let officer: Agent;
  const rows = async <T>(query: ReturnType<typeof sql>) => dbRows<T>(t.database.db, query);
  const open = async () =>
    (
      await fo.post('/api/cases', {
        standardId: 'sembako',
        product: 'meninggal',
        applicant: { name: 'Dewi Lestari' },
      })
    ).json().id as number;
  const detail = async (caseId: number) => (await fo.get(`/api/cases/${caseId}`)).json();
  const upload = async (caseId: number, requirement: string, n: number) => {
    const res = await fo.upload(
      `/api/cases/${caseId}/documents/${requirement}`,
      scan(n),
      `${requirement}-${n}.pdf`,
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Doc;
  };

  beforeAll(async () => {
    t = await createTestApp();
    fo = await signedIn(t.app, 'tarakan.fo', '10.31.0.1');
    officer = await signedIn(t.app, 'tarakan.fungsional', '10.31.0.2');
  });
  afterAll(() => t.close());

  it('replaces a document: the new file counts, the earlier one stays in the history, audited', async () => {
    const caseId = await open();
    const first = await upload(caseId, 'kk-ktp', 1);
    expect(first).toMatchObject({ uploaderName: 'Siti Aminah', changeable: true, replacedBy: null });
    const res = await fo.upload(
      `/api/cases/${caseId}/documents/${first.id}/replacement`,
      scan(2),
      'kk-ktp-baru.pdf',
    );
    expect(res.statusCode, res.body).toBe(201);
    const second = res.json() as Doc;
    expect(second).toMatchObject({ requirementId: 'kk-ktp', fileName: 'kk-ktp-baru.pdf', changeable: true });

    const v = await detail(caseId);
    const docs = v.documents as Doc[];
    expect(docs.map((d) => [d.id, d.replacedBy, d.changeable])).toEqual([
      [first.id, second.id, false],
      [second.id, null, true],
    ]);
    // Both files still open.
    const old = await fo.get(`/api/cases/${caseId}/documents/${first.id}/file`);
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain('scan 1');
    expect((await fo.get(`/api/cases/${caseId}/documents/${second.id}/file`)).body).toContain('scan 2');

    const [audit] = await rows<{ before: { documentId: number }; after: { documentId: number } }>(
      sql`SELECT before, after FROM audit_log WHERE action = 'case.document_replace' AND entity_id = ${String(caseId)}`,
    );
    expect(audit).toMatchObject({ before: { documentId: first.id }, after: { documentId: second.id } });

    // The replaced one cannot be replaced again.
    const again = await fo.upload(`/api/cases/${caseId}/documents/${first.id}/replacement`, scan(3));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('document.not_current');
  });

  it('removes a document only by its uploader; it no longer counts as received', async () => {
    const caseId = await open();
    const doc = await upload(caseId, 'kk-ktp', 4);
    expect((await detail(caseId)).missing.map((m: { id: string }) => m.id)).toEqual(['kks', 'akte-kematian']);

    const notMine = await officer.delete(`/api/cases/${caseId}/documents/${doc.id}`);
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error).toMatchObject({
      code: 'document.not_uploader',
      message: 'Berkas ini hanya dapat dihapus oleh yang mengunggahnya (Siti Aminah).',
    });
    expect(
      (await officer.delete(`/api/cases/${caseId}/documents/${doc.id}`, undefined, en)).json().error.message,
    ).toBe('Only the user who uploaded this file (Siti Aminah) may remove it.');

    const removed = await fo.delete(`/api/cases/${caseId}/documents/${doc.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ id: doc.id, removedByName: 'Siti Aminah', changeable: false });

    const v = await detail(caseId);
    expect(v.missing.map((m: { id: string }) => m.id)).toEqual(['kk-ktp', 'kks', 'akte-kematian']);
    expect((v.documents as Doc[])[0]?.removedAt).not.toBeNull();
    // Never deleted: the row, its file and the audit entry stay.
    expect((await fo.get(`/api/cases/${caseId}/documents/${doc.id}/file`)).statusCode).toBe(200);
    const audited = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.document_remove' AND entity_id = ${String(caseId)}`,
    );
    expect(audited[0]?.n).toBe(1);
    // A removed paper does not let the step go on.
    const forward = await fo.post(`/api/cases/${caseId}/actions`, { action: 'teruskan', version: 1 });
    expect(forward.json().error.code).toBe('case.documents_missing');
  });

  it('refuses to replace or remove once the step that requires the paper was left, in both languages', async () => {
    const caseId = await open();
    const docs = [
      await upload(caseId, 'kk-ktp', 5),
      await upload(caseId, 'kks', 6),
      await upload(caseId, 'akte-kematian', 7),
    ];
    const forwarded = await fo.post(`/api/cases/${caseId}/actions`, { action: 'teruskan', version: 1 });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expect((forwarded.json().documents as Doc[]).every((d) => !d.changeable)).toBe(true);
    const before = await rows(sql`SELECT count(*) AS n FROM case_documents WHERE case_id = ${caseId}`);

    const target = docs[0] as Doc;
    const replace = await fo.upload(`/api/cases/${caseId}/documents/${target.id}/replacement`, scan(8));
    expect(replace.statusCode).toBe(409);
    expect(replace.json().error).toMatchObject({
      code: 'document.step_left',
      message:
        'Berkas "Fotocopy KK/KTP" tidak dapat diganti lagi: langkah "Pengecekan berkas oleh Petugas FO" yang memerlukannya sudah dilewati.',
    });
    const inEnglish = await fo.upload(
      `/api/cases/${caseId}/documents/${target.id}/replacement`,
      scan(8),
      'x.pdf',
    );
    expect(inEnglish.statusCode).toBe(409);
    const remove = await fo.delete(`/api/cases/${caseId}/documents/${target.id}`, undefined, en);
    expect(remove.statusCode).toBe(409);
    expect(remove.json().error.message).toBe(
      'The paper "Fotocopy KK/KTP" can no longer be removed: the step "Pengecekan berkas oleh Petugas FO" that requires it has been left.',
    );
    expect(await rows(sql`SELECT count(*) AS n FROM case_documents WHERE case_id = ${caseId}`)).toEqual(
      before,
    );
  });

  it('answers 404 for a document of another case', async () => {
    const a = await open();
    const b = await open();
    const doc = await upload(a, 'kk-ktp', 9);
    const res = await fo.delete(`/api/cases/${b}/documents/${doc.id}`);
    expect(res.statusCode).toBe(404);
  });

  it('keeps the intake checklist with the case: the ticks, who ticked them and when', async () => {
    const res = await fo.post('/api/cases', {
      standardId: 'sembako',
      product: 'meninggal',
      applicant: { name: 'Yusuf Maulana' },
      papersSeen: ['akte-kematian', 'kk-ktp'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = await detail(res.json().id);
    expect(v.papersSeen).toMatchObject({
      items: [
        { id: 'kk-ktp', text: 'Fotocopy KK/KTP' },
        { id: 'akte-kematian', text: 'Fotocopy Akte Kematian' },
      ],
      by: 'Siti Aminah',
    });
    expect(Date.parse(v.papersSeen.at)).not.toBeNaN();
    const [row] = await rows<{ papers_seen: { ids: string[] } }>(
      sql`SELECT papers_seen FROM cases WHERE id = ${res.json().id}`,
    );
    expect(row?.papers_seen.ids).toEqual(['akte-kematian', 'kk-ktp']);
  });

  it('refuses a tick that is not on the checklist, precisely and in both languages, and opens nothing', async () => {
    const before = await rows(sql`SELECT count(*) AS n FROM cases`);
    const body = {
      standardId: 'sembako',
      product: 'meninggal',
      applicant: { name: 'Yusuf Maulana' },
      papersSeen: ['kk-ktp', 'ijazah', 'buku-tabungan'],
    };
    const res = await fo.post('/api/cases', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.problems).toEqual([
      {
        path: 'papersSeen.1',
        message: 'persyaratan "ijazah" tidak ada dalam layanan Fasilitas Program Sembako',
      },
      {
        path: 'papersSeen.2',
        message: 'Fotocopy Buku Tabungan: tidak diminta untuk permohonan ini',
      },
    ]);
    const english = await fo.post('/api/cases', body, en);
    expect(english.json().error.problems.map((p: { message: string }) => p.message)).toEqual([
      'requirement "ijazah" is not one of Fasilitas Program Sembako',
      'Fotocopy Buku Tabungan: not asked for this request',
    ]);
    expect(await rows(sql`SELECT count(*) AS n FROM cases`)).toEqual(before);
  });

  it('gives the receipt as an A4 PDF with the code, the papers, the officer and the due time', async () => {
    const opened = await fo.post('/api/cases', {
      standardId: 'sembako',
      product: 'meninggal',
      applicant: { name: 'Hj. Nurhayati Binti Abdullah', nik: '6571015708900001' },
      papersSeen: ['kk-ktp', 'akte-kematian'],
    });
    const { id: caseId, trackingCode } = opened.json() as { id: number; trackingCode: string };
    const kks = await upload(caseId, 'kks', 10);
    await fo.upload(`/api/cases/${caseId}/documents/${kks.id}/replacement`, scan(11), 'kks-terbaru.pdf');
    const removed = await upload(caseId, 'akte-kematian', 12);
    await fo.delete(`/api/cases/${caseId}/documents/${removed.id}`);

    const res = await fo.get(`/api/cases/${caseId}/receipt`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'jaring-receipt-')), 'receipt.pdf');
    writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    const v = await detail(caseId);
    const due = new Date(v.case.dueAt).toLocaleString('id-ID', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Makassar',
    });
    expect(text).toContain('TANDA TERIMA PERMOHONAN');
    expect(text).toContain(trackingCode);
    expect(text).toContain('Fasilitas Program Sembako');
    expect(text).toContain('Hj. Nurhayati Binti Abdullah');
    // Masked: the full NIK is not on the receipt.
    expect(text).toContain('6571********0001');
    expect(text).not.toContain('6571015708900001');
    expect(text).toMatch(/Fotocopy KK\/KTP\s+diperiksa di loket/);
    expect(text).toContain('kks-terbaru.pdf');
    expect(text).not.toContain('kks-10.pdf');
    expect(text).not.toContain('akte-kematian-12.pdf');
    expect(text).toContain('Petugas penerima');
    expect(text).toContain('Siti Aminah');
    // The survey this request's token opens once it is served.
    expect(text.replace(/\s+/g, ' ')).toContain(`/survei/${surveyTokenOf(t.app.keys.survey, trackingCode)}`);
    expect(text).toContain('Survei Kepuasan Masyarakat');
    expect(text).toMatch(new RegExp(`Perkiraan selesai\\s*:\\s*.*${due.replace('.', '\\.')} WITA`));
    const [size] = execFileSync('pdfinfo', [file])
      .toString()
      .match(/Page size:.*/) ?? [''];
    expect(size).toContain('595.28 x 841.89');

    const english = await fo.get(`/api/cases/${caseId}/receipt?lang=en`);
    const englishText = execFileSync('pdftotext', ['-', '-'], { input: english.rawPayload }).toString();
    expect(englishText).toContain('RECEIPT OF APPLICATION');
    expect(englishText).toContain('checked at the desk');
  });
});
