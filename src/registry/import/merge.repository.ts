import type { BulkSession } from '../../db/bulk.ts';
import { copyValue } from '../../db/copy-text.ts';
import { columnOf, FamilyFields, PersonFields } from '../registry.columns.ts';
import type { ImportOptions } from '../registry.schema.ts';
import {
  type FirstLoad,
  loadColumns,
  problemColumns,
  type ReadBatch,
  type ReadOutcome,
  stageColumns,
} from './read-phase.ts';

/**
 * The import's SQL: its temporary work tables, each batch's load, the checks and the merge at
 * the end, and the statistics refresh after it. Everything runs in the import's bulk session;
 * the transaction, the record and the audit entry are the service's (`import.service.ts`).
 */

const personColumns = PersonFields.map(columnOf);
const familyColumns = FamilyFields.map(columnOf);

/**
 * Who and what a row written by this import carries (`changed_by`, `change_note`): as SQL
 * literals for the statements, and as COPY text for a first load's rows.
 */
export function writtenBy(userId: number | null, importId: number) {
  const note = `impor #${importId}`;
  return {
    user: userId === null ? 'NULL' : String(Number(userId)),
    note: `'${note.replace(/'/g, "''")}'`,
    copy: { changedBy: copyValue(userId), note: copyValue(note) },
  };
}

export interface WorkTables {
  /** Rows that meet the register (a NIK or KK already there), merged at the end by policy. */
  stage: string;
  /** The batch being loaded. */
  batch: string;
  /** Rows loaded straight into the register while reading: row, NIK, KK, relationship. */
  direct: string;
  problems: string;
}

export const tableNames = (importId: number): WorkTables => ({
  stage: `registry_stage_${importId}`,
  batch: `registry_batch_${importId}`,
  direct: `registry_direct_${importId}`,
  problems: `registry_stage_problems_${importId}`,
});

/** Temporary tables of the import's session, made before its transaction (they outlive a rollback). */
export async function createWorkTables(session: BulkSession, t: WorkTables): Promise<void> {
  // The staging tables take their column types from the register's tables.
  await session.query(`CREATE TEMP TABLE ${t.stage} AS
    SELECT 0 AS row_no, false AS kk_first, false AS batch_first, f.kk, p.nik, ${personColumns.map((c) => `p.${c}`).join(', ')},
      ${familyColumns.map((c) => `f.${c}`).join(', ')}, 'new'::text AS outcome, p.id AS person_id,
      p.village_code AS person_village, f.id AS family_id, f.village_code AS family_village
    FROM registry_people p, registry_families f WITH NO DATA`);
  await session.query(`ALTER TABLE ${t.stage} ALTER COLUMN outcome SET DEFAULT 'new'`);
  await session.query(`CREATE TEMP TABLE ${t.batch} (LIKE ${t.stage} INCLUDING DEFAULTS)`);
  await session.query(`CREATE TEMP TABLE ${t.direct} (row_no integer NOT NULL, nik text NOT NULL,
    kk text NOT NULL, relationship text NOT NULL, rejected boolean NOT NULL DEFAULT false)`);
  await session.query(`CREATE TEMP TABLE ${t.problems} (
    seq bigint GENERATED ALWAYS AS IDENTITY, row_no integer NOT NULL, col_order integer NOT NULL,
    col text NOT NULL, value text NOT NULL, severity text NOT NULL, message text NOT NULL)`);
}

/**
 * A first load into an empty register takes its ids from the sequences itself: the reader
 * numbers families and people on from here, and `advanceSequences` moves the sequences past
 * them. Every writer of the register holds the import lock, so no other row can take them.
 */
export async function firstLoadIds(
  tx: BulkSession,
  written: ReturnType<typeof writtenBy>,
): Promise<FirstLoad> {
  const [ids] = await tx.query<{ families: string | number; people: string | number }>(
    `SELECT nextval(pg_get_serial_sequence('registry_families', 'id')) AS families,
      nextval(pg_get_serial_sequence('registry_people', 'id')) AS people`,
  );
  return {
    familyBase: Number(ids?.families) - 1,
    personBase: Number(ids?.people) - 1,
    ...written.copy,
  };
}

