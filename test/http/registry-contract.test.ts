import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';

// The register's answers the web app reads are typed from registry.schema.ts; a route that
// stops declaring its response schema would let server and page drift apart unnoticed.
// Streamed CSV/XLSX files are not JSON and have none.
const streamed = new Set([
  'GET /api/registry/exports/{token}',
  'GET /api/registry/template.{format}',
  'GET /api/registry/imports/{id}/errors',
]);

describe('registry contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('declares a JSON response schema on every registry route but the streamed files', () => {
    const spec = t.app.swagger() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>>;
    };
    const routes = Object.entries(spec.paths)
      .filter(([p]) => p.startsWith('/api/registry/'))
      .flatMap(([p, methods]) =>
        Object.entries(methods).map(([m, op]) => ({ route: `${m.toUpperCase()} ${p}`, op })),
      );
    expect(routes.length).toBe(12);
    const missing = routes
      .filter(({ route }) => !streamed.has(route))
      .filter(({ op }) => !['200', '202'].some((code) => op.responses?.[code]?.content))
      .map(({ route }) => route);
    expect(missing).toEqual([]);
    expect(routes.filter(({ route }) => streamed.has(route))).toHaveLength(streamed.size);
  });
});
