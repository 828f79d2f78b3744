import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';

type Operation = {
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
};
type Document = { paths: Record<string, Record<string, Operation>>; components?: Record<string, unknown> };

/** Issue 19: the API's document as a client generator or an auditor's validator reads it. */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
  beforeAll(async () => {
    // With a web app in place, so that its static files would show if they leaked in.
    const web = mkdtempSync(path.join(os.tmpdir(), 'jaring-web-'));
    mkdirSync(path.join(web, 'assets'));
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Jaring</title>');
    writeFileSync(path.join(web, 'assets', 'app-1234.js'), 'export {};');
    t = await createTestApp({ JARING_WEB_DIR: web });
    doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI document for a well-kept parser', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    expect(operations().length).toBeGreaterThan(100);
  });

  it('lists API operations only, never a static file of the web app', () => {
    expect(
      Object.keys(doc.paths).filter((p) => !p.startsWith('/api/') && !p.startsWith('/open311/')),
    ).toEqual([]);
  });

  it('gives every API operation its success answer, its error answers with the error body, and its security', () => {
    const lacking: string[] = [];
    for (const { path, method, op } of operations()) {
      if (!path.startsWith('/api/')) continue;
      const codes = Object.keys(op.responses);
      if (!codes.some((c) => c.startsWith('2'))) lacking.push(`${method} ${path}: no success`);
      for (const c of ['400', '404', '422', '500'])
        if (!codes.includes(c)) lacking.push(`${method} ${path}: no ${c}`);
      const errorSchema = op.responses['422']?.content?.['application/json']?.schema as
        | { properties?: Record<string, unknown> }
        | undefined;
      if (!errorSchema?.properties?.error) lacking.push(`${method} ${path}: 422 without the error body`);
      if (!Array.isArray(op.security)) lacking.push(`${method} ${path}: no security`);
    }
    expect(lacking).toEqual([]);
    expect(Object.keys((doc.components?.securitySchemes ?? {}) as object).sort()).toEqual([
      'csrf',
      'csrfCookie',
      'session',
    ]);
  });

  it('documents the statuses the server really answers', () => {
    const codes = (method: string, path: string) => Object.keys(doc.paths[path]?.[method]?.responses ?? {});
    expect(codes('post', '/api/cases')).toContain('201');
    expect(codes('post', '/api/cases')).not.toContain('200');
    expect(codes('post', '/api/auth/logout')).toContain('204');
    expect(codes('post', '/api/emergencies')).toContain('201');
  });

  it('says which operations need a session, as the server enforces it', async () => {
    const reads = operations().filter(
      ({ path, method }) => method === 'GET' && path.startsWith('/api/') && !path.includes('{'),
    );
    const mismatched: string[] = [];
    for (const { path, op } of reads) {
      const res = await t.app.inject({ method: 'GET', url: path });
      const needsSession = (op.security ?? []).some((s) => 'session' in s);
      if (needsSession !== (res.statusCode === 401)) mismatched.push(`GET ${path}: ${res.statusCode}`);
    }
    expect(mismatched).toEqual([]);
    const writes = operations().filter(({ path, method }) => method !== 'GET' && path.startsWith('/api/'));
    expect(writes.every(({ op }) => (op.security ?? []).some((s) => 'csrf' in s))).toBe(true);
  });
});
