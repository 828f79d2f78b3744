import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Answers,
  gradeOf,
  krejcieMorgan,
  type Score,
  type SkmIndex,
  scoreOf,
  skmIndex,
  unsur,
  unsurIds,
} from './skm.ts';

function all(score: Score): Answers {
  return Object.fromEntries(unsurIds.map((id) => [id, score])) as Answers;
}

function indexOf(responses: Answers[]): SkmIndex {
  const r = skmIndex(responses);
  if (!('index' in r)) throw new Error(`missing ${r.missing.join(', ')}`);
  return r.index;
}

const hundredths = (i: SkmIndex) => Math.round(Number(i.score) * 100);

describe('SKM index (PermenPAN-RB 14/2017)', () => {
  it('one respondent answering 4 on all nine scores 100.00, grade A', () => {
    const i = indexOf([all(4)]);
    expect(i.score).toBe('100.00');
    expect(i.ikm).toBe('4.000');
    expect(i.grade).toBe('A');
    // A weight of 0.111 instead of 1/9 would give 99.90 here.
    expect(i.score).not.toBe('99.90');
  });

  it('all answers 1 score 25.00, grade D', () => {
    expect(indexOf([all(1), all(1)])).toMatchObject({ score: '25.00', grade: 'D' });
  });

  it('grades each band by the 2017 limits on the score rounded to two decimals', () => {
    expect([8831, 8830, 7661, 7660, 6500, 6499, 2500].map(gradeOf)).toEqual([
      'A',
      'B',
      'B',
      'C',
      'C',
      'D',
      'D',
    ]);
    // One respondent: score = 25/9 × the sum of the nine answers.
    const sumOf = (n: number): Answers => {
      const a: Answers = all(1);
      let rest = n - 9;
      for (const id of unsurIds) {
        const add = Math.min(3, rest);
        a[id] = (1 + add) as Score;
        rest -= add;
      }
      return a;
    };
    expect(indexOf([sumOf(32)])).toMatchObject({ score: '88.89', grade: 'A' });
    expect(indexOf([sumOf(31)])).toMatchObject({ score: '86.11', grade: 'B' });
    expect(indexOf([sumOf(28)])).toMatchObject({ score: '77.78', grade: 'B' });
    expect(indexOf([sumOf(27)])).toMatchObject({ score: '75.00', grade: 'C' });
    expect(indexOf([sumOf(24)])).toMatchObject({ score: '66.67', grade: 'C' });
    expect(indexOf([sumOf(23)])).toMatchObject({ score: '63.89', grade: 'D' });
  });

  it('divides each unsur by the respondents who answered it, not by all respondents', () => {
    const partial: Answers = { ...all(4) };
    delete partial.U4;
    const i = indexOf([all(2), partial]);
    expect(i.unsur.find((u) => u.id === 'U4')).toMatchObject({ respondents: 1, sum: 2, nrr: '2.000' });
    expect(i.unsur.find((u) => u.id === 'U1')).toMatchObject({ respondents: 2, sum: 6, nrr: '3.000' });
    // (8 × 3 + 2) / 9 × 25 = 72.222…
    expect(i.score).toBe('72.22');
    expect(i.weakest).toEqual(['U4']);
  });

  it('rounds only at the end: NRRs rounded to 3 decimals first would give another score', () => {
    // Three respondents at 4 everywhere, except one at 3 on U1: NRR U1 = 11/3.
    const i = indexOf([all(4), all(4), { ...all(4), U1: 3 }]);
    // (11/3 + 8 × 4) / 9 × 25 = 99.074… exactly; NRR U1 as 3.667 would give 99.075 → 99.08.
    expect(i.score).toBe('99.07');
  });

  it('names what is missing when an unsur has no answer at all', () => {
    const a: Answers = all(3);
    delete a.U9;
    expect(skmIndex([a])).toEqual({ missing: ['U9'] });
    expect(skmIndex([])).toEqual({ missing: [...unsurIds] });
  });

  const answer = fc.constantFrom<Score>(1, 2, 3, 4);
  const response = fc.record(
    Object.fromEntries(unsurIds.map((id) => [id, answer])) as Record<string, typeof answer>,
  );
  const responses = fc.array(response, { minLength: 1, maxLength: 40 }) as fc.Arbitrary<Answers[]>;

  it('property: the score lies within 25.00–100.00 and matches the mean of the unsur means', () => {
    fc.assert(
      fc.property(responses, (rs) => {
        const i = indexOf(rs);
        const h = hundredths(i);
        expect(h).toBeGreaterThanOrEqual(2500);
        expect(h).toBeLessThanOrEqual(10000);
        const mean =
          unsurIds.reduce((s, id) => s + rs.reduce((t, r) => t + (r[id] ?? 0), 0) / rs.length, 0) / 9;
        expect(Math.abs(Number(i.score) - mean * 25)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(i.grade).toBe(gradeOf(h));
      }),
    );
  });

  it('property: adding a response of all 4 never lowers the score', () => {
    fc.assert(
      fc.property(responses, (rs) => {
        expect(hundredths(indexOf([...rs, all(4)]))).toBeGreaterThanOrEqual(hundredths(indexOf(rs)));
      }),
    );
  });

  it('property: raising one answer never lowers the score', () => {
    fc.assert(
      fc.property(responses, fc.nat(), fc.constantFrom(...unsurIds), (rs, k, id) => {
        const at = k % rs.length;
        const before = hundredths(indexOf(rs));
        const raised = rs.map((r, j) =>
          j === at ? { ...r, [id]: Math.min(4, (r[id] ?? 1) + 1) as Score } : r,
        );
        expect(hundredths(indexOf(raised))).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});

describe('sample size (Krejcie–Morgan)', () => {
  it('gives the figures of DOMAIN.md §4', () => {
    expect(krejcieMorgan(15)).toBe(14);
    expect(krejcieMorgan(100)).toBe(80);
    expect(krejcieMorgan(1000)).toBe(278);
    expect(krejcieMorgan(0)).toBe(0);
    expect(krejcieMorgan(1)).toBe(1);
  });

  it('never asks for more respondents than were served, and grows with the population', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (n) => {
        expect(krejcieMorgan(n)).toBeLessThanOrEqual(n);
        expect(krejcieMorgan(n + 1)).toBeGreaterThanOrEqual(krejcieMorgan(n));
      }),
    );
  });
});

describe('the questionnaire', () => {
  it('has the nine unsur, each with a question and four answers in both languages', () => {
    expect(unsur.map((u) => u.id)).toEqual([...unsurIds]);
    for (const u of unsur) {
      expect(u.question.id).toMatch(/^Bagaimana /);
      expect(u.answers).toHaveLength(4);
      for (const a of u.answers) expect(a.id && a.en).toBeTruthy();
    }
    expect(unsur[3]?.answers[3].id).toBe('Gratis');
  });

  it('reads answers as 1–4 or a–d', () => {
    expect(['1', '4', 'a', 'D', ' c '].map(scoreOf)).toEqual([1, 4, 1, 4, 3]);
    expect(['0', '5', 'e', '', '3.5'].map(scoreOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
