import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { buildApp, effects, jobs } from '../app.ts';
import { type Actor, systemActor, verifyAuditChain } from '../audit/audit.service.ts';
import {
  formatCheckpoint,
  keyWarning,
  openAuditAnchor,
  scheduleCheckpoints,
  writeCheckpoint,
} from '../audit/checkpoints.ts';
import { units, users } from '../auth/auth.tables.ts';
import { recordBreaches } from '../cases/sla.service.ts';
import { TestClock } from '../core/clock.ts';
import { type Config, ConfigError, describeSettings, loadConfig } from '../core/config.ts';
import { formatProblem } from '../core/errors.ts';
import { pickLanguage } from '../core/i18n.ts';
import { type Database, migrate, openDatabase } from '../db/client.ts';
import { seedDemoRegister } from '../demo/register.ts';
import { seedAll } from '../demo/seed.ts';
import { checkStock } from '../logistics/stock.service.ts';
import {
  failStaleImports,
  type ImportProgress,
  prepareReader,
  runImport,
} from '../registry/import/import.service.ts';
import { ImportOptions } from '../registry/registry.schema.ts';
import { lintStandardsDir } from '../standards/standard.lint.ts';
import { readResponses, readTable } from '../survey/paper.ts';
import { gradeLabels, skmIndex, unsur } from '../survey/skm.ts';

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
    // The register import's reader module is made meanwhile (esbuild, in its own process).
    const reader = prepareReader();
    const database = await openDatabase({ url: cfg.databaseUrl, dataDir: cfg.dataDir });
    await migrate(database);
    const report = await seedAll(database.db, { demo: cfg.demo, effects });
    // An import cut off by a stop of this process never merged; say so in its history.
    await failStaleImports(database.db, database.kind === 'pglite' ? 0 : 120);
    // A failure of the demo register leaves the register empty and the server up.
    const demoPeople =
      cfg.demo && cfg.demoRegister
        ? await seedDemoRegister(database, {
            errorDir: path.resolve(cfg.dataDir, 'imports'),
            accountsMade: report.users,
          }).catch((error: unknown) => {
            console.error(
              `demo register not loaded: ${error instanceof Error ? error.message : String(error)}`,
            );
            return 0;
          })
        : 0;
    await reader;
    const app = await buildApp({ config: cfg, database, logger: true });
    // Breaches of time limits are recorded when they happen, not when someone looks.
    const sweep = setInterval(() => {
      recordBreaches(database.db, new Date(app.clock.now())).catch((error: unknown) =>
        app.log.error({ err: error }, 'breach sweep failed'),
      );
    }, 60_000);
    sweep.unref();
    // The modules' jobs (the complaints' legal timers), on the same clock.
    const jobTimers = jobs.map((job) => {
      const timer = setInterval(() => {
        job
          .run(database.db, cfg, new Date(app.clock.now()))
          .catch((error: unknown) => app.log.error({ err: error }, `${job.name} failed`));
      }, job.everyMs);
      timer.unref();
      return timer;
    });
    // An import whose process died (no session holds its lock, or no heartbeat for two minutes)
    // is marked failed in its history seconds later, whichever instance ran it, and no longer
    // holds up the unit's next import.
    const importSweep = setInterval(() => {
      failStaleImports(database.db).catch((error: unknown) =>
        app.log.error({ err: error }, 'stale import sweep failed'),
      );
    }, 10_000);
    importSweep.unref();
    const checkpoints = scheduleCheckpoints(
      database.db,
      app.auditAnchor,
      cfg.auditCheckpointMinutes,
      (error: unknown) => app.log.error({ err: error }, 'audit checkpoint failed'),
    );
    const close = async () => {
      clearInterval(sweep);
      for (const timer of jobTimers) clearInterval(timer);
      clearInterval(importSweep);
      await app.close();
      // After the last request, so the shutdown checkpoint names the chain's final head.
      await checkpoints.stop();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
    await app.listen({ port: cfg.port, host: cfg.host });
    if (app.clock instanceof TestClock)
      console.warn(
        `!!! TEST CLOCK ON: server time ${new Date(app.clock.now()).toISOString()} (real time ${new Date().toISOString()}); for demos and acceptance runs only !!!`,
      );
    const where =
      database.kind === 'pglite' ? `PGlite in ${path.resolve(cfg.dataDir, 'pgdata')}` : 'PostgreSQL';
    console.log(
      `Jaring siap / ready: http://localhost:${cfg.port}  (${where}; seeded ${report.units} units, ${report.standards} standards, ${report.users} users${demoPeople ? `, a demo register of ${demoPeople} people` : ''})`,
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
      return seedAll(database.db, { demo: opts.demo && cfg.demo, effects });
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
  .option('--lang <lang>', 'language of the problems: id or en (default from LANG)')
  .action(async (dir: string, opts: { lang?: string }) => {
    // The same words as the upload page gives the office, in the author's language.
    const lang = pickLanguage(opts.lang ?? process.env.LANG);
    const problems = await lintStandardsDir(path.resolve(dir), effects, lang);
    const word =
      lang === 'id' ? { error: 'kesalahan', warning: 'peringatan' } : { error: 'error', warning: 'warning' };
    for (const p of problems)
      console.log(`${p.severity === 'warning' ? word.warning : word.error}: ${formatProblem(p)}`);
    const errors = problems.filter((p) => p.severity !== 'warning').length;
    const warnings = problems.length - errors;
    console.log(
      lang === 'id'
        ? `${errors} kesalahan, ${warnings} peringatan.`
        : `${errors} error(s), ${warnings} warning(s).`,
    );
    process.exitCode = errors > 0 ? 1 : 0;
  });

const auditCmd = program.command('audit').description('The hash-chained audit log');
auditCmd
  .command('verify')
  .description(
    'Walk the audit chain, check it against the signed checkpoints, and report every broken stretch',
  )
  .option('-d, --data-dir <dir>', 'embedded database folder (JARING_DATA_DIR)')
  .option('--lang <lang>', 'language of the report: id or en (default from LANG)')
  .action(async (opts: { dataDir?: string; lang?: string }) => {
    const cfg = config({ dataDir: opts.dataDir });
    const lang = pickLanguage(opts.lang ?? process.env.LANG);
    // Checking makes no key: without one, existing checkpoints are reported as unchecked.
    const anchor = await openAuditAnchor(cfg, { createKey: false });
    const result = await withDatabase(cfg, (database) => verifyAuditChain(database.db, { anchor, lang }));
    const cp = result.checkpoint.latest;
    const against = cp
      ? `; checkpoint of ${cp.at} at entry ${cp.seq} ${cp.holds ? 'holds' : 'does NOT hold'}`
      : '; no signed checkpoint yet';
    if (result.ok) {
      console.log(`Audit chain intact: ${result.checked} entries, head ${result.lastHash}${against}.`);
    } else {
      console.error(
        `Audit chain BROKEN: ${result.problems.length + result.problemsOmitted} problem(s) in ${result.checked} entries${against}.`,
      );
      for (const p of result.problems) console.error(`${p.kind}: ${p.message}`);
      if (result.problemsOmitted > 0) console.error(`… and ${result.problemsOmitted} more`);
      process.exitCode = 1;
    }
  });
auditCmd
  .command('checkpoint')
  .description(
    "Sign the chain's head and append it to the checkpoint file (when the chain grew since the last one)",
  )
  .option('-d, --data-dir <dir>', 'embedded database folder (JARING_DATA_DIR)')
  .option('--print', 'print the checkpoint as a text to print and sign')
  .option('-u, --unit <code>', 'unit named on the printed text, e.g. sragen')
  .action(async (opts: { dataDir?: string; print?: boolean; unit?: string }) => {
    const cfg = config({ dataDir: opts.dataDir });
    const anchor = await openAuditAnchor(cfg, { createKey: true });
    const keyNote = anchor.key && keyWarning(anchor.key);
    if (keyNote) console.error(`warning: ${keyNote}`);
    await withDatabase(cfg, async (database) => {
      let unitName: string | undefined;
      if (opts.unit) {
        const [unit] = await database.db.select().from(units).where(eq(units.code, opts.unit));
        if (!unit) {
          console.error(`unknown unit "${opts.unit}"`);
          process.exit(2);
        }
        unitName = unit.name;
      }
      const result = await writeCheckpoint(database.db, anchor, { reason: 'manual', onlyIfMoved: true });
      if (!result) {
        console.error('The audit log is empty: nothing to sign.');
        process.exitCode = 1;
        return;
      }
      const { checkpoint, written } = result;
      console.log(
        written
          ? `Checkpoint written to ${anchor.file.file}: entry ${checkpoint.seq}, ${checkpoint.hash}.`
          : `The chain has not grown since the checkpoint of ${checkpoint.at} (entry ${checkpoint.seq}); nothing written.`,
      );
      if (opts.print) console.log(`\n${formatCheckpoint(checkpoint, unitName)}`);
    });
  });

const stockCmd = program.command('stock').description('The stock ledger of relief logistics');
stockCmd
  .command('check')
  .description('Rebuild every stock balance from the ledger and report where they disagree (exit 1)')
  .option('-d, --data-dir <dir>', 'embedded database folder (JARING_DATA_DIR)')
  .action(async (opts: { dataDir?: string }) => {
    const cfg = config({ dataDir: opts.dataDir });
    const found = await withDatabase(cfg, (database) => checkStock(database.db));
    if (found.length === 0) {
      console.log('Stok sesuai buku / stock agrees with the ledger.');
      return;
    }
    console.error(`Stok TIDAK sesuai / stock DISAGREES with the ledger: ${found.length} row(s)`);
    for (const d of found) {
      const where = `warehouse ${d.warehouseId} item ${d.itemId}${d.batchId === null ? '' : ` batch ${d.batchId}`}${d.movementId === null ? '' : ` movement ${d.movementId}`}`;
      console.error(
        `${d.kind}: ${where}: stored on hand ${d.stored.onHand} reserved ${d.stored.reserved}, ledger on hand ${d.fromLedger.onHand} reserved ${d.fromLedger.reserved}`,
      );
    }
    process.exitCode = 1;
  });

const registryCmd = program.command('registry').description('The welfare register (families and people)');
registryCmd
  .command('import')
  .description("Import a register file (CSV or XLSX in the template layout) into a unit's register")
  .argument('<file>', 'CSV or XLSX file')
  .requiredOption('-u, --unit <code>', 'unit code, e.g. sragen')
  .option(
    '--on-error <policy>',
    'reject-all: refuse the file on any error; load-valid: load the valid rows',
    'reject-all',
  )
  .option('--existing <policy>', 'NIKs already in the register: skip, update or report', 'skip')
  .option('--as <username>', 'the staff member the import is recorded under (default: system)')
  .option('-d, --data-dir <dir>', 'embedded database folder (JARING_DATA_DIR)')
  .action(
    async (
      file: string,
      opts: { unit: string; onError: string; existing: string; as?: string; dataDir?: string },
    ) => {
      const onError = opts.onError.replace('-', '_');
      const parsed = ImportOptions.safeParse({ onError, onExisting: opts.existing });
      if (!parsed.success) {
        console.error(
          '--on-error must be reject-all or load-valid; --existing must be skip, update or report',
        );
        process.exit(2);
      }
      const cfg = config({ dataDir: opts.dataDir });
      const reader = prepareReader();
      await withDatabase(cfg, async (database) => {
        await migrate(database);
        await reader;
        const [unit] = await database.db.select().from(units).where(eq(units.code, opts.unit));
        if (!unit) {
          console.error(`unknown unit "${opts.unit}"`);
          process.exit(2);
        }
        let actor: Actor = { ...systemActor, unitId: unit.id };
        let villageCode: string | null = null;
        if (opts.as) {
          const [user] = await database.db.select().from(users).where(eq(users.username, opts.as));
          if (!user) {
            console.error(`unknown user "${opts.as}"`);
            process.exit(2);
          }
          actor = { userId: user.id, username: user.username, role: 'cli', unitId: unit.id };
          villageCode = user.villageCode;
        }
        // PGlite has one process; PostgreSQL may have a server importing right now.
        await failStaleImports(database.db, database.kind === 'pglite' ? 0 : 120);
        const bar = progressBar();
        const summary = await runImport(database, {
          file,
          unitId: unit.id,
          regionCode: unit.regionCode,
          villageCode,
          actor,
          options: parsed.data,
          errorDir: path.resolve(cfg.dataDir, 'imports'),
          onProgress: bar.update,
        });
        bar.done();
        const n = (x: number) => x.toLocaleString('id-ID');
        console.log(
          `Impor #${summary.importId} ${summary.status === 'done' ? 'selesai' : 'DITOLAK'} dalam ${summary.seconds.toFixed(1)} d: ` +
            `${n(summary.rowsRead)} baris dibaca, ${n(summary.loaded)} dimuat, ${n(summary.updated)} diperbarui, ` +
            `${n(summary.unchanged)} tetap, ${n(summary.skipped)} dilewati, ${n(summary.rejected)} ditolak, ` +
            `${n(summary.warnings)} peringatan; ${n(summary.familiesLoaded)} keluarga baru, ${n(summary.familiesUpdated)} keluarga diperbarui.`,
        );
        if (summary.message && summary.status !== 'done') console.log(summary.message);
        if (summary.errorFile)
          console.log(`Daftar masalah: ${path.resolve(cfg.dataDir, 'imports', summary.errorFile)}`);
        if (summary.status !== 'done') process.exitCode = 1;
      });
    },
  );

const surveyCmd = program
  .command('survey')
  .description('The satisfaction survey (SKM, PermenPAN-RB 14/2017)');
surveyCmd
  .command('index')
  .description(
    'Print the SKM index of a file of responses (CSV or XLSX: U1–U9 as 1–4 or a–d, then the profile), storing nothing',
  )
  .argument('<file>', 'CSV (, or ;) or XLSX, one row per respondent')
  .option('--json', 'one machine-readable line instead of the table')
  .option('--lang <lang>', 'id or en', 'id')
  .action(async (file: string, opts: { json?: boolean; lang: string }) => {
    const lang = pickLanguage(opts.lang);
    const en = lang === 'en';
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      console.error(en ? `cannot read ${file}` : `berkas ${file} tidak dapat dibaca`);
      process.exit(2);
    }
    const read = readResponses(await readTable(bytes, file));
    if (!read.ok) {
      for (const p of read.problems)
        console.error(
          `${en ? 'row' : 'baris'} ${p.row}, ${en ? 'column' : 'kolom'} ${p.column}: ${p.message[lang]}`,
        );
      console.error(
        en
          ? `${read.problems.length} problem(s): no index computed; correct the file and run again.`
          : `${read.problems.length} kesalahan: indeks tidak dihitung; perbaiki berkas lalu jalankan lagi.`,
      );
      process.exit(1);
    }
    const result = skmIndex(read.responses.map((r) => r.answers));
    if (!('index' in result)) {
      console.error(
        en
          ? `no answer at all to ${result.missing.join(', ')}: the index needs every unsur`
          : `tidak ada jawaban sama sekali untuk ${result.missing.join(', ')}: indeks memerlukan setiap unsur`,
      );
      process.exit(1);
    }
    const i = result.index;
    if (opts.json) {
      console.log(JSON.stringify(i));
      return;
    }
    console.log(`${en ? 'Respondents' : 'Responden'}: ${i.respondents}`);
    console.log(
      `${'Unsur'.padEnd(44)} ${(en ? 'Answered' : 'Menjawab').padStart(9)} ${(en ? 'Sum' : 'Jumlah').padStart(7)}   NRR`,
    );
    for (const u of i.unsur) {
      const name = `${u.id} ${unsur.find((x) => x.id === u.id)?.name[lang] ?? ''}`;
      console.log(
        `${name.slice(0, 44).padEnd(44)} ${String(u.respondents).padStart(9)} ${String(u.sum).padStart(7)}   ${u.nrr}`,
      );
    }
    console.log(`IKM: ${i.ikm}`);
    console.log(`${en ? 'Score' : 'Nilai SKM'}: ${i.score} (${i.grade}, ${gradeLabels[i.grade][lang]})`);
    console.log(`${en ? 'Weakest' : 'Terendah'}: ${i.weakest.join(', ')}`);
  });

/** A one-line progress bar on stderr: rows, rows/s, time left; plain lines when not a terminal. */
function progressBar() {
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  const phases: Record<string, string> = {
    menunggu: 'menunggu impor lain selesai',
    membaca: 'membaca',
    memeriksa: 'memeriksa',
    menggabungkan: 'menggabungkan',
    selesai: 'selesai',
  };
  return {
    update(p: ImportProgress) {
      const share = p.totalBytes > 0 ? p.bytesRead / p.totalBytes : 0;
      const rate = p.elapsed > 0 ? p.rowsRead / p.elapsed : 0;
      const eta = share > 0.01 && p.phase === 'membaca' ? (p.elapsed / share) * (1 - share) : 0;
      const width = 30;
      const filled = Math.round(share * width);
      const mmss = (s: number) =>
        `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(Math.round(s % 60)).padStart(2, '0')}`;
      const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${p.rowsRead.toLocaleString('id-ID')} baris · ${Math.round(rate).toLocaleString('id-ID')} baris/d · ${p.phase === 'membaca' ? `sisa ${mmss(eta)}` : phases[p.phase]}`;
      if (tty) process.stderr.write(`\r${line.padEnd(100)}`);
      else if (Date.now() - lastLine > 2000 || p.phase !== 'membaca') {
        lastLine = Date.now();
        process.stderr.write(`${line}\n`);
      }
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
