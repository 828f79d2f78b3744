import { describe, expect, it } from 'vitest';
import { clockFromSettings, parseDuration, systemClock, TestClock } from './clock.ts';

describe('durations for the test clock', () => {
  it('reads compact and ISO 8601 durations, signed', () => {
    expect(parseDuration('+3d4h')).toBe((3 * 24 + 4) * 3_600_000);
    expect(parseDuration('-90m')).toBe(-90 * 60_000);
    expect(parseDuration('2h30m')).toBe(150 * 60_000);
    expect(parseDuration('1w')).toBe(7 * 86_400_000);
    expect(parseDuration('P3DT4H')).toBe((3 * 24 + 4) * 3_600_000);
    expect(parseDuration('-PT90M')).toBe(-90 * 60_000);
    expect(parseDuration('PT1.5S')).toBe(1_500);
  });

  it('refuses what is not a duration', () => {
    for (const bad of ['', '3', 'tomorrow', 'P', 'PT', 'P1Y', 'P1M', '3x', '+-3h', 'P1DT'])
      expect(parseDuration(bad), bad).toBeNull();
  });
});

describe('the server clock from the settings', () => {
  const base = { now: () => 1_000_000 };
  it('is the real clock without a test clock setting', () => {
    expect(clockFromSettings({})).toBe(systemClock);
  });

  it('shifts by an offset, or starts at an instant and runs on', () => {
    expect(clockFromSettings({ clockOffset: 60_000 }, base).now()).toBe(1_060_000);
    let real = 1_000_000;
    const started = clockFromSettings({ clockStart: 5_000_000 }, { now: () => real });
    expect(started.now()).toBe(5_000_000);
    real += 30_000;
    expect(started.now()).toBe(5_030_000);
  });

  it('moves forward when told', () => {
    const clock = new TestClock(0, base);
    clock.advance(3_600_000);
    expect(clock.now()).toBe(4_600_000);
    expect(clock.offset).toBe(3_600_000);
  });
});
