import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { effects } from '../src/app.ts';
import { systemActor } from '../src/audit/audit.service.ts';
import { findUnitByCode } from '../src/auth/auth.repository.ts';
import { authenticate, login } from '../src/auth/auth.service.ts';
import { act, openCase } from '../src/cases/cases.service.ts';
import { systemClock } from '../src/core/clock.ts';
import { loadConfig } from '../src/core/config.ts';
import { migrate, openDatabase } from '../src/db/client.ts';
import { demoPassword, seedAll } from '../src/demo/seed.ts';
import { LocalFileStore } from '../src/documents/file-store.ts';
import { publishStandard } from '../src/standards/standards.service.ts';

/** A four-step service with no document requirements, so the bench measures the engine. */
const benchStandard = `
id: bench-empat-langkah
unit: sragen
division: { code: perlindungan-sosial, name: Bidang Perlindungan Sosial }
document: { number: BENCH/1, revision: '00', effectiveDate: '2026-01-01' }
name: Layanan uji kinerja empat langkah
delivery:
  requirements: { items: [{ id: ktp, kind: document, text: KTP }] }
  procedure:
    steps:
      - { n: 1, role: front_office, text: Terima }
      - { n: 2, role: fungsional, text: Periksa }
      - { n: 3, role: kepala_bidang, text: Setujui }
      - { n: 4, role: front_office, text: Serahkan }
  timeLimit: { kind: duration, minutes: 30, text: 30 menit }
  cost: { free: true, text: Gratis }
  products: [{ id: surat, name: Surat }]
  complaints: { channels: [{ kind: box, label: Kotak pengaduan }] }
manufacturing:
  legalBasis: [{ text: UU 25/2009 }]
  facilities: [Komputer]
  competence: [Memahami layanan]
  oversight: [Pimpinan]
  staffing: [3 orang]
  guarantees: [Tepat waktu]
  safety: [Aman]
  evaluation: [SKM]
workflow:
  steps:
    - { id: terima, label: Terima, role: front_office, actions: [{ id: teruskan, label: Teruskan, kind: forward, to: periksa }] }
    - { id: periksa, label: Periksa, role: fungsional, actions: [{ id: teruskan, label: Teruskan, kind: forward, to: setujui }] }
    - { id: setujui, label: Setujui, role: kepala_bidang, actions: [{ id: setujui, label: Setujui, kind: forward, to: serahkan }] }
    - { id: serahkan, label: Serahkan, role: front_office, actions: [{ id: serahkan, label: Serahkan, kind: complete }] }
`;

/**
 * Cases opened and moved through a 4-step workflow per second (open + 4 actions, each its own
 * transaction with its audit entry), beside a bare insert of the same rows (1 case, 5 actions,
 * 5 audit entries per case, one transaction per action) into the same engine, in the same run.
 */
export async function run() {
  const n = Number(process.env.BENCH_CASES ?? 300);
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const database = await openDatabase({ url: config.databaseUrl });
  const db = database.db;
  await migrate(database);
  await seedAll(db, { demo: true, effects });
  const sragen = await findUnitByCode(db, 'sragen');
  if (!sragen) throw new Error('sragen missing');
  await publishStandard(db, { effects }, systemActor, sragen, {
    yaml: benchStandard,
    fileName: 'bench.yaml',
  }).catch(() => undefined);
  const settings = {
    sessionDays: 1,
    loginMaxAttempts: 1000,
    loginMaxDelaySeconds: 300,
    clock: systemClock,
    totpKey: randomBytes(32),
  };
  const ctxOf = async (username: string) => {
    const { token } = await login(db, { username, password: demoPassword }, { ip: '127.0.0.1' }, settings);
    const ctx = await authenticate(db, token, settings);
    if (!ctx) throw new Error(`no session for ${username}`);
    return ctx;
  };
  const fo = await ctxOf('sragen.fo');
  const officer = await ctxOf('sragen.fungsional');
  const kabid = await ctxOf('sragen.kabid');
  const env = {
    files: new LocalFileStore(mkdtempSync(path.join(os.tmpdir(), 'jaring-bench-'))),
    publicUrl: config.publicUrl,
    effects,
    clock: systemClock,
  };
  const client = { ip: '127.0.0.1' };

  let start = performance.now();
  for (let i = 0; i < n; i++) {
    const c = await openCase(
      db,
      env,
      fo,
      { standardId: 'bench-empat-langkah', applicant: { name: `Pemohon ${i}` } },
      client,
      systemClock,
    );
    await act(db, env, fo, c.id, { action: 'teruskan', version: 1 }, client);
    await act(db, env, officer, c.id, { action: 'teruskan', version: 2 }, client);
    await act(db, env, kabid, c.id, { action: 'setujui', version: 3 }, client);
    await act(db, env, fo, c.id, { action: 'serahkan', version: 4 }, client);
  }
  const engineSeconds = (performance.now() - start) / 1000;

  const [ids] = (
    (await db.execute(
      sql`SELECT c.standard_id, c.revision_id FROM cases c ORDER BY c.id DESC LIMIT 1`,
    )) as unknown as { rows: Array<{ standard_id: number; revision_id: number }> }
  ).rows;
  start = performance.now();
  for (let i = 0; i < n; i++) {
    const caseId = await db.transaction(async (tx) => {
      const r = (await tx.execute(sql`
        INSERT INTO cases (unit_id, standard_id, revision_id, tracking_code, product, applicant, status, step, version, opened_at)
        VALUES (${sragen.id}, ${ids?.standard_id}, ${ids?.revision_id}, ${`BARE-${i}-${Date.now()}`}, 'surat',
                ${JSON.stringify({ name: `Pemohon ${i}` })}::jsonb, 'open', 'terima', 1, now())
        RETURNING id`)) as unknown as { rows: Array<{ id: number }> };
      const id = Number(r.rows[0]?.id);
      await tx.execute(
        sql`INSERT INTO case_actions (case_id, seq, at, role, action) VALUES (${id}, 1, now(), 'front_office', 'open')`,
      );
      await tx.execute(
        sql`INSERT INTO audit_log (seq, at, action, entity, entity_id, prev_hash, hash) SELECT coalesce(max(seq), 0) + 1, now(), 'bare', 'case', ${String(id)}, '0', '0' FROM audit_log`,
      );
      return id;
    });
    for (let seq = 2; seq <= 5; seq++) {
      await db.transaction(async (tx) => {
        await tx.execute(
          sql`INSERT INTO case_actions (case_id, seq, at, role, action) VALUES (${caseId}, ${seq}, now(), 'front_office', 'x')`,
        );
        await tx.execute(sql`UPDATE cases SET version = ${seq} WHERE id = ${caseId}`);
        await tx.execute(
          sql`INSERT INTO audit_log (seq, at, action, entity, entity_id, prev_hash, hash) SELECT coalesce(max(seq), 0) + 1, now(), 'bare', 'case', ${String(caseId)}, '0', '0' FROM audit_log`,
        );
      });
    }
  }
  const bareSeconds = (performance.now() - start) / 1000;
  await database.close();

  const rows = [
    { target: 'bare insert (same rows)', casesPerSecond: Math.round(n / bareSeconds) },
    { target: 'engine: open + 4 actions', casesPerSecond: Math.round(n / engineSeconds) },
  ];
  const ratio = Number((n / engineSeconds / (n / bareSeconds)).toFixed(3));
  console.log(`\ncases bench (${database.kind}, ${n} cases × 5 actions)`);
  console.table(rows);
  console.log(`engine / bare = ${ratio}`);
  console.log(JSON.stringify({ bench: 'cases', engine: database.kind, cases: n, rows, ratio }));
}
