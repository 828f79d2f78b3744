import { describe, expect, it } from 'vitest';
import { waitSeconds } from './throttle.ts';

describe('waitSeconds', () => {
  const rule = { free: 5, capSeconds: 300 };
  const last = new Date(Date.UTC(2026, 0, 5, 8, 0, 0));
  const at = (seconds: number) => last.getTime() + seconds * 1000;

  it('lets the free failures through, then doubles from one second up to the cap', () => {
    expect([0, 4].map((n) => waitSeconds(n, last, rule, at(0)))).toEqual([0, 0]);
    expect([5, 6, 7, 8, 12, 13, 14, 1000].map((n) => waitSeconds(n, last, rule, at(0)))).toEqual([
      1, 2, 4, 8, 128, 256, 300, 300,
    ]);
  });

  it('counts the wait from the last failure, rounded up to whole seconds', () => {
    expect(waitSeconds(8, last, rule, at(3))).toBe(5);
    expect(waitSeconds(8, last, rule, at(7.5))).toBe(1);
    expect(waitSeconds(8, last, rule, at(8))).toBe(0);
    expect(waitSeconds(8, undefined, rule, at(0))).toBe(0);
  });
});