export async function advanceSequences(tx: BulkSession): Promise<void> {
  await tx.query(`SELECT setval(pg_get_serial_sequence('registry_families', 'id'), max(id)) FROM registry_families
    HAVING max(id) IS NOT NULL`);
  await tx.query(`SELECT setval(pg_get_serial_sequence('registry_people', 'id'), max(id)) FROM registry_people
    HAVING max(id) IS NOT NULL`);
}

/**
 * Loads one batch inside the import's transaction. Rows whose NIK and KK are new to the register
 * go straight into it (families first), the way a bare COPY would put them; rows that meet the
 * register (a NIK already there, or a family that was there before this import) wait in the
 * staging table for the policy and the checks at the end. Rows a later check refuses (a NIK
 * repeated further down the file, a family without one head) are taken out again at the end.
 * A first load's batch comes as COPY text for the register's tables and goes in as it is.
 */
export function batchMerge(
  tx: BulkSession,
  t: WorkTables,
  ids: { families: number },
  written: ReturnType<typeof writtenBy>,
) {
  const { user, note } = written;
  const direct = `b.person_id IS NULL AND (b.family_id IS NULL OR b.family_id > ${ids.families})`;
  // Rows meeting the register are marked; only they are rewritten. The lookups are subqueries,
  // one index probe a row whatever the statistics say (as a join, the planner may scan the
  // register, which grows during the import while its statistics do not).
  const person = `(SELECT p.id FROM registry_people p WHERE p.nik = b.nik)`;
  const family = `(SELECT f.id FROM registry_families f WHERE f.kk = b.kk)`;
  const lookups = `UPDATE ${t.batch} b SET person_id = ${person} WHERE ${person} IS NOT NULL;
    UPDATE ${t.batch} b SET family_id = ${family} WHERE ${family} IS NOT NULL;
    INSERT INTO ${t.stage} SELECT * FROM ${t.batch} b WHERE NOT (${direct});`;
  // One round trip for the batch's statements: while the next batch is parsed in this thread,
  // each extra round trip would wait for it.
  const statements = `${lookups}
    INSERT INTO ${t.direct} (row_no, nik, kk, relationship)
      SELECT b.row_no, b.nik, b.kk, b.relationship FROM ${t.batch} b WHERE ${direct};
    -- The batch table has no statistics: without this the planner may match each row against
    -- each new family in a nested loop.
    SET LOCAL enable_nestloop = off;
    -- A family new to the register is made from its first row in the batch (the reader has
    -- checked that its rows agree), whether or not that row's person is new. One left with
    -- nobody after the policy is taken out at the end.
    WITH made AS (
      INSERT INTO registry_families (kk, ${familyColumns.join(', ')}, changed_by, change_note)
      SELECT b.kk, ${familyColumns.map((x) => `b.${x}`).join(', ')}, ${user}, ${note}
      FROM ${t.batch} b WHERE b.batch_first AND b.family_id IS NULL
      RETURNING id, kk)
    INSERT INTO registry_people (nik, family_id, village_code, ${personColumns.join(', ')}, changed_by, change_note)
      SELECT b.nik, coalesce(b.family_id, made.id), b.village_code, ${personColumns.map((x) => `b.${x}`).join(', ')}, ${user}, ${note}
      FROM ${t.batch} b LEFT JOIN made ON made.kk = b.kk WHERE ${direct} ORDER BY b.nik;
    SET LOCAL enable_nestloop = on;
    TRUNCATE ${t.batch}`;
  return async (batch: ReadBatch) => {
    if (batch.problems) await tx.copyIn(t.problems, problemColumns, batch.problems);
    if (batch.load) {
      // A first load: the rows go in as they are, like a bare COPY.
      if (batch.load.families.length > 0)
        await tx.copyIn('registry_families', loadColumns.families, batch.load.families);
      if (batch.load.people.length > 0) {
        await tx.copyIn('registry_people', loadColumns.people, batch.load.people);
        await tx.copyIn(t.direct, loadColumns.direct, batch.load.direct);
      }
    }
    if (batch.stage.length === 0) return;
    await tx.copyIn(t.batch, stageColumns, batch.stage);
    await tx.exec(statements);
  };
}

