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
  ['GET /api/submissions/:id/letters/:letterId/pdf', 'application/pdf'],
  // The signed scan as uploaded: application/pdf, image/jpeg or image/png.
  ['GET /api/submissions/:id/letters/:letterId/signed', 'application/pdf, image/jpeg or image/png'],
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
  ['GET /api/complaints/lapor/follow-ups.:format', 'text/csv or XLSX'],
  ['GET /api/complaints/stats.xlsx', 'XLSX'],
  ['GET /api/complaints/stats.pdf', 'application/pdf'],
  ['GET /api/stock/position.xlsx', 'XLSX'],
  ['GET /api/stock/card.xlsx', 'XLSX'],
  ['GET /api/logistics/distributions.xlsx', 'XLSX'],
  ['GET /api/logistics/requests.xlsx', 'XLSX'],
  ['GET /api/survey/report.:format', 'application/pdf or XLSX'],
]);

/**
 * Open311 GeoReport v2's routes answer by the path's ending: `.json` through their declared
 * response schema, `.xml` (the spec's required format) as text/xml built from the same value.
 * Each is listed with a URL that reaches it, so both formats are asked for here.
 */
const jsonOrXml = new Map<string, string>([
  ['GET /open311/discovery.:format', '/open311/discovery.FORMAT'],
  ['GET /open311/v2/services.:format', '/open311/v2/services.FORMAT?jurisdiction_id=sragen'],
  [
    'GET /open311/v2/services/:service_code.:format',
    '/open311/v2/services/pkh.FORMAT?jurisdiction_id=sragen',
  ],
  ['GET /open311/v2/requests.:format', '/open311/v2/requests.FORMAT?jurisdiction_id=sragen'],
  // Nothing filed: the errors, in each format.
  ['GET /open311/v2/requests/:id.:format', '/open311/v2/requests/1.FORMAT?jurisdiction_id=sragen'],
  ['GET /open311/v2/tokens/:token.:format', '/open311/v2/tokens/ABCDE-FGHJK.FORMAT?jurisdiction_id=sragen'],
  ['POST /open311/v2/requests.:format', '/open311/v2/requests.FORMAT'],
]);
const isOpen311 = (url: string) => url.startsWith('/open311/');

describe('route contracts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('every JSON route declares a response schema', () => {
    const routes = t.app.routeList.filter((r) => r.url.startsWith('/api/') || isOpen311(r.url));
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

  it('every Open311 route answers JSON or XML by its ending, errors included', async () => {
    const routes = t.app.routeList.filter((r) => isOpen311(r.url)).map((r) => `${r.method} ${r.url}`);
    expect(routes.sort()).toEqual([...jsonOrXml.keys()].sort());
    for (const [route, url] of jsonOrXml) {
      const method = route.startsWith('POST') ? 'POST' : 'GET';
      for (const [format, type] of [
        ['json', 'application/json; charset=utf-8'],
        ['xml', 'text/xml; charset=utf-8'],
      ] as const) {
        const res = await t.app.inject({ method, url: url.replace('FORMAT', format) });
        expect(res.headers['content-type'], `${route} as ${format}`).toBe(type);
        if (format === 'xml')
          expect(res.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<[a-z_]+>/);
        else expect(() => res.json()).not.toThrow();
      }
    }
  });
});
