import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { effects } from '../src/app.ts';
import { migrate, openDatabase } from '../src/db/client.ts';
import { seedAll } from '../src/demo/seed.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplateDb: string;
  }
}

/** Several suites may share one server (parallel worktrees): JARING_TEST_TEMPLATE names this run's. */
export const pgTemplateName = process.env.JARING_TEST_TEMPLATE ?? 'jaring_test_template';

/**
 * Builds the test database template once per run: migrated and seeded (units, standards,
 * demo users). On PGlite it is a dumped data folder that each test file loads (~0.6 s);
 * on PostgreSQL (DATABASE_URL set) a template database that each file clones.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${pgTemplateName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${pgTemplateName}`);
    await admin.end();
    const database = await openDatabase({ url: withDatabase(url, pgTemplateName), poolSize: 2 });
    await migrate(database);
    await seedAll(database.db, { demo: true, effects });
    await database.close();
    project.provide('pgTemplateDb', pgTemplateName);
    project.provide('pgliteTemplate', '');
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jaring-template-'));
  const database = await openDatabase({});
  await migrate(database);
  await seedAll(database.db, { demo: true, effects });
  const dump = await database.pglite?.dumpDataDir('none');
  if (!dump) throw new Error('PGlite dump failed');
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplateDb', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
