import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { ExternalActors, StaffRoles } from '../../src/auth/roles.ts';
import { expectAccessible } from './harness.ts';

/**
 * Finds internal ids and codes in what a user reads: catalogue codes (`case.open`,
 * `data.originCode`), the standards' step, requirement and product ids (`periksa-berkas`), raw
 * role ids (`front_office`) and bare region codes (`33.14`, `33.14 → 52.03`). Legitimate text
 * that looks alike (letter numbers, tracking codes, NIP, times, versions, addresses of sites and
 * files) is taken out first by the allow-list.
 */

export interface CodeFinding {
  kind: 'catalogue' | 'standard-id' | 'role' | 'region';
  code: string;
  /** The text around the code, to find it on the page. */
  context: string;
}

/** Ids the standards give their steps, requirements, products and services. */
export interface Vocabulary {
  /** Kebab-case ids (`periksa-berkas`): never Indonesian words, found anywhere in the text. */
  kebab: Set<string>;
  /** One-word ids (`serahkan`, `kks`): words too, so found only as the whole text of an element. */
  words: Set<string>;
  /** Role and actor ids with an underscore (`front_office`), found anywhere, in any case. */
  roles: Set<string>;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(full);
    return e.name.endsWith('.yaml') ? [full] : [];
  });
}

interface StandardIds {
  id?: string;
  delivery?: { requirements?: { items?: { id?: string }[] }; products?: { id?: string }[] };
  workflow?: { steps?: { id?: string }[] };
}

/** The ids of every standard under `standards/`, and the role ids of `src/auth/roles.ts`. */
export function loadVocabulary(root = path.resolve('standards')): Vocabulary {
  const ids = new Set<string>();
  for (const file of yamlFiles(root)) {
    const s = parse(readFileSync(file, 'utf8')) as StandardIds;
    for (const id of [
      s.id,
      ...(s.delivery?.requirements?.items ?? []).map((r) => r.id),
      ...(s.delivery?.products ?? []).map((p) => p.id),
      ...(s.workflow?.steps ?? []).map((st) => st.id),
    ]) {
      if (id) ids.add(id);
    }
  }
  const all = [...ids];
  return {
    kebab: new Set(all.filter((id) => id.includes('-'))),
    words: new Set(all.filter((id) => !id.includes('-'))),
    roles: new Set([...StaffRoles, ...ExternalActors].filter((r) => r.includes('_'))),
  };
}

/**
 * Text that looks like a code but is not one: taken out (replaced by spaces, so positions and
 * word boundaries stay) before the search.
 */
const allowed: RegExp[] = [
  // Letter numbers: classification / sequence / unit / year (400.9/0001/DINSOSPM/2026,
  // 000.8.3.2/03.2/DINSOSPM).
  /\b\d{3}(?:\.\d+)*\/[\w.]+(?:\/[\w.]+)*/g,
  // Web and mail addresses, file names.
  /\bhttps?:\/\/\S+/g,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /\b[\w-]+(?:\.[\w-]+)*\.(?:go\.id|co\.id|or\.id|ac\.id|id|com|org|net|example)\b/g,
  /\b[\w-]+\.(?:pdf|png|jpe?g|csv|xlsx|yaml|json|txt)\b/gi,
  // Versions (v1.2.3, versi 0.1.0); a bare 33.14.01 is a district.
  /\b(?:v|versi\s+|version\s+)\d+\.\d+\.\d+(?:[-+][\w.]+)?\b/gi,
  // Times: 14.30, 14.30.00, with a zone, after a date or "pukul", and ranges (08.00–16.00),
  // the ranges first: a zone after a range (13.00–16.00 WITA) must not take its end away.
  /\b\d{1,2}\.\d{2}\s*[–-]\s*\d{1,2}\.\d{2}\b/g,
  /\b\d{1,2}\.\d{2}(?:\.\d{2})?\s*(?:WIB|WITA|WIT)\b/g,
  /\b(?:pukul|jam|at)\s+\d{1,2}\.\d{2}(?:\.\d{2})?/gi,
  /\b\d{1,4}[/-]\d{1,2}[/-]\d{1,4},?\s+\d{1,2}[.:]\d{2}(?:[.:]\d{2})?/g,
  /\b\d{1,2}\s+\p{L}+\s+\d{4},?\s+(?:pukul\s+)?\d{1,2}[.:]\d{2}(?:[.:]\d{2})?/gu,
  // Indonesian abbreviations: a.n. (atas nama), s.d. (sampai dengan), u.p., d.a., dr., H.
  /\b(?:a\.n|s\.d|u\.p|d\.a|u\.b|dkk|dll|dsb)\.?/gi,
];

