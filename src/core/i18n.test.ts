import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorMessage, fill, hasErrorMessage, pickLanguage } from './i18n.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('messages', () => {
  it('every domain error code thrown in the code has an Indonesian and English message', () => {
    const codes = new Set<string>();
    for (const file of sources('src')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/DomainError\(\s*'([a-z_.]+)'/g)) if (m[1]) codes.add(m[1]);
      for (const m of text.matchAll(/code: '([a-z_]+\.[a-z_]+)'/g)) if (m[1]) codes.add(m[1]);
    }
    expect(codes.size).toBeGreaterThan(20);
    const missing = [...codes].filter((c) => !hasErrorMessage(c));
    expect(missing).toEqual([]);
  });

  it('fills parameters and picks the language', () => {
    expect(errorMessage('auth.throttled', 'id', { retryAfterSeconds: 30 })).toBe(
      'Terlalu banyak percobaan masuk. Coba lagi dalam 30 detik.',
    );
    expect(fill('{a} dan {b}', { a: 1 })).toBe('1 dan {b}');
    expect(pickLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(pickLanguage('id-ID')).toBe('id');
    expect(pickLanguage(undefined)).toBe('id');
  });
});
