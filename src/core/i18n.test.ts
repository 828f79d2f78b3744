import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ErrorCode, type ErrorSpec, errorCatalogue, isErrorCode } from './error-catalogue.ts';
import { errorMessage, fill, pickLanguage } from './i18n.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('messages', () => {
  it('every catalogue code has a status and both texts, with the same placeholders', () => {
    const codes = Object.keys(errorCatalogue) as ErrorCode[];
    expect(codes.length).toBeGreaterThan(20);
    const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const wrong = codes.filter((c) => {
      const e: ErrorSpec = errorCatalogue[c];
      return (
        !Number.isInteger(e.status) ||
        e.status < 400 ||
        e.status > 599 ||
        !e.id.trim() ||
        !e.en.trim() ||
        placeholders(e.id).join() !== placeholders(e.en).join() ||
        Object.values(e.variants?.texts ?? {}).some(
          (v) => !v.id.trim() || !v.en.trim() || placeholders(v.id).join() !== placeholders(v.en).join(),
        )
      );
    });
    expect(wrong).toEqual([]);
  });

  it('every code named in the sources is in the catalogue (codes built at run time included)', () => {
    const named = new Set<string>();
    for (const file of sources('src')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:DomainError|ValidationError)\(\s*'([a-z_.]+)'/g))
        if (m[1]) named.add(m[1]);
      for (const m of text.matchAll(/code: '([a-z_]+\.[a-z_]+)'/g)) if (m[1]) named.add(m[1]);
      // A template literal code would escape tsc's check of the catalogue.
      expect(text, file).not.toMatch(/(?:DomainError|ValidationError)\(\s*`/);
    }
    expect([...named].filter((c) => !isErrorCode(c))).toEqual([]);
  });

  it('fills parameters and picks the language', () => {
    expect(errorMessage('auth.throttled', 'id', { retryAfterSeconds: 30 })).toBe(
      'Terlalu banyak percobaan masuk. Coba lagi dalam 30 detik.',
    );
    expect(fill('{a} dan {b}', { a: 1 })).toBe('1 dan {b}');
    // A detail in both languages is filled in the message's.
    const role = { id: 'Kepala Bidang', en: 'Head of Division' };
    expect(fill('oleh {role}', { role })).toBe('oleh Kepala Bidang');
    expect(fill('by the {role}', { role }, 'en')).toBe('by the Head of Division');
    // A variant by a detail's value: the singular of a count, a rejected case that is closed.
    expect(errorMessage('standard.invalid', 'en', { count: 1 })).toBe(
      'The service standard file is not valid (1 problem).',
    );
    expect(errorMessage('standard.invalid', 'en', { count: 2 })).toBe(
      'The service standard file is not valid (2 problems).',
    );
    expect(errorMessage('standard.invalid', 'id', { count: 1 })).toBe(
      'Berkas standar pelayanan tidak valid (1 masalah).',
    );
    expect(errorMessage('case.closed', 'id', { status: 'rejected' })).toBe(
      'Permohonan sudah ditolak; tidak ada tindakan lagi.',
    );
    expect(errorMessage('case.closed', 'id', { status: 'done' })).toBe(
      'Permohonan sudah selesai; tidak ada tindakan lagi.',
    );
    expect(pickLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(pickLanguage('id-ID')).toBe('id');
    expect(pickLanguage(undefined)).toBe('id');
  });
});
