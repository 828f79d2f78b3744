import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mapHeaders, TemplateColumns } from '../registry.columns.ts';
import { prng, syntheticRegister } from '../synthetic.ts';
import { ByteLane } from './byte-lane.ts';
import { type ReadPhaseInput, readPhase } from './read-phase.ts';
import { rowContext } from './string-lane.ts';

const today = '2026-11-23T00:00:00.000Z';
const ctx = rowContext({ today: new Date(today), regionCode: '33.14', regionName: 'Kabupaten Sragen' });
const dir = mkdtempSync(path.join(tmpdir(), 'jaring-lane-'));
const headers = TemplateColumns.map((c) => c.header);
const at = (key: string) => TemplateColumns.findIndex((c) => c.key === key);

/** Everything a read phase gives, as text: every batch's COPY lines and problems, then the totals. */
async function readAll(input: ReadPhaseInput): Promise<string[]> {
  const out: string[] = [];
  const text = new TextDecoder();
  const phase = readPhase(input);
  for (;;) {
    const next = await phase.next();
    if (next.done) {
      out.push(JSON.stringify(next.value));
      return out;
    }
    const b = next.value;
    out.push(`rows ${b.rowsRead}`, text.decode(b.stage), b.problems);
    if (b.load)
      out.push(text.decode(b.load.families), text.decode(b.load.people), text.decode(b.load.direct));
  }
}

/**
 * Cells made odd the ways real files are: spaces, case, other spellings, other date forms,
 * characters the lane leaves alone, and plain mistakes.
 */
const oddities: Array<(cells: string[], rnd: () => number) => void> = [
  (c) => {
    c[at('name')] = ` ${c[at('name')]}  `;
  },
  (c) => {
    c[at('name')] = (c[at('name')] ?? '').replace(' ', '  ') || 'Siti  Aminah';
  },
  (c) => {
    c[at('name')] = `${c[at('name')]} Ñoñó`;
  },
  (c) => {
    c[at('name')] = 'x'.repeat(101);
  },
  (c) => {
    c[at('address')] = `${'Jl. Mawar '.repeat(25)}`;
  },
  (c) => {
    c[at('address')] = 'Jl. Mawar\\3';
  },
  (c) => {
    c[at('address')] = 'Jl. "Mawar", Gg. 3';
  },
  (c) => {
    c[at('birthPlace')] = '  Sragen ';
  },
  (c) => {
    c[at('occupation')] = 'Petani\tKebun';
  },
  (c) => {
    const [d, m, y] = (c[at('birthDate')] ?? '').split('-');
    c[at('birthDate')] = `${y}-${m}-${d}`;
  },
  (c) => {
    const [d, m, y] = (c[at('birthDate')] ?? '').split('-');
    c[at('birthDate')] = `${Number(d)}/${Number(m)}.${y}`;
  },
  (c) => {
    c[at('birthDate')] = `0${c[at('birthDate')]}`;
  },
  (c) => {
    c[at('birthDate')] = '17-08-1990';
  },
  (c) => {
    c[at('sex')] = (c[at('sex')] ?? '').toLowerCase() === 'l' ? 'Laki-laki' : 'perempuan';
  },
  (c) => {
    c[at('sex')] = c[at('sex')] === 'L' ? 'P' : 'L';
  },
  (c, rnd) => {
    c[at('relationship')] =
      ['1', 'kk', 'KEPALA KELUARGA', 'anak kandung', 'Cucu', 'tetangga'][Math.floor(rnd() * 6)] ?? '';
  },
  (c, rnd) => {
    c[at('education')] = ['-', 'tidak', 'SMA', '5', ' sd ', 'sekolah tinggi'][Math.floor(rnd() * 6)] ?? '';
  },
  (c, rnd) => {
    c[at('disabilitySeverity')] = ['Berat', 'ringan', 'parah'][Math.floor(rnd() * 3)] ?? '';
    if (rnd() < 0.5) c[at('disabilityKind')] = ['-', 'Netra', ''][Math.floor(rnd() * 3)] ?? '';
  },
  (c) => {
    c[at('pregnancy')] = 'Hamil';
  },
  (c, rnd) => {
    c[at('lifeStatus')] = ['Meninggal', 'meninggal dunia', '0', 'Hidup'][Math.floor(rnd() * 4)] ?? '';
    if (rnd() < 0.6)
      c[at('deathDate')] =
        ['01-02-2020', '2021-03-04', '31-02-2020', '01-01-1900'][Math.floor(rnd() * 4)] ?? '';
  },
  (c, rnd) => {
    const v = c[at('villageCode')] ?? '';
    c[at('villageCode')] =
      [v.replace(/\./g, ''), ` ${v}`, '33.15.01.2001', '33.14.01.9999', '3314'][Math.floor(rnd() * 5)] ?? '';
  },
  (c, rnd) => {
    c[at('rt')] = ['003', '0', '1234', ' 7', 'a', ''][Math.floor(rnd() * 6)] ?? '';
    c[at('rw')] = ['01', '', '12'][Math.floor(rnd() * 3)] ?? '';
  },
  (c, rnd) => {
    c[at('decile')] = ['07', '7.0', '1e1', '0', '11', '-', 'tidak', ' 3 ', '10'][Math.floor(rnd() * 9)] ?? '';
  },
  (c, rnd) => {
    c[at('welfareStatus')] = ['', 'dtks', 'non-dtks', 'Terdaftar'][Math.floor(rnd() * 4)] ?? '';
  },
  (c, rnd) => {
    c[at('statusPeriod')] =
      ['9/2026', '2026-9', '09-2026', '0099-01', '2026-13', ''][Math.floor(rnd() * 6)] ?? '';
  },
  (c, rnd) => {
    const nik = c[at('nik')] ?? '';
    c[at('nik')] =
      [
        `${nik.slice(0, 12)}0000`,
        `${nik.slice(0, 4)}.${nik.slice(4)}`,
        ` ${nik}`,
        nik.slice(1),
        `99${nik.slice(2)}`,
      ][Math.floor(rnd() * 5)] ?? '';
  },
  (c, rnd) => {
    const kk = c[at('kk')] ?? '';
    c[at('kk')] =
      [`${kk.slice(0, 6)}320199${kk.slice(12)}`, `${kk.slice(0, 4)}99${kk.slice(6)}`, ''][
        Math.floor(rnd() * 3)
      ] ?? '';
  },
  (c) => {
    c.length = at('rt');
  },
  (c) => {
    c.push('kolom tambahan');
  },
];

