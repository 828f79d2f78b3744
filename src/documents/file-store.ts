import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../core/errors.ts';

/** Where uploaded files live, addressed by the SHA-256 of their content. */
export interface FileStore {
  /** Stores the bytes (once, whatever how often) and returns their SHA-256. */
  put(bytes: Buffer): Promise<string>;
  /** The bytes of a stored file, checked against their hash; `document.corrupt` if they differ. */
  get(sha256: string): Promise<Buffer>;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A folder on disk: `ab/cd/abcd…` so no folder grows too large. Writes are atomic (rename). */
export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new DomainError('document.not_found', { sha256 });
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Buffer): Promise<string> {
    const sha256 = sha256Of(bytes);
    const file = this.pathOf(sha256);
    const exists = await stat(file).then(
      () => true,
      () => false,
    );
    if (exists) return sha256;
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, file);
    return sha256;
  }

  async get(sha256: string): Promise<Buffer> {
    const bytes = await readFile(this.pathOf(sha256)).catch(() => {
      throw new DomainError('document.not_found', { sha256 });
    });
    if (sha256Of(bytes) !== sha256) throw new DomainError('document.corrupt', { sha256 });
    return bytes;
  }
}

/** Kinds of requirement documents accepted: scans, photos and PDF, recognised by their bytes. */
export function sniffMimeType(bytes: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  return undefined;
}
