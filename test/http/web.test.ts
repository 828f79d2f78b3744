import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';

/**
 * The web app as the server sends it, on a tiny stand-in for web/dist (no vite build): a page
 * and a hashed asset, precompressed by the build's own script.
 */
describe('serving the built web app', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jaring-web-'));
  const asset = 'assets/index-Ab12Cd34.js';
  const script = `${'export const portal = "Standar Pelayanan Dinas Sosial";\n'.repeat(40)}`;
  const page = `<!doctype html><html lang="id"><head><title>Jaring</title><script type="module" src="/${asset}"></script></head><body>${'<div id="root"></div>'.repeat(20)}</body></html>`;
  let t: TestApp;

  beforeAll(async () => {
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), page);
    writeFileSync(path.join(dir, asset), script);
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
    execFileSync('node', ['scripts/precompress-web.mjs', dir]);
    t = await createTestApp({ JARING_WEB_DIR: dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    t.app.inject({
      method: 'GET',
      url,
      headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
    });

  it('precompresses each text file at build time, but not a file too small to gain', () => {
    expect(existsSync(path.join(dir, `${asset}.br`))).toBe(true);
    expect(existsSync(path.join(dir, `${asset}.gz`))).toBe(true);
    expect(existsSync(path.join(dir, 'index.html.br'))).toBe(true);
    expect(existsSync(path.join(dir, 'favicon.svg.br'))).toBe(false);
  });

  it('sends a hashed asset as brotli when accepted, cached for a year', async () => {
    const res = await get(`/${asset}`, 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const res = await get(`/${asset}`, 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends the file as it is to a client that accepts no encoding', async () => {
    const res = await get(`/${asset}`);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body).toBe(script);
  });

  it('has index.html revalidated on every visit, compressed too', async () => {
    const res = await get('/index.html', 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(page);
  });

  it('answers a client-side route with index.html, no-cache, compressed', async () => {
    for (const url of ['/', '/staf/permohonan/12', '/layanan/sragen/kehabisan-bekal?lang=en']) {
      const res = await get(url, 'gzip');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['content-encoding'], url).toBe('gzip');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(gunzipSync(res.rawPayload).toString(), url).toBe(page);
    }
  });

  it('answers HEAD of a page as GET would, without the body (monitors and link checkers ask so)', async () => {
    for (const url of ['/', '/staf/permohonan/12']) {
      const res = await t.app.inject({ method: 'HEAD', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toBe('');
    }
  });

  it('answers a missing asset, or a compressed copy asked by name, with a 404, not the page', async () => {
    for (const url of ['/assets/index-Gone0000.js', `/${asset}.br`, `/${asset}.gz`]) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe('not_found');
    }
  });

  it('leaves the API alone', async () => {
    const res = await get('/api/public/units', 'br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json().units.length).toBeGreaterThan(0);
  });
});
