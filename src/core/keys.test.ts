import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileOnce, loadServerKeys } from './keys.ts';

describe('server keys', () => {
  it('writes a key once into the data folder and derives the same keys from it later', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jaring-keys-'));
    const first = loadServerKeys(undefined, dir);
    const file = path.join(dir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(loadServerKeys(undefined, dir)).toEqual(first);
    expect(first.csrf.equals(first.totp)).toBe(false);
  });

  it('uses JARING_SECRET_KEY when set, the same on every instance', () => {
    const secret = 'x'.repeat(40);
    const a = loadServerKeys(secret, mkdtempSync(path.join(os.tmpdir(), 'jaring-keys-')));
    const b = loadServerKeys(secret, mkdtempSync(path.join(os.tmpdir(), 'jaring-keys-')));
    expect(a).toEqual(b);
    expect(a.csrf.equals(loadServerKeys('y'.repeat(40), os.tmpdir()).csrf)).toBe(false);
  });

  it('creates a key file once, whole, private, and ignores what a killed writer left behind', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jaring-keys-'));
    const file = path.join(dir, 'audit.key');
    // A writer killed before its link leaves only its temporary file, never an empty key.
    writeFileSync(`${file}.999999.dead.tmp`, '');
    expect(createFileOnce(file, 'first\n')).toBe(true);
    expect(createFileOnce(file, 'second\n')).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('first\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['audit.key', 'audit.key.999999.dead.tmp']);
  });
});