/**
 * The checks at the end of an import, in its transaction: rows refused after they were loaded
 * are taken out again, rows that meet the register go through the policy and the region and
 * head-of-family checks. Writes the problems it finds; merges nothing.
 */
export async function checkStaged(
  tx: BulkSession,
  args: {
    names: WorkTables;
    ids: { families: number; people: number };
    regionCode: string;
    villageCode: string | null;
    onExisting: ImportOptions['onExisting'];
    read: Pick<ReadOutcome, 'warnings' | 'unsettledKk' | 'headProblems' | 'rejectedEarly'>;
  },
): Promise<{ warnings: number; rejected: number; anyError: boolean; outcomes: StagedOutcomes }> {
  const { ids } = args;
  const { stage: S, problems: P, direct: D } = args.names;
  const prefix = `${args.regionCode}.%`;
  const village = args.villageCode;
  const run = (text: string) => tx.query(text);
  const number = async (text: string) => Number((await tx.query<{ n: string | number }>(text))[0]?.n ?? 0);
  const errorRows = `SELECT row_no FROM ${P} WHERE severity = 'error'`;
  // Refused staged rows are marked; refused rows already loaded are deleted again. Each pass
  // looks only at the problems reported since the one before.
  let flaggedUpTo = 0;
  const rejectFlagged = async () => {
    const last = await number(`SELECT coalesce(max(seq), 0) AS n FROM ${P}`);
    if (last === flaggedUpTo) return;
    const newErrors = `SELECT row_no FROM ${P} WHERE severity = 'error' AND seq > ${flaggedUpTo} AND seq <= ${last}`;
    flaggedUpTo = last;
    await run(
      `UPDATE ${S} SET outcome = 'rejected' WHERE outcome <> 'rejected' AND row_no IN (${newErrors})`,
    );
    await run(`WITH r AS (UPDATE ${D} SET rejected = true WHERE NOT rejected AND row_no IN (${newErrors})
        RETURNING nik)
      DELETE FROM registry_people WHERE nik IN (SELECT nik FROM r)`);
  };

  // The work tables are temporary (no autovacuum): without statistics the planner guesses their
  // sizes from their pages, and a wrong guess (a nested loop over the loaded rows for each
  // problem row) once cost seconds instead of milliseconds. Their sizes are what matters, so a
  // small sample does.
  await analyzeSampled(tx, 10, `${S} (row_no, kk, nik), ${D} (row_no, kk), ${P} (row_no, severity)`);
  // Rows undone by later rows (duplicate NIKs) were reported while reading.
  await rejectFlagged();

  // What the register holds for the staged rows (families this import made included).
  await run(`UPDATE ${S} s SET person_id = p.id, person_village = p.village_code
    FROM registry_people p WHERE p.nik = s.nik`);
  await run(`UPDATE ${S} s SET family_id = f.id, family_village = f.village_code
    FROM registry_families f WHERE f.kk = s.kk`);
  const scope = (column: string) =>
    `(${column} LIKE '${prefix.replace(/'/g, "''")}'${village ? ` AND ${column} = '${village.replace(/'/g, "''")}'` : ''})`;
  await run(`INSERT INTO ${P} (row_no, col_order, col, value, severity, message)
    SELECT row_no, 1, 'NIK', nik, 'error', 'NIK sudah terdaftar di desa ' || person_village || ', di luar wilayah Anda; perpindahan diproses oleh wilayah asal'
    FROM ${S} WHERE person_id IS NOT NULL AND outcome <> 'rejected' AND NOT ${scope('person_village')}`);
  await run(`INSERT INTO ${P} (row_no, col_order, col, value, severity, message)
    SELECT row_no, 0, 'No KK', kk, 'error', 'No KK sudah terdaftar di desa ' || family_village || ', di luar wilayah Anda'
    FROM ${S} WHERE family_id IS NOT NULL AND outcome <> 'rejected' AND NOT ${scope('family_village')}`);
  await rejectFlagged();

  const policy = args.onExisting;
  if (policy === 'report') {
    await run(`INSERT INTO ${P} (row_no, col_order, col, value, severity, message)
      SELECT row_no, 1, 'NIK', nik, 'error', 'NIK sudah ada di register (kebijakan: laporkan)'
      FROM ${S} WHERE person_id IS NOT NULL AND outcome = 'new'`);
    await rejectFlagged();
  } else if (policy === 'skip') {
    await run(`UPDATE ${S} SET outcome = 'skipped' WHERE person_id IS NOT NULL AND outcome = 'new'`);
  } else {
    await run(`UPDATE ${S} s SET outcome = CASE WHEN
        (${personColumns.map((f) => `p.${f}`).join(', ')}, p.family_id) IS NOT DISTINCT FROM
        (${personColumns.map((f) => `s.${f}`).join(', ')}, s.family_id)
      THEN 'unchanged' ELSE 'update' END
      FROM registry_people p WHERE p.id = s.person_id AND s.outcome = 'new'`);
  }

  const live = `('new', 'update', 'unchanged')`;
  // The file's rows of a family that are still in: staged and live, or loaded and not refused.
  const fileRows = `(SELECT row_no, kk, relationship FROM ${S} WHERE outcome IN ${live}
    UNION ALL SELECT row_no, kk, relationship FROM ${D} WHERE NOT rejected)`;
  // Exactly one head per family. Families that meet the register, or lost a row after it was
  // loaded, are counted in SQL with the members the register keeps; the rest were counted
  // while reading.
  await run(`CREATE TEMP TABLE ${S}_unsettled ON COMMIT DROP AS
    SELECT DISTINCT kk FROM ${S} WHERE person_id IS NOT NULL OR family_id IS NOT NULL`);
  if (args.read.unsettledKk.length > 0)
    await run(
      `INSERT INTO ${S}_unsettled (kk) VALUES ${args.read.unsettledKk.map((k) => `('${k}')`).join(', ')}`,
    );
  const { headProblems } = args.read;
  for (let i = 0; i < headProblems.length; i += 1000) {
    const values = headProblems
      .slice(i, i + 1000)
      .map((h) => `('${h.kk}', '${h.message.replace(/'/g, "''")}')`)
      .join(', ');
    await run(`INSERT INTO ${P} (row_no, col_order, col, value, severity, message)
      SELECT s.row_no, 6, 'Hubungan Keluarga', s.relationship, 'error', b.message
      FROM ${fileRows} s JOIN (VALUES ${values}) AS b(kk, message) ON b.kk = s.kk
      WHERE b.kk NOT IN (SELECT kk FROM ${S}_unsettled)`);
  }
  await run(`WITH fh AS (
      SELECT kk, count(*) FILTER (WHERE relationship = 'kepala_keluarga') AS heads,
        string_agg(row_no::text, ', ' ORDER BY row_no) FILTER (WHERE relationship = 'kepala_keluarga') AS head_rows
      FROM ${fileRows} r WHERE kk IN (SELECT kk FROM ${S}_unsettled) GROUP BY kk),
    rh AS (
      SELECT f.kk, count(*) AS heads FROM registry_people p JOIN registry_families f ON f.id = p.family_id
      WHERE f.kk IN (SELECT kk FROM fh) AND p.relationship = 'kepala_keluarga' AND p.id <= ${ids.people}
        AND NOT EXISTS (SELECT 1 FROM ${S} x WHERE x.person_id = p.id AND x.outcome IN ${live})
      GROUP BY f.kk),
    bad AS (
      SELECT fh.kk, fh.heads + coalesce(rh.heads, 0) AS total, fh.head_rows, coalesce(rh.heads, 0) AS kept
      FROM fh LEFT JOIN rh ON rh.kk = fh.kk
      WHERE fh.heads + coalesce(rh.heads, 0) <> 1)
    INSERT INTO ${P} (row_no, col_order, col, value, severity, message)
    SELECT s.row_no, 6, 'Hubungan Keluarga', s.relationship, 'error',
      CASE WHEN b.total = 0 THEN 'keluarga No KK ' || s.kk || ' tidak punya Kepala Keluarga'
      ELSE 'keluarga No KK ' || s.kk || ' punya ' || b.total || ' Kepala Keluarga'
        || coalesce(' (baris ' || b.head_rows || ')', '')
        || CASE WHEN b.kept > 0 THEN ' termasuk yang sudah di register' ELSE '' END END
    FROM ${fileRows} s JOIN bad b ON b.kk = s.kk`);
  await rejectFlagged();

  // A person this file moves to another KK leaves a family the file does not mention: say when
  // it is left without its head, or without anyone (a warning; the move is the file's). Only
  // moves that survived every check above are said.
  const [left] = await tx.query<{ n: string | number }>(`WITH moved AS (
      SELECT s.row_no, s.kk, p.id AS person_id, p.relationship, f.id AS family_id, f.kk AS old_kk
      FROM ${S} s JOIN registry_people p ON p.id = s.person_id JOIN registry_families f ON f.id = p.family_id
      WHERE s.outcome = 'update' AND f.kk <> s.kk
        AND f.kk NOT IN (SELECT kk FROM ${S} WHERE outcome IN ${live})),
    staying AS (
      SELECT o.family_id, count(*) AS members,
        count(*) FILTER (WHERE o.relationship = 'kepala_keluarga') AS heads
      FROM registry_people o WHERE o.family_id IN (SELECT family_id FROM moved)
        AND NOT EXISTS (SELECT 1 FROM ${S} x WHERE x.person_id = o.id AND x.outcome = 'update')
      GROUP BY o.family_id),
    warned AS (
      INSERT INTO ${P} (row_no, col_order, col, value, severity, message)
      SELECT m.row_no, 0, 'No KK', m.kk, 'warning',
        CASE WHEN coalesce(st.members, 0) = 0
          THEN 'pindah dari No KK ' || m.old_kk || ', yang kini tidak punya anggota lagi'
          ELSE 'Kepala Keluarga pindah dari No KK ' || m.old_kk || ', yang kini tidak punya Kepala Keluarga' END
      FROM moved m LEFT JOIN staying st ON st.family_id = m.family_id
      WHERE coalesce(st.members, 0) = 0 OR (m.relationship = 'kepala_keluarga' AND st.heads = 0)
      RETURNING 1)
    SELECT count(*) AS n FROM warned`);
  const warnings = args.read.warnings + Number(left?.n ?? 0);
  const rejectedStaged = await number(`SELECT count(*) AS n FROM ${S} WHERE outcome = 'rejected'`);
  const rejectedDirect = await number(`SELECT count(*) AS n FROM ${D} WHERE rejected`);
  const anyError = (await number(`SELECT count(*) AS n FROM (${errorRows} LIMIT 1) e`)) > 0;
  const counts = await tx.query<{ outcome: string; n: string | number }>(
    `SELECT outcome, count(*) AS n FROM ${S} GROUP BY outcome`,
  );
  const count = (o: string) => Number(counts.find((c) => c.outcome === o)?.n ?? 0);
  const rejected = args.read.rejectedEarly + rejectedStaged + rejectedDirect;
  return {
    warnings,
    rejected,
    anyError,
    outcomes: {
      new: count('new'),
      update: count('update'),
      unchanged: count('unchanged'),
      skipped: count('skipped'),
    },
  };
}

