// Worker thread for the read phase of a register import (see read-phase.ts): parses and checks
// the file while the main thread loads the previous batch into the database. At most two
// batches wait unacknowledged, so a slow database holds the reader back instead of memory.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
// The import starts this thread before it has prepared the database, and sends the input when
// it has; the code loads meanwhile.
const [{ readPhase }, { input }] = await Promise.all([
  import('./read-phase.ts'),
  new Promise((resolve) => parentPort.once('message', resolve)),
]);

let credits = 2;
let release;
parentPort.on('message', () => {
  credits++;
  release?.();
});
try {
  const phase = readPhase(input);
  for (;;) {
    const next = await phase.next();
    if (next.done) {
      parentPort.postMessage({ type: 'done', outcome: next.value });
      break;
    }
    while (credits === 0) await new Promise((resolve) => (release = resolve));
    credits--;
    // Each byte array of a batch is a whole buffer of its own (see `ReadBatch`), so it moves to
    // the main thread instead of being copied.
    const batch = next.value;
    const buffers = [batch.stage, ...(batch.load ? Object.values(batch.load) : [])].map((b) => b.buffer);
    parentPort.postMessage({ type: 'batch', ...batch }, buffers);
  }
} catch (error) {
  parentPort.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
