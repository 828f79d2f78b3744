import { describe, expect, it } from 'vitest';
import { surveyTokenOf, trackingCodeOfSurveyToken } from './survey-token.ts';

const key = Buffer.alloc(32, 7);
const other = Buffer.alloc(32, 8);

describe('survey tokens', () => {
  it('carry the tracking code and a signature that only the key makes', () => {
    const token = surveyTokenOf(key, 'ABCDE-FGHJK');
    expect(token).toMatch(/^ABCDE-FGHJK-[A-HJKMNP-Z2-9]{6}$/);
    expect(trackingCodeOfSurveyToken(key, token)).toBe('ABCDE-FGHJK');
    expect(trackingCodeOfSurveyToken(key, token.toLowerCase().replaceAll('-', ''))).toBe('ABCDE-FGHJK');
    expect(trackingCodeOfSurveyToken(other, token)).toBeNull();
  });

  it('refuse a changed signature, another code with the same signature, and junk', () => {
    const token = surveyTokenOf(key, 'ABCDE-FGHJK');
    const sig = token.slice(-6);
    const flipped = `${token.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
    expect(trackingCodeOfSurveyToken(key, flipped)).toBeNull();
    expect(trackingCodeOfSurveyToken(key, `ABCDE-FGHJM-${sig}`)).toBeNull();
    for (const junk of ['', 'ABCDE-FGHJK', 'ABCDE-FGHJK-12345', 'ABCDE-FGHJK-1234567', 'ABCDI-FGHJK-ABCDEF'])
      expect(trackingCodeOfSurveyToken(key, junk)).toBeNull();
  });
});