/** How many staged rows each policy outcome has. */
export interface StagedOutcomes {
  new: number;
  update: number;
  unchanged: number;
  skipped: number;
}

/**
 * Merges the staged rows that passed the checks: families and people the file changes keep
 * their earlier versions, new people are written, families left empty are taken out, and the
 * village counts and the names search are brought up to date.
 */
export async function mergeStaged(
  tx: BulkSession,
  args: {
    names: WorkTables;
    ids: { families: number; people: number };
    onExisting: ImportOptions['onExisting'];
    written: ReturnType<typeof writtenBy>;
    outcomes: StagedOutcomes;
  },
) {
  const { ids } = args;
  const { stage: S, direct: D } = args.names;
  const { user, note: noteSql } = args.written;
  const run = (text: string) => tx.query(text);
  const number = async (text: string) => Number((await tx.query<{ n: string | number }>(text))[0]?.n ?? 0);
  const live = `('new', 'update', 'unchanged')`;

  // Families the file changes (policy update): keep the old state, then write the new.
  let familiesUpdated = 0;
  if (args.onExisting === 'update') {
    await run(`CREATE TEMP TABLE ${S}_fam ON COMMIT DROP AS
      SELECT f.id, ${familyColumns.map((x) => `s.${x}`).join(', ')}
      FROM ${S} s JOIN registry_families f ON f.id = s.family_id
      WHERE s.kk_first AND f.id <= ${ids.families}
        AND EXISTS (SELECT 1 FROM ${S} x WHERE x.kk = s.kk AND x.outcome IN ${live})
        AND (${familyColumns.map((x) => `s.${x}`).join(', ')}) IS DISTINCT FROM (${familyColumns.map((x) => `f.${x}`).join(', ')})`);
    await run(`INSERT INTO registry_family_versions (family_id, version, valid_from, valid_to, changed_by, change_note, data)
      SELECT f.id, f.version, f.valid_from, now(), f.changed_by, f.change_note, to_jsonb(f)
      FROM registry_families f JOIN ${S}_fam u ON u.id = f.id`);
    await run(`UPDATE registry_families f SET ${familyColumns.map((x) => `${x} = u.${x}`).join(', ')},
        version = f.version + 1, valid_from = now(), changed_by = ${user}, change_note = ${noteSql}
      FROM ${S}_fam u WHERE u.id = f.id`);
    familiesUpdated = await number(`SELECT count(*) AS n FROM ${S}_fam`);
    await run(`UPDATE registry_people p SET village_code = u.village_code
      FROM ${S}_fam u WHERE p.family_id = u.id AND p.village_code <> u.village_code`);
  }

  // Every family of the file is in the register by now: each batch made its new ones.
  await run(`INSERT INTO registry_people (nik, family_id, village_code, ${personColumns.join(', ')}, changed_by, change_note)
    SELECT s.nik, f.id, f.village_code, ${personColumns.map((x) => `s.${x}`).join(', ')}, ${user}, ${noteSql}
    FROM ${S} s JOIN registry_families f ON f.kk = s.kk WHERE s.outcome = 'new' ORDER BY s.nik`);

  if (args.outcomes.update > 0) {
    await run(`INSERT INTO registry_person_versions (person_id, version, family_id, valid_from, valid_to, changed_by, change_note, data)
      SELECT p.id, p.version, p.family_id, p.valid_from, now(), p.changed_by, p.change_note, to_jsonb(p)
      FROM registry_people p JOIN ${S} s ON s.person_id = p.id WHERE s.outcome = 'update'`);
    await run(`UPDATE registry_people p SET ${personColumns.map((x) => `${x} = s.${x}`).join(', ')},
        family_id = f.id, village_code = f.village_code,
        version = p.version + 1, valid_from = now(), changed_by = ${user}, change_note = ${noteSql}
      FROM ${S} s JOIN registry_families f ON f.kk = s.kk
      WHERE s.person_id = p.id AND s.outcome = 'update'`);
  }

  // A family made while reading whose every row was refused or skipped afterwards is taken out
  // again. Only families with such a row can be empty: those of loaded rows refused later, and
  // those of staged rows.
  await run(`DELETE FROM registry_families f WHERE f.id > ${ids.families}
    AND f.kk IN (SELECT kk FROM ${D} WHERE rejected UNION SELECT kk FROM ${S})
    AND NOT EXISTS (SELECT 1 FROM registry_people p WHERE p.family_id = f.id)`);

  // The counts of the villages this import touched, before and after a move.
  await run(`WITH touched AS (
      SELECT DISTINCT v FROM (SELECT village_code AS v FROM ${S} UNION ALL SELECT person_village FROM ${S}
        UNION ALL SELECT family_village FROM ${S}
        UNION ALL SELECT village_code FROM registry_families WHERE id > ${ids.families}) t WHERE v IS NOT NULL),
    pc AS (SELECT village_code, count(*) AS n FROM registry_people
      WHERE village_code IN (SELECT v FROM touched) GROUP BY village_code),
    fc AS (SELECT village_code, count(*) AS n FROM registry_families
      WHERE village_code IN (SELECT v FROM touched) GROUP BY village_code)
    INSERT INTO registry_village_counts (village_code, people, families)
    SELECT t.v, coalesce(pc.n, 0), coalesce(fc.n, 0)
    FROM touched t LEFT JOIN pc ON pc.village_code = t.v LEFT JOIN fc ON fc.village_code = t.v
    ON CONFLICT (village_code) DO UPDATE SET people = excluded.people, families = excluded.families`);

  // The names search matches on (see `registry_names`): the new people's and the changed ones'.
  await run(`INSERT INTO registry_names (name)
    SELECT DISTINCT name FROM (SELECT name FROM registry_people WHERE id > ${ids.people}
      UNION ALL SELECT name FROM ${S} WHERE outcome = 'update') n
    ON CONFLICT DO NOTHING`);

  return {
    loaded: args.outcomes.new + (await number(`SELECT count(*) AS n FROM ${D} WHERE NOT rejected`)),
    updated: args.outcomes.update,
    unchanged: args.outcomes.unchanged,
    skipped: args.outcomes.skipped,
    familiesLoaded: await number(`SELECT count(*) AS n FROM registry_families WHERE id > ${ids.families}`),
    familiesUpdated,
  };
}

