import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, launchBrowser, type Server, signIn, startServer } from './harness.ts';
import { type CodeFinding, findCodes, loadVocabulary, scanPage, watchRequests } from './no-codes.ts';

/**
 * Issue 15 point 5: no internal id or code where a user reads. Walks the main pages of both
 * running services' journeys (Sembako in Tarakan, Kehabisan Bekal in Sragen) by each role, with
 * the cases moved on through the API so that the walk follows the pages, not their buttons.
 */

/**
 * TODO(lead, issue 15): findings on pages that other helpers rework in the same issue, known
 * when this test was written. Remove an entry once its page is merged; the pages not listed here
 * must show no code at all.
 */
const knownElsewhere: Record<string, RegExp[]> = {};

const vocabulary = loadVocabulary();
const scan = (text: string, fragments: string[] = []) => findCodes(text, fragments, vocabulary);

describe('the scanner of internal codes', () => {
  it('finds each kind of code', () => {
    const codes = (text: string, fragments?: string[]) => scan(text, fragments).map((f) => f.code);
    expect(codes('Gagal: data.originCode: wajib diisi')).toEqual(['data.originCode']);
    expect(codes('aksi case.open oleh petugas')).toEqual(['case.open']);
    expect(codes('Langkah periksa-berkas menunggu')).toEqual(['periksa-berkas']);
    expect(codes('Berkas surat-keterangan-kepolisian')).toEqual(['surat-keterangan-kepolisian']);
    expect(codes('Peran: front_office, KEPALA_DINAS')).toEqual(['front_office', 'KEPALA_DINAS']);
    expect(codes('Rute 33.14 → 52.03')).toEqual(['33.14', '52.03']);
    expect(codes('Asal 33.14.01')).toEqual(['33.14.01']);
    expect(codes('', ['serahkan'])).toEqual(['serahkan']);
    expect(codes('1 services')).toEqual([]);
    // Office hours: ranges followed by a zone are times, not region codes.
    expect(codes('Senin–Kamis: 07.30–12.00, 13.00–16.00 WITA')).toEqual([]);
  });

  it('spares letter numbers, tracking codes, NIP, times, money, versions and addresses', () => {
    const year = new Date().getFullYear();
    for (const text of [
      `Nomor 400.9/0001/DINSOSPM/${year}`,
      'Dokumen 000.8.3.2/03.2/DINSOSPM',
      'Kode ABCDE-FGHJK',
      'NIP 19680318 199403 1 007',
      'batas waktu 2/12/2026, 14.30.00',
      'pukul 08.00 WITA',
      'jam layanan 08.00–16.00',
      'Rp350.000',
      'Jaring v0.1.0, versi 0.1.0',
      'surel dinsos@tarakan.go.id, lapor.go.id, surat-polsek.pdf',
      'Paraf a.n. Kepala Dinas; hari 1 s.d. 5',
      'anak-anak sehari-hari, SIKS-NG, e-Warong',
    ]) {
      expect(scan(text), text).toEqual([]);
    }
  });
});

