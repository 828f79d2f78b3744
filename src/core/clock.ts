/**
 * The one source of "now" for rules that depend on time (sign-in delays, sessions, codes of an
 * authenticator app), so that tests move time by hand instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
