/**
 * The one source of "now" for rules that depend on time (sign-in delays, sessions, codes of an
 * authenticator app, the case engine's clocks), so that tests move time by hand instead of
 * sleeping, and a demo or acceptance run can shift it (a test clock).
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * A test clock: the real time shifted by an offset, which may be moved forward while the server
 * runs (to produce a breach without waiting). For demos and acceptance runs only; the
 * configuration refuses it in production.
 */
export class TestClock implements Clock {
  constructor(
    private offsetMs: number,
    private readonly base: Clock = systemClock,
  ) {}
  now(): number {
    return this.base.now() + this.offsetMs;
  }
  /** How far the clock runs from the real time, in milliseconds. */
  get offset(): number {
    return this.offsetMs;
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** The server's clock from the test-clock settings: an offset, or a start instant that then runs. */
export function clockFromSettings(
  settings: { clockOffset?: number | undefined; clockStart?: number | undefined },
  base: Clock = systemClock,
): Clock {
  if (settings.clockStart !== undefined) return new TestClock(settings.clockStart - base.now(), base);
  if (settings.clockOffset !== undefined) return new TestClock(settings.clockOffset, base);
  return base;
}

const second = 1_000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const units: Record<string, number> = { w: 7 * day, d: day, h: hour, m: minute, s: second };

/**
 * A signed duration in milliseconds: compact (`+3d4h`, `-90m`, `2h30m`, `45s`) or ISO 8601
 * without years or months (`P3DT4H`, `-PT90M`, `P1W`); null when it is neither.
 */
export function parseDuration(text: string): number | null {
  const value = text.trim();
  const compact = /^([+-]?)((?:\d+[wdhms])+)$/i.exec(value);
  if (compact) {
    let ms = 0;
    for (const [, n, u] of (compact[2] ?? '').matchAll(/(\d+)([wdhms])/gi))
      ms += Number(n) * (units[(u ?? '').toLowerCase()] ?? 0);
    return compact[1] === '-' ? -ms : ms;
  }
  const iso = /^([+-]?)P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(
    value,
  );
  if (!iso || value.replace(/^[+-]?P/i, '').replace(/T$/i, '') === '' || /T$/i.test(value)) return null;
  const [, sign, w, d, h, m, s] = iso;
  const ms =
    Number(w ?? 0) * 7 * day +
    Number(d ?? 0) * day +
    Number(h ?? 0) * hour +
    Number(m ?? 0) * minute +
    Math.round(Number(s ?? 0) * second);
  return sign === '-' ? -ms : ms;
}
