// Worker thread for the read phase of a register import (see read-phase.ts): parses and checks
// the file while the main thread loads the previous batch into the database. At most two
// batches wait unacknowledged, so a slow database holds the reader back instead of memory.
// It runs as one module bundled from this file (reader-bundle.ts), not through tsx.
import { parentPort } from 'node:worker_threads';
import { type ReadPhaseInput, readPhase } from './read-phase.ts';

const port = parentPort;
if (!port) throw new Error('read-worker runs in a worker thread');

// The import starts this thread before it has prepared the database, and sends the input when
// it has.
const { input } = await new Promise<{ input: ReadPhaseInput }>((resolve) => port.once('message', resolve));

let credits = 2;
let release: (() => void) | undefined;
port.on('message', () => {
  credits++;
  release?.();
});
try {
  const phase = readPhase(input);
  for (;;) {
    const next = await phase.next();
    if (next.done) {
      port.postMessage({ type: 'done', outcome: next.value });
      break;
    }
    while (credits === 0) await new Promise<void>((resolve) => (release = resolve));
    credits--;
    // Each byte array of a batch is a whole buffer of its own (see `ReadBatch`), so it moves to
    // the main thread instead of being copied.
    const batch = next.value;
    const buffers = [batch.stage, ...(batch.load ? Object.values(batch.load) : [])].map(
      (b) => b.buffer as ArrayBuffer,
    );
    port.postMessage({ type: 'batch', ...batch }, buffers);
  }
} catch (error) {
  port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
