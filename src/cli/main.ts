import path from 'node:path';
import { Command } from 'commander';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { recordBreaches } from '../cases/sla.service.ts';
import { type Config, ConfigError, describeSettings, loadConfig } from '../core/config.ts';
import { formatProblem } from '../core/errors.ts';
import { type Database, migrate, openDatabase } from '../db/client.ts';
import { seedAll } from '../db/seed.ts';
import { buildApp } from '../http/app.ts';
import { lintStandardsDir } from '../standards/standard.lint.ts';

// `jaring standards check | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command();
program
  .name('jaring')
  .description('Jaring: service standards, cases and registers for Dinas Sosial offices')
  .addHelpText(
    'after',
    `\nConfiguration (environment variables):\n${describeSettings()
      .map((s) => `  ${s.env.padEnd(26)} ${s.description}${s.default ? ` (default: ${s.default})` : ''}`)
      .join('\n')}`,
  );

function config(overrides: Partial<Record<keyof Config, unknown>> = {}): Config {
  try {
    return loadConfig(process.env, overrides);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

async function withDatabase<T>(cfg: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: cfg.databaseUrl, dataDir: cfg.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

program
  .command('serve')
  .description('Migrate, seed on first start, and serve the API and web app')
  .option('-p, --port <port>', 'port (PORT)')
  .option('--host <host>', 'interface (HOST)')
  .option('-d, --data-dir <dir>', 'embedded database folder (JARING_DATA_DIR)')
  .action(async (opts: { port?: string; host?: string; dataDir?: string }) => {
    const cfg = config({ port: opts.port, host: opts.host, dataDir: opts.dataDir });
    const database = await openDatabase({ url: cfg.databaseUrl, dataDir: cfg.dataDir });
    await migrate(database);
    const report = await seedAll(database.db, { demo: cfg.demo });
    const app = await buildApp({ config: cfg, database, logger: true });
    // Breaches of time limits are recorded when they happen, not when someone looks.
    const sweep = setInterval(() => {
      recordBreaches(database.db).catch((error: unknown) =>
        app.log.error({ err: error }, 'breach sweep failed'),
      );
    }, 60_000);
    sweep.unref();
    const close = async () => {
      clearInterval(sweep);
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
    await app.listen({ port: cfg.port, host: cfg.host });
    const where =
      database.kind === 'pglite' ? `PGlite in ${path.resolve(cfg.dataDir, 'pgdata')}` : 'PostgreSQL';
    console.log(
      `Jaring siap / ready: http://localhost:${cfg.port}  (${where}; seeded ${report.units} units, ${report.standards} standards, ${report.users} users)`,
    );
  });

program
  .command('migrate')
  .description('Run the database migrations (forward only)')
  .option('-d, --data-dir <dir>', 'embedded database folder (JARING_DATA_DIR)')
  .action(async (opts: { dataDir?: string }) => {
    const cfg = config({ dataDir: opts.dataDir });
    await withDatabase(cfg, migrate);
    console.log('Migrations applied.');
  });

program
  .command('seed')
  .description(
    'Seed units, holidays, the standards in ./standards and (with JARING_DEMO) demo users; idempotent',
  )
  .option('-d, --data-dir <dir>', 'embedded database folder (JARING_DATA_DIR)')
  .option('--no-demo', 'do not create demo users')
  .action(async (opts: { dataDir?: string; demo: boolean }) => {
    const cfg = config({ dataDir: opts.dataDir });
    const report = await withDatabase(cfg, async (database) => {
      await migrate(database);
      return seedAll(database.db, { demo: opts.demo && cfg.demo });
    });
    console.log(
      `Seeded: ${report.units} units, ${report.closedDays} closed days, ${report.standards} standards, ${report.users} users.`,
    );
  });

const standardsCmd = program
  .command('standards')
  .description('Service standards (Standar Pelayanan) as code');
standardsCmd
  .command('check')
  .description('Lint every standard YAML: schema, references and the 14 components')
  .argument('[dir]', 'folder of standards', 'standards')
  .action(async (dir: string) => {
    const problems = await lintStandardsDir(path.resolve(dir));
    for (const p of problems)
      console.log(`${p.severity === 'warning' ? 'warning' : 'error'}: ${formatProblem(p)}`);
    const errors = problems.filter((p) => p.severity !== 'warning').length;
    console.log(`${errors} error(s), ${problems.length - errors} warning(s).`);
    process.exitCode = errors > 0 ? 1 : 0;
  });

const auditCmd = program.command('audit').description('The hash-chained audit log');
auditCmd
  .command('verify')
  .description('Walk the audit chain and report the first broken link')
  .option('-d, --data-dir <dir>', 'embedded database folder (JARING_DATA_DIR)')
  .action(async (opts: { dataDir?: string }) => {
    const cfg = config({ dataDir: opts.dataDir });
    const result = await withDatabase(cfg, (database) => verifyAuditChain(database.db));
    if (result.ok) {
      console.log(`Audit chain intact: ${result.checked} entries, head ${result.lastHash}.`);
    } else {
      console.error(`Audit chain BROKEN after ${result.checked} good entries: ${result.broken?.message}`);
      process.exitCode = 1;
    }
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
