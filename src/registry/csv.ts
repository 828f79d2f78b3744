import type { Writable } from 'node:stream';

/** CSV as Excel reads it: a field is quoted when it holds a quote, a separator or a line break. */
export const csvField = (s: string) => (/[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const csvLine = (cells: readonly string[]) => `${cells.map(csvField).join(',')}\r\n`;

/**
 * A CSV line for a file meant to be opened by double-click in Indonesian Excel, whose list
 * separator is `;` (the decimal mark there is a comma): a comma-separated file opens as one column.
 */
export const semicolonCsvLine = (cells: readonly string[]) => `${cells.map(csvField).join(';')}\r\n`;

/**
 * Writes a chunk to a stream; when its buffer is full, the promise waits until it drains (or
 * fails: a full disk must not leave the writer waiting for ever).
 */
export function writeChunk(out: Writable, chunk: string): Promise<void> | undefined {
  if (out.write(chunk)) return undefined;
  return new Promise<void>((resolve, reject) => {
    // Whichever comes first takes the other listener away: a long export waits many times.
    const drained = () => {
      out.off('error', failed);
      resolve();
    };
    const failed = (error: Error) => {
      out.off('drain', drained);
      reject(error);
    };
    out.once('drain', drained);
    out.once('error', failed);
  });
}