describe('no internal codes on the pages of both journeys', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const report: { page: string; found: CodeFinding[] }[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    watchRequests(page);
  });
  afterAll(async () => {
    // The list of what was found, for whoever mends the pages named in `knownElsewhere`.
    for (const r of report.filter((x) => x.found.length > 0)) {
      console.log(`[no-codes] ${r.page}:`, r.found.map((f) => `${f.code} «${f.context}»`).join(' | '));
    }
    await browser?.close();
    await server?.stop();
  });

  async function call<T>(method: 'GET' | 'POST', url: string, data?: unknown): Promise<T> {
    const cookies = await page.context().cookies();
    let csrf = cookies.find((c) => c.name === 'jaring_csrf')?.value;
    if (!csrf)
      csrf = ((await (await page.request.get(`${server.url}/api/auth/csrf`)).json()) as { token: string })
        .token;
    const res = await page.request.fetch(`${server.url}${url}`, {
      method,
      headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' },
      ...(data !== undefined ? { data: JSON.stringify(data) } : {}),
    });
    if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async function upload(caseId: number, requirementId: string) {
    const csrf = (await page.context().cookies()).find((c) => c.name === 'jaring_csrf')?.value ?? '';
    const res = await page.request.post(`${server.url}/api/cases/${caseId}/documents/${requirementId}`, {
      headers: { 'x-csrf-token': csrf },
      multipart: {
        file: {
          name: `${requirementId}.pdf`,
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4\n'),
        },
      },
    });
    if (!res.ok()) throw new Error(`upload ${requirementId}: ${res.status()} ${await res.text()}`);
  }

  async function act(caseId: number, action: string, data?: Record<string, unknown>) {
    const detail = await call<{ case: { version: number } }>('GET', `/api/cases/${caseId}`);
    await call('POST', `/api/cases/${caseId}/actions`, {
      action,
      version: detail.case.version,
      ...(data ? { data } : {}),
    });
  }

  /** Opens a page, scans it, keeps a screenshot and the findings not known elsewhere. */
  async function visit(name: string, url: string, area = name): Promise<CodeFinding[]> {
    await page.goto(`${server.url}${url}`);
    const found = await scanPage(page, vocabulary);
    await page.screenshot({ path: path.join(artifacts, `no-codes-${name}.png`), fullPage: true });
    report.push({ page: name, found });
    const known = knownElsewhere[area] ?? [];
    return found.filter((f) => !known.some((re) => re.test(f.code)));
  }

  it('the public portal: home, a unit, a standard, tracking', async () => {
    expect.soft(await visit('portal-home', '/')).toEqual([]);
    expect.soft(await visit('portal-unit', '/layanan/tarakan')).toEqual([]);
    expect.soft(await visit('portal-standard', '/layanan/tarakan/sembako')).toEqual([]);
    expect.soft(await visit('portal-standard-kb', '/layanan/sragen/kehabisan-bekal')).toEqual([]);
    expect.soft(await visit('track-form', '/lacak')).toEqual([]);
    // One office with one service is counted in the singular in English ("1 services" before).
    await page.goto(`${server.url}/`);
    await page.getByTestId('lang-switch').getByText('EN').click();
    expect(await page.getByTestId('unit-tarakan').innerText()).toMatch(/\b1 service\b/);
    await page.getByTestId('lang-switch').getByText('ID').click();
  });

  it('Sembako: every step of a case, the queue, intake, tracking and the SLA report', async () => {
    await signIn(page, server.url, 'tarakan.fo');
    expect.soft(await visit('staff-home-fo', '/staf', 'staff-home')).toEqual([]);
    expect.soft(await visit('intake', '/staf/permohonan/baru')).toEqual([]);
    const { id, trackingCode } = await call<{ id: number; trackingCode: string }>('POST', '/api/cases', {
      standardId: 'sembako',
      product: 'meninggal',
      applicant: { name: 'Siti Rahma Wati', nik: '6571015708900001' },
    });
    expect.soft(await visit('case-periksa-berkas', `/staf/permohonan/${id}`, 'case')).toEqual([]);
    for (const r of ['kk-ktp', 'kks', 'akte-kematian']) await upload(id, r);
    expect.soft(await visit('case-periksa-berkas-docs', `/staf/permohonan/${id}`, 'case')).toEqual([]);
    expect.soft(await visit('queue-fo', '/staf/permohonan')).toEqual([]);
    await act(id, 'teruskan');

    await signIn(page, server.url, 'tarakan.fungsional');
    expect.soft(await visit('queue-fungsional', '/staf/permohonan')).toEqual([]);
    expect.soft(await visit('case-analisis', `/staf/permohonan/${id}`, 'case')).toEqual([]);
    await act(id, 'teruskan', {
      jenisBantuan: 'BPNT / Program Sembako',
      analisis: 'Pemegang KKS meninggal dunia',
      solusi: 'Pengurus pengganti dalam satu KK',
      referensiSiksNg: 'SIKS-NG/2026/000123',
      edukasi: 'Penggunaan KKS di e-Warong',
    });

    await signIn(page, server.url, 'tarakan.kabid');
    expect.soft(await visit('case-tanda-tangan', `/staf/permohonan/${id}`, 'case')).toEqual([]);
    await act(id, 'setujui');

    await signIn(page, server.url, 'tarakan.fo');
    expect.soft(await visit('queue-serahkan', '/staf/permohonan')).toEqual([]);
    expect.soft(await visit('case-serahkan', `/staf/permohonan/${id}`, 'case')).toEqual([]);
    await act(id, 'serahkan');
    expect.soft(await visit('case-done', `/staf/permohonan/${id}`, 'case')).toEqual([]);

    await signIn(page, server.url, 'tarakan.kadis');
    expect.soft(await visit('sla-report', '/staf/laporan')).toEqual([]);

    await page.context().clearCookies();
    expect.soft(await visit('track-case', `/lacak/${trackingCode}`)).toEqual([]);
  });

  it('Kehabisan Bekal: the case, the repeat-claim alert and the cash book', async () => {
    const nik = '3314011708900001';
    const open = async () => {
      await signIn(page, server.url, 'sragen.fo');
      const { id } = await call<{ id: number }>('POST', '/api/cases', {
        standardId: 'kehabisan-bekal',
        applicant: { name: 'Bambang Sutrisno', nik },
      });
      await upload(id, 'surat-keterangan-kepolisian');
      await act(id, 'teruskan');
      return id;
    };
    const first = await open();
    await signIn(page, server.url, 'sragen.fungsional');
    expect.soft(await visit('case-pembayaran', `/staf/permohonan/${first}`, 'case')).toEqual([]);
    await act(first, 'bayar', { originCode: '33.14', destinationCode: '51.71', legToCode: '35.78' });
    expect.soft(await visit('case-paid', `/staf/permohonan/${first}`, 'case')).toEqual([]);
    expect.soft(await visit('cash-book', '/staf/kas')).toEqual([]);

    const second = await open();
    await signIn(page, server.url, 'sragen.fungsional');
    await page.goto(`${server.url}/staf/permohonan/${second}`);
    // The alert is this part's to mend; the rest of the case page is scanned above.
    const alert = await page.getByTestId('claims-check').innerText();
    await page.screenshot({ path: path.join(artifacts, 'no-codes-repeat-claim.png'), fullPage: true });
    expect(alert).toContain('Klaim berulang');
    const inAlert = scan(alert);
    report.push({ page: 'repeat-claim', found: inAlert });
    expect.soft(inAlert).toEqual([]);

    await signIn(page, server.url, 'sragen.kadis');
    expect.soft(await visit('sla-report-sragen', '/staf/laporan')).toEqual([]);
    expect.soft(await visit('staff-home-kadis', '/staf', 'staff-home')).toEqual([]);
  });
});
