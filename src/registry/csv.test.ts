import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeChunk } from './csv.ts';

/** A stream that takes a while to write each chunk, so every write waits for `drain`. */
const slow = (fail?: number) => {
  let n = 0;
  return new Writable({
    highWaterMark: 4,
    write(_chunk, _enc, done) {
      n++;
      setImmediate(() => done(n === fail ? new Error('disk penuh') : null));
    },
  });
};

describe('writing a chunk', () => {
  it('waits for drain many times without leaving listeners behind', async () => {
    const out = slow();
    const before = out.listenerCount('error');
    for (let i = 0; i < 50; i++) await writeChunk(out, 'baris\n');
    expect(out.listenerCount('error')).toBe(before);
    expect(out.listenerCount('drain')).toBe(0);
  });

  it('fails instead of waiting for ever when the stream fails', async () => {
    const out = slow(3);
    out.on('error', () => undefined);
    const writes = (async () => {
      for (let i = 0; i < 10; i++) await writeChunk(out, 'baris\n');
    })();
    await expect(writes).rejects.toThrow('disk penuh');
  });
});