/** A synthetic register with odd rows, written with `delimiter` and `eol`. */
function oddFile(
  name: string,
  opts: { people: number; seed: number; delimiter: string; eol: string; bom?: boolean; columns?: number[] },
) {
  const rnd = prng(opts.seed);
  const order = opts.columns ?? headers.map((_, i) => i);
  const field = (s: string) =>
    s.includes(opts.delimiter) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  const line = (cells: string[]) => {
    const fields = order.map((i) => field(cells[i] ?? ''));
    // A short row ends early (its last cells are missing, not empty).
    if (cells.length < headers.length) fields.length = Math.min(fields.length, cells.length);
    return fields.join(opts.delimiter) + opts.eol;
  };
  let text = (opts.bom ? '\uFEFF' : '') + line(headers);
  for (const row of syntheticRegister({ people: opts.people, seed: opts.seed, badShare: 0.05 })) {
    const cells = [...row.cells];
    if (rnd() < 0.4) {
      const n = rnd() < 0.8 ? 1 : 2;
      for (let k = 0; k < n; k++) oddities[Math.floor(rnd() * oddities.length)]?.(cells, rnd);
    }
    if (cells.length > headers.length)
      text += `${line(cells).slice(0, -opts.eol.length)}${opts.delimiter}tambahan${opts.eol}`;
    else text += line(cells);
    if (rnd() < 0.002) text += opts.eol;
  }
  const file = path.join(dir, name);
  writeFileSync(file, text.slice(0, -opts.eol.length));
  return file;
}