const catalogue = /\b[a-z]+(?:\.[a-z_][A-Za-z_]*)+\b/g;
const region = /\b\d{2}\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?\b/g;

function blank(text: string): string {
  let out = text;
  for (const re of allowed) out = out.replace(re, (m) => ' '.repeat(m.length));
  return out;
}

function around(text: string, index: number, length: number): string {
  return text
    .slice(Math.max(0, index - 30), index + length + 30)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Codes in a page's text. `text` is what the user reads (innerText); `fragments` the texts of
 * single elements, where a one-word id that is the whole text is a code, not a word.
 */
export function findCodes(text: string, fragments: string[], vocabulary: Vocabulary): CodeFinding[] {
  const found: CodeFinding[] = [];
  const clean = blank(text);
  const add = (kind: CodeFinding['kind'], re: RegExp, filter: (m: string) => boolean = () => true) => {
    for (const m of clean.matchAll(re)) {
      if (filter(m[0])) found.push({ kind, code: m[0], context: around(text, m.index, m[0].length) });
    }
  };
  add('catalogue', catalogue);
  add('region', region);
  add('standard-id', /\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g, (m) => vocabulary.kebab.has(m));
  add('role', /\b[A-Za-z]+(?:_[A-Za-z]+)+\b/g, (m) => vocabulary.roles.has(m.toLowerCase()));
  for (const f of fragments) {
    const word = f.trim();
    if (vocabulary.words.has(word)) found.push({ kind: 'standard-id', code: word, context: word });
  }
  return found;
}

/** What the page shows now: the visible text, and the own text of each visible element. */
export async function visibleText(page: Page): Promise<{ text: string; fragments: string[] }> {
  return page.evaluate(() => {
    const fragments: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (own) fragments.push(own);
    }
    return { text: document.body.innerText, fragments };
  });
}

/**
 * Requests a page has in flight, but the staff area's long poll for case changes, which is
 * always open (so `networkidle` never comes on a staff page).
 */
const inFlight = new WeakMap<Page, Set<unknown>>();
/** Starts counting a page's requests; call it right after the page is made. */
export function watchRequests(page: Page): Set<unknown> {
  let open = inFlight.get(page);
  if (!open) {
    const set = new Set<unknown>();
    const live = (url: string) => url.includes('/api/cases/changes');
    page.on('request', (r) => {
      if (!live(r.url())) set.add(r);
    });
    page.on('requestfinished', (r) => set.delete(r));
    page.on('requestfailed', (r) => set.delete(r));
    inFlight.set(page, set);
    open = set;
  }
  return open;
}

/** Waits until the page has loaded its data (no skeleton, no pending request but the long poll). */
export async function settled(page: Page): Promise<void> {
  const open = watchRequests(page);
  await page.waitForLoadState('load');
  for (let i = 0; i < 200 && open.size > 0; i++) await new Promise((r) => setTimeout(r, 50));
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 10_000 });
}

/**
 * The codes on the page now, after it settled. Every page scanned is also checked with axe
 * (WCAG 2.1 A and AA, issue 19): a violation fails the journey with the list of what failed.
 */
export async function scanPage(page: Page, vocabulary: Vocabulary): Promise<CodeFinding[]> {
  await settled(page);
  await expectAccessible(page);
  const { text, fragments } = await visibleText(page);
  return findCodes(text, fragments, vocabulary);
}
