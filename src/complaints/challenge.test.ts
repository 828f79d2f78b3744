import { describe, expect, it } from 'vitest';
import { checkChallenge, issueChallenge } from './challenge.ts';

const key = Buffer.alloc(32, 7);
const now = new Date('2026-12-01T02:00:00Z');

describe('complaint challenge', () => {
  it('accepts the right answer before expiry and refuses a wrong one, a late one or another key', () => {
    const c = issueChallenge(key, now);
    expect(checkChallenge(key, c.token, String(c.answer), now)).toMatch(/^[\w-]{16}$/);
    expect(checkChallenge(key, c.token, String(c.answer + 1), now)).toBeNull();
    expect(checkChallenge(key, c.token, String(c.answer), new Date(now.getTime() + 31 * 60_000))).toBeNull();
    expect(checkChallenge(Buffer.alloc(32, 8), c.token, String(c.answer), now)).toBeNull();
    expect(checkChallenge(key, 'bukan.token', '3', now)).toBeNull();
  });
});
