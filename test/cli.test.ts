import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, pgliteOptions } from '../src/db/client.ts';

const exec = promisify(execFile);

/** Runs the real `jaring` binary on the embedded engine. */
async function jaring(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await exec('node', ['bin/jaring.js', ...args], {
      env: { ...process.env, DATABASE_URL: '', JARING_DEMO: 'false', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'jaring-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('jaring CLI', () => {
  it('has --help on every command', async () => {
    for (const cmd of [
      [],
      ['serve'],
      ['migrate'],
      ['seed'],
      ['standards', 'check'],
      ['audit', 'verify'],
      ['audit', 'checkpoint'],
      ['survey', 'index'],
    ]) {
      const r = await jaring([...cmd, '--help']);
      expect(r.code, cmd.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: jaring/);
    }
    // Seven node processes one after another: room for a loaded machine.
  }, 120_000);

  it('stops on a wrong configuration with the list of problems', async () => {
    const r = await jaring(['migrate'], { PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PORT="abc"');
    expect(r.stderr).toContain('LOG_LEVEL="loud"');
  });

  it('standards check passes on the seeds and fails with file:line on a broken file', async () => {
    const ok = await jaring(['standards', 'check', '--lang', 'en']);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^0 error\(s\)/m);

    const dir = path.join(tmp, 'standards');
    mkdirSync(path.join(dir, 'sragen'), { recursive: true });
    const broken = (await readFile('standards/sragen/pkh.yaml', 'utf8')).replace(
      /role: (\w+)/,
      'role: kabid2',
    );
    writeFileSync(path.join(dir, 'sragen', 'pkh.yaml'), broken);
    const bad = await jaring(['standards', 'check', dir], { LANG: 'en_US.UTF-8' });
    expect(bad.code).toBe(1);
    const line = broken.split('\n').findIndex((l) => l.includes('kabid2')) + 1;
    expect(bad.stdout).toMatch(
      new RegExp(`pkh\\.yaml:${line} .*procedure\\.steps\\[\\d+\\]\\.role: unknown role "kabid2"`),
    );
    // The author's language from LANG, as the upload page answers in the user's.
    const id = await jaring(['standards', 'check', dir], { LANG: 'id_ID.UTF-8' });
    expect(id.code).toBe(1);
    expect(id.stdout).toMatch(
      new RegExp(`^kesalahan: .*pkh\\.yaml:${line} .*\\.role: peran "kabid2" tidak dikenal`, 'm'),
    );
    expect(id.stdout).toMatch(/^1 kesalahan, \d+ peringatan\.$/m);
  });

  // Six processes, each opening the embedded database: about 20 s alone, more on a busy machine.
  it('migrates, seeds, verifies the audit chain and finds a tampered row', async () => {
    const dataDir = path.join(tmp, 'data');
    expect((await jaring(['migrate', '--data-dir', dataDir])).code).toBe(0);
    const seeded = await jaring(['seed', '--data-dir', dataDir]);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/Seeded: 5 units, \d+ closed days, 5 standards, 0 users/);
    const again = await jaring(['seed', '--data-dir', dataDir]);
    expect(again.stdout).toMatch(/Seeded: 0 units, 0 closed days, 0 standards, 0 users/);

    const intact = await jaring(['audit', 'verify', '--data-dir', dataDir]);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(
      /Audit chain intact: \d+ entries, head [0-9a-f]{64}; no signed checkpoint yet/,
    );

    // A signed checkpoint of the head, printed for the auditor's file.
    const cp = await jaring(['audit', 'checkpoint', '--print', '--unit', 'sragen', '--data-dir', dataDir]);
    expect(cp.code, cp.stderr).toBe(0);
    expect(cp.stderr).toContain('in production set JARING_AUDIT_KEY from a secret store');
    const head = Number(/Entri terakhir \/ Last entry : (\d+)/.exec(cp.stdout)?.[1]);
    expect(head).toBeGreaterThan(3);
    expect(cp.stdout).toMatch(/Unit +: Dinas Sosial Kabupaten Sragen/);
    expect(cp.stdout).toMatch(/Tanda tangan \/ HMAC-SHA256: [0-9a-f]{64}/);
    const lines = (await readFile(path.join(dataDir, 'audit-checkpoints.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);

    // Someone with database access edits a row and cuts the tail behind the trigger's back.
    const pg = new PGlite(path.join(dataDir, 'pgdata'), pgliteOptions);
    await pg.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
      UPDATE audit_log SET actor_username = 'mallory' WHERE seq = 3;
      DELETE FROM audit_log WHERE seq = ${head};`);
    await pg.close();
    const broken = await jaring(['audit', 'verify', '--lang', 'en', '--data-dir', dataDir]);
    expect(broken.code).toBe(1);
    const report = broken.stderr.trim().split('\n');
    expect(report[0]).toMatch(
      /^Audit chain BROKEN: 2 problem\(s\) in \d+ entries; checkpoint of .* does NOT hold\.$/,
    );
    expect(report[1]).toBe('altered: entry 3: content does not match its hash (altered)');
    expect(report[2]).toMatch(
      new RegExp(`^truncated: the chain ends at entry ${head - 1} but the signed checkpoint`),
    );
  }, 120_000);

  it("keeps a second process out of a data folder in use, and takes over a dead one's lock", async () => {
    const dataDir = path.join(tmp, 'locked');
    const held = await openDatabase({ dataDir });
    try {
      const refused = await jaring(['audit', 'verify', '--data-dir', dataDir]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`sedang dipakai proses lain (pid ${process.pid})`);
    } finally {
      await held.close();
    }
    // A lock left by a process that died (SIGKILL) does not keep the folder closed.
    writeFileSync(path.join(dataDir, 'jaring.lock'), '2147483646');
    expect((await jaring(['migrate', '--data-dir', dataDir])).code).toBe(0);
    // Nor does one naming this process's pid, left by an earlier process with the same pid (a
    // restarted container); but this process cannot open the folder twice.
    writeFileSync(path.join(dataDir, 'jaring.lock'), String(process.pid));
    const reopened = await openDatabase({ dataDir });
    try {
      await expect(openDatabase({ dataDir })).rejects.toThrow('sedang dipakai proses lain');
    } finally {
      await reopened.close();
    }
  }, 120_000);

  it.runIf(process.platform === 'linux')(
    'takes over the lock of a process killed but not yet reaped by its parent (a zombie)',
    async () => {
      const dataDir = path.join(tmp, 'zombie');
      mkdirSync(dataDir);
      // The shell starts a short child, then becomes a `sleep` that never waits for it: once
      // the child has exited it stays a zombie, as a killed server does until its parent reaps it.
      const parent = spawn('sh', ['-c', 'sleep 0.05 & echo $!; exec sleep 60'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      try {
        const pid = Number(
          await new Promise<string>((resolve) => parent.stdout.once('data', (d) => resolve(String(d)))),
        );
        while (!/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8')))
          await new Promise((r) => setTimeout(r, 20));
        writeFileSync(path.join(dataDir, 'jaring.lock'), String(pid));
        const database = await openDatabase({ dataDir });
        await database.close();
      } finally {
        parent.kill();
      }
    },
  );

  it('survey index prints the SKM of a paper file, as a table and as one JSON line', async () => {
    const file = path.join(tmp, 'skm.csv');
    writeFileSync(
      file,
      '\uFEFFU1;U2;U3;U4;U5;U6;U7;U8;U9;Jenis Kelamin;Umur\r\n4;4;4;4;4;4;4;4;4;L;34\r\nd;c;d;d;c;d;d;c;b;P;51\r\n',
    );
    const table = await jaring(['survey', 'index', file]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('Responden: 2');
    expect(table.stdout).toMatch(/U9 Penanganan pengaduan.* 2 +6 +3\.000/);
    expect(table.stdout).toContain('Nilai SKM: 93.06 (A, Sangat baik)');
    const json = await jaring(['survey', 'index', file, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      respondents: 2,
      score: '93.06',
      grade: 'A',
      weakest: ['U9'],
    });

    writeFileSync(file, 'U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,e,4,4,4,4,4,4\n');
    const bad = await jaring(['survey', 'index', file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('baris 2, kolom U3: “e” bukan jawaban; isi 1–4 atau a–d');
    expect(bad.stdout).toBe('');
  }, 60_000);
});