/**
 * After a merge that grew or changed the register by a tenth or more, the planner's statistics
 * are refreshed at once: PGlite has no autovacuum, and on PostgreSQL the searches right after a
 * large first import would otherwise be planned for an empty table.
 */
export async function refreshStatistics(session: BulkSession, written: number): Promise<void> {
  if (written === 0) return;
  const [known] = await session.query<{ n: number }>(
    `SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'registry_people'::regclass`,
  );
  const before = Number(known?.n ?? -1);
  if (before >= 0 && written < before / 10) return;
  // The columns searches and the import's own joins filter and join on. NIK and KK are left
  // out: a unique index already tells the planner that each matches one row. A sample of 9,000
  // rows (instead of 30,000) is plenty for choosing an index scan, and a third of the time.
  await session.transaction((tx) =>
    analyzeSampled(
      tx,
      30,
      'registry_people (family_id, village_code, name), registry_families (village_code), registry_names',
    ),
  );
}

/**
 * ANALYZE with a sample of 300 × `target` rows a table, inside the caller's transaction (the
 * setting ends with it).
 */
export async function analyzeSampled(tx: BulkSession, target: number, tables: string): Promise<void> {
  await tx.exec(`SET LOCAL default_statistics_target = ${target}; ANALYZE ${tables}`);
}
