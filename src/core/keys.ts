import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

/** Keys derived from the server's one secret, each for one purpose. */
export interface ServerKeys {
  /** Binds a CSRF token to its session (HMAC of the session id). */
  csrf: Buffer;
  /** Encrypts authenticator-app (TOTP) secrets at rest. */
  totp: Buffer;
  /** Signs the survey tokens of served cases (`survey-token.ts`). */
  survey: Buffer;
  /** Signs the public complaint form's challenge (its answer and expiry). */
  challenge: Buffer;
}

const keyFile = 'secret.key';

/**
 * The server secret: `JARING_SECRET_KEY` when set, else a random key written once into the data
 * folder (mode 0600) and read from there on later starts. Several instances must share it (set
 * the variable, or share the folder): CSRF tokens and TOTP secrets depend on it.
 */
export function loadServerKeys(secret: string | undefined, dataDir: string): ServerKeys {
  const master = secret ? Buffer.from(secret, 'utf8') : readOrCreateKeyFile(dataDir);
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', master, 'jaring', purpose, 32));
  return {
    csrf: derive('csrf-token'),
    totp: derive('totp-secret'),
    survey: derive('survey-token'),
    challenge: derive('complaint-challenge'),
  };
}

function readOrCreateKeyFile(dataDir: string): Buffer {
  const file = path.resolve(dataDir, keyFile);
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    if (!/^[A-Za-z0-9_-]{43,}$/.test(text)) throw new Error(`${file}: not a key written by Jaring`);
    return Buffer.from(text, 'base64url');
  }
  createFileOnce(file, `${randomBytes(32).toString('base64url')}\n`);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
}

/**
 * Creates `file` with `text` (mode 0600) unless it exists; true when this call made it. The text
 * is written and synced under a temporary name and then linked into place, so a process killed
 * midway never leaves an empty or half-written key, and of two processes starting at once only
 * one key wins (the link refuses an existing name).
 */
export function createFileOnce(file: string, text: string): boolean {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file);
    const dir = openSync(path.dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** HMAC-SHA256 of a value, base64url. */
export function hmac(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}

/** Two secrets compared in constant time. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