const input = (
  file: string,
  byteLane: boolean,
  firstLoad: boolean,
  villageCode: string | null = null,
): ReadPhaseInput => ({
  file,
  format: 'csv',
  today,
  regionCode: '33.14',
  regionName: 'Kabupaten Sragen',
  villageCode,
  batchRows: 700,
  byteLane,
  firstLoad: firstLoad ? { familyBase: 40, personBase: 7, changedBy: '12', note: 'impor #3' } : null,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the byte lane of the import', () => {
  it.each([
    ['the template, comma and CRLF', { delimiter: ',', eol: '\r\n' }],
    [
      'semicolons, LF, a BOM, columns in another order and one missing',
      {
        delimiter: ';',
        eol: '\n',
        bom: true,
        columns: headers
          .map((_, i) => i)
          .reverse()
          .filter((i) => i !== at('statusPeriod')),
      },
    ],
    ['tabs', { delimiter: '\t', eol: '\n' }],
  ])('reads odd files to the same bytes as the string lane: %s', async (name, layout) => {
    // The first file is long enough for the reader's 1 MB reads to end inside lines.
    const people = layout.delimiter === ',' ? 7000 : 3000;
    const file = oddFile(`${name.length}.csv`, { people, seed: name.length, ...layout });
    const lane = vi.spyOn(ByteLane.prototype, 'read');
    for (const firstLoad of [true, false]) {
      const strings = await readAll(input(file, false, firstLoad));
      expect(lane).not.toHaveBeenCalled();
      const bytes = await readAll(input(file, true, firstLoad));
      // Most rows go through the lane, and some are left to the string lane.
      const taken = lane.mock.results.filter((r) => r.value === true).length;
      expect(taken).toBeGreaterThan(1500);
      expect(taken).toBeLessThan(lane.mock.calls.length);
      expect(bytes).toEqual(strings);
      // Problems were found, some by each kind of check.
      const problems = strings.join('\n');
      for (const message of [
        'tidak dikenal',
        'NIK ganda dalam berkas',
        'tidak sama dengan NIK',
        'harus 1–10',
      ])
        expect(problems).toContain(message);
      lane.mockClear();
    }
  });

  it("reads for a village operator the same both ways: other villages' rows are refused", async () => {
    const file = oddFile('desa.csv', { people: 2000, seed: 5, delimiter: ',', eol: '\r\n' });
    const lane = vi.spyOn(ByteLane.prototype, 'read');
    const village = [...syntheticRegister({ people: 1, seed: 5 })][0]?.cells[at('villageCode')] ?? '';
    const strings = await readAll(input(file, false, false, village));
    const bytes = await readAll(input(file, true, false, village));
    expect(bytes).toEqual(strings);
    expect(strings.join('\n')).toContain('bukan desa Anda');
    expect(lane.mock.results.filter((r) => r.value === true).length).toBeGreaterThan(3);
  });

  it('takes plain rows and leaves any row with a problem or an unusual form to the string lane', () => {
    const columns = mapHeaders(headers).columns;
    const lane = new ByteLane(columns, ctx, 44);
    const base: Record<string, string> = {
      kk: '3314012001240001',
      nik: '3314015708900001',
      name: 'Siti Aminah',
      birthDate: '17-08-1990',
      sex: 'P',
      relationship: 'Kepala Keluarga',
      villageCode: '33.14.01.2001',
      rt: '2',
    };
    const read = (over: Record<string, string>) => {
      const merged = { ...base, ...over };
      const bytes = Buffer.from(TemplateColumns.map((c) => merged[c.key] ?? '').join(','));
      return lane.read(bytes, 0, bytes.length);
    };
    expect(read({})).toBe(true);
    expect(lane.nik).toMatchObject({ hi: 33140157, lo: 8900001, ymd: 19900817, female: true });
    expect(read({ birthDate: '1990-08-17', name: ' Siti Aminah ', relationship: 'kk', decile: '10' })).toBe(
      true,
    );
    const odd: Array<Record<string, string>> = [
      { name: 'Siti  Aminah' },
      { name: 'Sití Aminah' },
      { address: 'Jl. A\\B' },
      { birthDate: '18-08-1990' },
      { sex: 'L' },
      { deathDate: '01-01-2020' },
      { education: 'Sekolah Tinggi' },
      { villageCode: '33.15.01.2001' },
      { nik: '3314015708900000' },
      { kk: '3314015708909999' },
      { decile: '11' },
      { pregnancy: 'Hamil', nik: '3314011708900001', sex: 'L' },
    ];
    for (const over of odd) expect(read(over), JSON.stringify(over)).toBe(false);
  });
});
