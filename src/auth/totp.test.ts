import { randomBytes } from 'node:crypto';
import { Secret, TOTP, URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import {
  decryptTotpSecret,
  encryptTotpSecret,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  totpUri,
} from './totp.ts';

describe('TOTP helpers', () => {
  const secret = newTotpSecret();
  const now = Date.UTC(2026, 10, 23, 2, 0, 10);
  const code = (ms: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: ms });
  const step = Math.floor(now / 30_000);

  it('accepts the codes of the step before, of now and after, with their step', () => {
    expect(matchTotpStep(secret, code(now - 30_000), now)).toBe(step - 1);
    expect(matchTotpStep(secret, code(now), now)).toBe(step);
    expect(matchTotpStep(secret, code(now + 30_000), now)).toBe(step + 1);
    expect(matchTotpStep(secret, code(now - 60_000), now)).toBeUndefined();
    expect(matchTotpStep(secret, 'abcdef', now)).toBeUndefined();
  });

  it('writes an otpauth URI an authenticator app reads back', () => {
    const uri = totpUri(secret, 'sragen.kadis');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Jaring:sragen\.kadis\?/);
    const parsed = URI.parse(uri);
    expect(parsed).toBeInstanceOf(TOTP);
    expect([parsed.issuer, parsed.label, parsed.secret.base32]).toEqual(['Jaring', 'sragen.kadis', secret]);
    expect(parsed.generate({ timestamp: now })).toBe(code(now));
  });

  it('encrypts the secret for one user only', () => {
    const key = randomBytes(32);
    const stored = encryptTotpSecret(key, 7, secret);
    expect(stored).not.toContain(secret);
    expect(decryptTotpSecret(key, 7, stored)).toBe(secret);
    expect(() => decryptTotpSecret(key, 8, stored)).toThrow();
    expect(() => decryptTotpSecret(randomBytes(32), 7, stored)).toThrow();
  });

  it('makes distinct recovery codes that match however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(looksLikeRecoveryCode(c)).toBe(true);
    const [first] = codes;
    if (!first) throw new Error('no code');
    expect(hashRecoveryCode(first.toUpperCase().replace('-', ' '))).toBe(hashRecoveryCode(first));
  });
});
