import { createHmac } from 'node:crypto';
import { safeEqual } from './keys.ts';

/**
 * The one-time survey token of a served case: its tracking code and a signature of it, so
 * that a guessed code alone cannot answer. Printed on the receipt and the letter, and shown on
 * the tracking page, it answers once (the survey stores one response per case). Here, in core,
 * because the receipt and the letter print it and the survey module checks it.
 */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const tokenShape = /^([A-HJKMNP-Z2-9]{5})-?([A-HJKMNP-Z2-9]{5})-?([A-HJKMNP-Z2-9]{6})$/;

function signature(key: Buffer, trackingCode: string): string {
  const mac = createHmac('sha256', key).update(`survey:${trackingCode}`).digest();
  return Array.from(mac.subarray(0, 6), (b) => alphabet[b % alphabet.length]).join('');
}

/** `ABCDE-FGHJK-MNPQRS` for the case `ABCDE-FGHJK`. */
export function surveyTokenOf(key: Buffer, trackingCode: string): string {
  return `${trackingCode}-${signature(key, trackingCode)}`;
}

/** The survey's address for a case, as the receipt and the letter print it under their QR. */
export function surveyUrlOf(publicUrl: string, key: Buffer, trackingCode: string): string {
  return `${publicUrl.replace(/\/$/, '')}/survei/${surveyTokenOf(key, trackingCode)}`;
}

/** The tracking code a token was made for, or null when it is malformed or its signature is wrong. */
export function trackingCodeOfSurveyToken(key: Buffer, token: string): string | null {
  const m = tokenShape.exec(token.trim().toUpperCase());
  if (!m) return null;
  const code = `${m[1]}-${m[2]}`;
  return safeEqual(signature(key, code), m[3] as string) ? code : null;
}
