import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';

/** Issue 19 (Lighthouse SEO): a real robots.txt and a sitemap of the public pages. */
describe('robots.txt and the sitemap', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ JARING_PUBLIC_URL: 'https://layanan.dinsos.example.go.id/' });
  });
  afterAll(() => t.close());

  it('keeps crawlers out of the staff pages and the API, and names the sitemap', async () => {
    const res = await t.app.inject({ url: '/robots.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const lines = res.body.split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Disallow: /staf');
    expect(lines).toContain('Disallow: /api/');
    expect(lines).toContain('Sitemap: https://layanan.dinsos.example.go.id/sitemap.xml');
  });

  it('lists every public office and each of its services in force, by absolute address', async () => {
    const res = await t.app.inject({ url: '/sitemap.xml' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(res.body);
    expect(xml.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = (xml.urlset.url as Array<{ loc: string }>).map((u) => u.loc);
    const base = 'https://layanan.dinsos.example.go.id';
    expect(locs).toContain(`${base}/`);
    expect(locs).toContain(`${base}/lacak`);
    const units = (await t.app.inject({ url: '/api/public/units' })).json().units as Array<{ code: string }>;
    for (const { code } of units) {
      expect(locs).toContain(`${base}/layanan/${code}`);
      const services = (await t.app.inject({ url: `/api/public/units/${code}` })).json().services as Array<{
        id: string;
      }>;
      for (const s of services) expect(locs).toContain(`${base}/layanan/${code}/${s.id}`);
    }
    expect(locs.some((l) => l.includes('/layanan/sragen/kehabisan-bekal'))).toBe(true);
    // An office that publishes no service has no page, and nothing of the staff side is listed.
    expect(locs.some((l) => l.includes('/layanan/lebak'))).toBe(false);
    expect(locs.filter((l) => l.includes('/staf') || l.includes('/api/'))).toEqual([]);
  });

  it('lists only pages the web app routes, whose data answers', async () => {
    const res = await t.app.inject({ url: '/sitemap.xml' });
    const pages = (new XMLParser().parse(res.body).urlset.url as Array<{ loc: string }>).map(
      (u) => new URL(u.loc).pathname,
    );
    const routes = readFileSync(new URL('../../web/src/routes.tsx', import.meta.url), 'utf8');
    for (const page of pages) {
      const [, first, unit, service] = page.split('/');
      if (first !== 'layanan') {
        // A fixed page: the web app has a route for it (the home page loads the offices).
        expect(routes, `route for ${page}`).toContain(`path: '${page}'`);
        continue;
      }
      // The API call each portal page makes (web/src/pages/portal/unit.tsx, standard.tsx).
      const data = service ? `/api/public/units/${unit}/standards/${service}` : `/api/public/units/${unit}`;
      expect((await t.app.inject({ url: data })).statusCode, `${page} loads ${data}`).toBe(200);
    }
    expect(pages.filter((p) => p.startsWith('/layanan/')).length).toBeGreaterThan(5);
  });
});
