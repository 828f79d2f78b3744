import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkpointFilePath } from '../../src/audit/checkpoints.ts';
import { serveOn } from './harness.ts';

/**
 * Migrates and seeds the demo data once for the browser suite: a server starts on an empty
 * folder and stops cleanly, and the folder is kept as the template that each test file's server
 * starts on a copy of (`startServer`).
 */
export default async function setup() {
  const template = mkdtempSync(path.join(os.tmpdir(), 'jaring-e2e-template-'));
  const server = await serveOn(template);
  await server.stop({ keep: true });
  // The stop signed a checkpoint of the chain; a new installation has none yet.
  rmSync(checkpointFilePath({ dataDir: template, auditCheckpoints: undefined }), { force: true });
  process.env.JARING_E2E_TEMPLATE = template;
  return () => rmSync(template, { recursive: true, force: true });
}
