import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalFileStore, sha256Of, sniffMimeType } from './file-store.ts';

describe('LocalFileStore', () => {
  it('stores by content hash, once, and reads back verified', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'jaring-files-'));
    const store = new LocalFileStore(root);
    const bytes = Buffer.from('%PDF-1.4 surat keterangan kepolisian');
    const sha = await store.put(bytes);
    expect(sha).toBe(sha256Of(bytes));
    expect(await store.put(bytes)).toBe(sha);
    expect((await store.get(sha)).equals(bytes)).toBe(true);
    expect(readdirSync(path.join(root, sha.slice(0, 2), sha.slice(2, 4)))).toEqual([sha]);
  });

  it('refuses a file whose bytes were changed on disk', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'jaring-files-'));
    const store = new LocalFileStore(root);
    const sha = await store.put(Buffer.from('asli'));
    writeFileSync(path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha), 'palsu');
    await expect(store.get(sha)).rejects.toMatchObject({ code: 'document.corrupt' });
    await expect(store.get('0'.repeat(64))).rejects.toMatchObject({ code: 'document.not_found' });
  });

  it('recognises PDF, JPEG and PNG by their bytes only', () => {
    expect(sniffMimeType(Buffer.from('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffMimeType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMimeType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffMimeType(Buffer.from('MZ executable'))).toBeUndefined();
  });
});
