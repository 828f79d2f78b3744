import { XMLBuilder } from 'fast-xml-parser';

/**
 * What search engines may index: the public portal (each office and each of its services in
 * force), never the staff pages or the API. Served as `/robots.txt` and `/sitemap.xml`
 * (sitemaps.org 0.9) with absolute addresses under the installation's public address.
 */

/** The public pages every installation has, besides each office's and each service's page. */
const fixedPages = ['/', '/lacak', '/pengaduan', '/verifikasi', '/survei'];

export function robotsTxt(publicUrl: string): string {
  const base = publicUrl.replace(/\/$/, '');
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /staf',
    'Disallow: /api/',
    'Disallow: /kiosk/',
    'Disallow: /masuk',
    `Sitemap: ${base}/sitemap.xml`,
    '',
  ].join('\n');
}

export function sitemapXml(
  publicUrl: string,
  units: ReadonlyArray<{ code: string; services: ReadonlyArray<{ id: string; since: string | null }> }>,
): string {
  const base = publicUrl.replace(/\/$/, '');
  const url = (path: string, lastmod?: string | null) => ({
    loc: `${base}${path}`,
    ...(lastmod ? { lastmod } : {}),
  });
  const urls = [
    ...fixedPages.map((p) => url(p)),
    ...units.flatMap((u) => [
      url(`/layanan/${encodeURIComponent(u.code)}`),
      ...u.services.map((s) =>
        url(`/layanan/${encodeURIComponent(u.code)}/${encodeURIComponent(s.id)}`, s.since),
      ),
    ]),
  ];
  const builder = new XMLBuilder({
    format: true,
    indentBy: '  ',
    ignoreAttributes: false,
    processEntities: true,
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({
    urlset: { '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9', url: urls },
  })}`;
}
