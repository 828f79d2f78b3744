import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Kemendagri region codes from the `idn-area-data` package: province (`33`), regency/city
 * (`33.14`), district (`33.14.01`), village (`33.14.01.2001`). Loaded lazily and cached;
 * villages (83k rows) only when asked for.
 */
export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

const files: Record<RegionLevel, string> = {
  province: 'provinces.csv',
  regency: 'regencies.csv',
  district: 'districts.csv',
  village: 'villages.csv',
};

const cache = new Map<RegionLevel, Map<string, Region>>();

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
}

const texts = new Map<RegionLevel, string>();
function text(level: RegionLevel): string {
  let t = texts.get(level);
  if (t === undefined) {
    t = readFileSync(path.join(dataDir(), files[level]), 'utf8');
    texts.set(level, t);
  }
  return t;
}

/** Regions from lines of a level's file (without its header line). */
function parseLines(
  level: RegionLevel,
  lines: string[],
  map = new Map<string, Region>(),
): Map<string, Region> {
  for (const line of lines) {
    if (!line) continue;
    const parts = line.split(',');
    const code = parts[0] ?? '';
    if (level === 'province') {
      map.set(code, { code, name: parts.slice(1).join(','), level, parentCode: null });
    } else {
      map.set(code, { code, name: parts.slice(2).join(','), level, parentCode: parts[1] ?? null });
    }
  }
  return map;
}

function load(level: RegionLevel): Map<string, Region> {
  const hit = cache.get(level);
  if (hit) return hit;
  const map = parseLines(level, text(level).split(/\r?\n/).slice(1));
  cache.set(level, map);
  texts.delete(level);
  return map;
}

const villageBlocks = new Map<string, Map<string, Region>>();
/**
 * The villages of one regency (`33.14`). The file is sorted by code, so they are one block of
 * lines: an import checking every row's village parses a few hundred lines, not all 83k.
 */
function villagesOf(regencyCode: string): Map<string, Region> {
  let block = villageBlocks.get(regencyCode);
  if (block) return block;
  const all = text('village');
  const start = all.indexOf(`\n${regencyCode}.`);
  block = new Map();
  if (start >= 0) {
    let end = start + 1;
    for (;;) {
      const next = all.indexOf('\n', end);
      if (next < 0 || !all.startsWith(`${regencyCode}.`, next + 1)) {
        end = next < 0 ? all.length : next;
        break;
      }
      end = next + 1;
    }
    parseLines('village', all.slice(start + 1, end).split(/\r?\n/), block);
  }
  villageBlocks.set(regencyCode, block);
  return block;
}

/** `3314012001` or `33.14.01.2001` → dotted form; undefined when not a region code shape. */
export function normaliseRegionCode(input: string): string | undefined {
  const s = input.trim();
  if (/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(s)) return s;
  const digits = s.replace(/\D/g, '');
  if (digits !== s) return undefined;
  if (digits.length === 2) return digits;
  if (digits.length === 4) return `${digits.slice(0, 2)}.${digits.slice(2)}`;
  if (digits.length === 6) return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4)}`;
  if (digits.length === 10)
    return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
  return undefined;
}

function levelOf(code: string): RegionLevel | undefined {
  const parts = code.split('.').length;
  return (['province', 'regency', 'district', 'village'] as const)[parts - 1];
}

function get(level: RegionLevel, code: string): Region | undefined {
  const c = normaliseRegionCode(code);
  if (!c || levelOf(c) !== level) return undefined;
  if (level === 'village' && !cache.has('village')) return villagesOf(c.slice(0, 5)).get(c);
  return load(level).get(c);
}

export const getProvince = (code: string) => get('province', code);
export const getRegency = (code: string) => get('regency', code);
export const getDistrict = (code: string) => get('district', code);
export const getVillage = (code: string) => get('village', code);

/** A region of any level by code. */
export function findRegion(code: string): Region | undefined {
  const c = normaliseRegionCode(code);
  const level = c ? levelOf(c) : undefined;
  return c && level ? load(level).get(c) : undefined;
}

/** The regions directly under a code (`''` for the provinces). */
export function childrenOf(code: string): Region[] {
  if (code === '') return [...load('province').values()];
  const c = normaliseRegionCode(code);
  const level = c ? levelOf(c) : undefined;
  const child =
    level === 'province'
      ? 'regency'
      : level === 'regency'
        ? 'district'
        : level === 'district'
          ? 'village'
          : undefined;
  if (!child) return [];
  return [...load(child).values()].filter((r) => r.parentCode === c);
}

/** Province → … → the region itself. */
export function regionPath(code: string): Region[] {
  const out: Region[] = [];
  let r = findRegion(code);
  while (r) {
    out.unshift(r);
    r = r.parentCode ? findRegion(r.parentCode) : undefined;
  }
  return out;
}

const acronyms = new Set(['DKI', 'DI']);

/**
 * A region's name for reading: the source lists provinces and regencies in capitals
 * (`KABUPATEN SRAGEN`); pages and messages say `Kabupaten Sragen`, `DKI Jakarta`. Districts and
 * villages are already written that way.
 */
export function displayName(region: Pick<Region, 'name'>): string {
  if (region.name !== region.name.toUpperCase()) return region.name;
  return region.name
    .split(' ')
    .map((word) =>
      acronyms.has(word)
        ? word
        : word
            .toLowerCase()
            .replace(/(^|[-(.])([a-z])/g, (_, before: string, c: string) => before + c.toUpperCase()),
    )
    .join(' ');
}

const simplify = (s: string) =>
  s
    .toLowerCase()
    .replace(/^(kabupaten|kab\.|kota|provinsi)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Regions whose name matches (case-insensitive; 'Kabupaten'/'Kota' prefixes optional); exact first. */
export function searchRegions(name: string, opts: { level?: RegionLevel; limit?: number } = {}): Region[] {
  const q = simplify(name);
  if (!q) return [];
  const levels: RegionLevel[] = opts.level ? [opts.level] : ['province', 'regency', 'district'];
  const exact: Region[] = [];
  const partial: Region[] = [];
  for (const level of levels) {
    for (const r of load(level).values()) {
      const n = r.name.toLowerCase();
      const s = simplify(r.name);
      if (n === name.trim().toLowerCase() || s === q) exact.push(r);
      else if (s.includes(q)) partial.push(r);
    }
  }
  return [...exact, ...partial].slice(0, opts.limit ?? 20);
}
