import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../app.ts';

/**
 * Every route declares the schema of its answer (DESIGN.md "Layout": request and response shapes
 * in `<module>.schema.ts`), so the web app can import the server's types instead of copying them.
 * Routes that answer with a file instead of JSON are listed here, each with its content type.
 */
const binary = new Map<string, string>([
  ['GET /api/cases/:id/letters/:letterId/pdf', 'application/pdf'],
  ['GET /api/cases/:id/dispositions/:dispositionId/pdf', 'application/pdf'],
  ['GET /api/cases/:id/letter-preview', 'application/pdf'],
  ['GET /api/cases/:id/receipt', 'application/pdf'],
  // A scan as uploaded: application/pdf, image/jpeg or image/png.
  ['GET /api/cases/:id/documents/:documentId/file', 'application/pdf, image/jpeg or image/png'],
  ['GET /api/relief/payouts/:id/kwitansi', 'application/pdf'],
  ['GET /api/public/units/:unit/standards/:id/pdf', 'application/pdf'],
  ['GET /api/registry/exports/:token', 'text/csv or XLSX'],
  ['GET /api/registry/template.:format', 'text/csv or XLSX'],
  ['GET /api/registry/imports/:id/errors', 'text/csv'],
  ['GET /api/audit/export.xlsx', 'XLSX'],
  ['GET /api/public/complaints/:code/receipt', 'application/pdf'],
  ['GET /api/public/complaints/:code/decision', 'application/pdf'],
  ['GET /api/complaints/:id/decision', 'application/pdf'],
  ['GET /api/stock/position.xlsx', 'XLSX'],
  ['GET /api/stock/card.xlsx', 'XLSX'],
  ['GET /api/logistics/distributions.xlsx', 'XLSX'],
  ['GET /api/logistics/requests.xlsx', 'XLSX'],
  ['GET /api/survey/report.:format', 'application/pdf or XLSX'],
]);

describe('route contracts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('every JSON route declares a response schema', () => {
    const routes = t.app.routeList.filter((r) => r.url.startsWith('/api/'));
    const lacking = routes
      .filter((r) => !r.responseSchema)
      .map((r) => `${r.method} ${r.url}`)
      .filter((route) => !binary.has(route));
    console.log(
      `response schemas: ${routes.filter((r) => r.responseSchema).length} of ${routes.length} routes`,
    );
    expect(lacking).toEqual([]);
  });

  it('a 204 answer has no body although its schema is declared', async () => {
    const res = await (await signedIn(t.app, 'sragen.auditor')).post('/api/auth/logout');
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
  });

  it('the binary exemptions name routes that exist', () => {
    const known = new Set(t.app.routeList.map((r) => `${r.method} ${r.url}`));
    expect([...binary.keys()].filter((route) => !known.has(route))).toEqual([]);
  });
});
