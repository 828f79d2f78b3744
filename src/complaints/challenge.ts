/**
 * The public form's challenge, needing no third party: a small sum, with a token that carries
 * its expiry and a nonce and is signed (HMAC) over the answer. The server keeps nothing until a
 * token is used; then its nonce is recorded so the token cannot file a second complaint.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const challengeMinutes = 30;

const sign = (key: Buffer, body: string, answer: string) =>
  createHmac('sha256', key).update(`${body}|${answer}`).digest('base64url');

export interface IssuedChallenge {
  token: string;
  question: string;
  expiresAt: string;
  /** For tests only: what the question asks. */
  answer: number;
}

export function issueChallenge(key: Buffer, now: Date): IssuedChallenge {
  const a = randomInt(2, 20);
  const b = randomInt(2, 20);
  const expires = now.getTime() + challengeMinutes * 60_000;
  const body = `${expires}.${randomBytes(12).toString('base64url')}`;
  return {
    token: `${body}.${sign(key, body, String(a + b))}`,
    question: `${a} + ${b}`,
    expiresAt: new Date(expires).toISOString(),
    answer: a + b,
  };
}

/** The token's nonce when the answer is right and the token unexpired; else null. */
export function checkChallenge(key: Buffer, token: string, answer: string, now: Date): string | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [expires, nonce, mac] = parts as [string, string, string];
  if (!/^\d{1,15}$/.test(expires) || Number(expires) < now.getTime()) return null;
  const expected = Buffer.from(sign(key, `${expires}.${nonce}`, answer.trim()));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return nonce;
}
