import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Two tiers: pure unit tests (`*.test.ts` beside the code, no I/O) and tests on a real
 * database (`*.db.test.ts` and `test/**`), which share a migrated, seeded template built once.
 */
export default defineConfig({
  // As in web/vite.config.ts: the web app reaches the server's schema files as @jaring/*.
  resolve: { alias: { '@jaring': path.join(import.meta.dirname, 'src') } },
  test: {
    pool: 'forks',
    // Vitest's default (one worker less than the cores) is a single worker on a 2-core machine,
    // while the database tests spend much of their time waiting on a server or a child process.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 90_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['src/**/*.db.test.ts', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
