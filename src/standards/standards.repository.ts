import { and, asc, count, desc, eq } from 'drizzle-orm';
import { divisions, units } from '../auth/auth.tables.ts';
import type { Db } from '../db/client.ts';
import { standardRevisions, standards } from './standards.tables.ts';

export type RevisionRow = typeof standardRevisions.$inferSelect;
/** A revision without its (large) content and source: enough to pick the one in force. */
export type RevisionMeta = Omit<RevisionRow, 'content' | 'sourceYaml'>;

const revisionMeta = {
  id: standardRevisions.id,
  standardId: standardRevisions.standardId,
  revision: standardRevisions.revision,
  documentNumber: standardRevisions.documentNumber,
  name: standardRevisions.name,
  effectiveDate: standardRevisions.effectiveDate,
  sha256: standardRevisions.sha256,
  uploadedBy: standardRevisions.uploadedBy,
  uploadedAt: standardRevisions.uploadedAt,
};
export type StandardRow = typeof standards.$inferSelect;

export async function countStandardsOfUnit(db: Db, unitId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(standards).where(eq(standards.unitId, unitId));
  return row?.n ?? 0;
}

export async function findStandard(db: Db, unitId: number, slug: string): Promise<StandardRow | undefined> {
  const [row] = await db
    .select()
    .from(standards)
    .where(and(eq(standards.unitId, unitId), eq(standards.slug, slug)))
    .limit(1);
  return row;
}

export async function insertStandard(db: Db, values: typeof standards.$inferInsert): Promise<StandardRow> {
  const [row] = await db.insert(standards).values(values).returning();
  if (!row) throw new Error('insert standards returned nothing');
  return row;
}

export async function findOrCreateDivision(
  db: Db,
  unitId: number,
  code: string,
  name: string,
): Promise<number> {
  const [existing] = await db
    .select({ id: divisions.id })
    .from(divisions)
    .where(and(eq(divisions.unitId, unitId), eq(divisions.code, code)))
    .limit(1);
  if (existing) return existing.id;
  const [row] = await db.insert(divisions).values({ unitId, code, name }).returning({ id: divisions.id });
  if (!row) throw new Error('insert divisions returned nothing');
  return row.id;
}

export async function revisionsOf(db: Db, standardId: number): Promise<RevisionRow[]> {
  return db
    .select()
    .from(standardRevisions)
    .where(eq(standardRevisions.standardId, standardId))
    .orderBy(asc(standardRevisions.id));
}

/** All revisions of a unit's standards (for lists), newest first within a standard. */
export async function revisionsOfUnit(db: Db, unitId: number) {
  return db
    .select({ standard: standards, revision: standardRevisions })
    .from(standardRevisions)
    .innerJoin(standards, eq(standards.id, standardRevisions.standardId))
    .where(eq(standards.unitId, unitId))
    .orderBy(asc(standards.slug), desc(standardRevisions.id));
}

/** The ids of a unit's revisions, without their content: what a per-request read needs. */
export async function revisionIdsOfUnit(db: Db, unitId: number): Promise<number[]> {
  const rows = await db
    .select({ id: standardRevisions.id })
    .from(standardRevisions)
    .innerJoin(standards, eq(standards.id, standardRevisions.standardId))
    .where(eq(standards.unitId, unitId));
  return rows.map((r) => r.id);
}

/** Every revision with its unit, for the SIPPN export and the public lists. */
export async function allRevisions(db: Db) {
  return db
    .select({ unit: units, standard: standards, revision: standardRevisions })
    .from(standardRevisions)
    .innerJoin(standards, eq(standards.id, standardRevisions.standardId))
    .innerJoin(units, eq(units.id, standards.unitId))
    .orderBy(asc(units.regionCode), asc(standards.slug), asc(standardRevisions.id));
}

export async function insertRevision(
  db: Db,
  values: typeof standardRevisions.$inferInsert,
): Promise<RevisionRow> {
  const [row] = await db.insert(standardRevisions).values(values).returning();
  if (!row) throw new Error('insert standard_revisions returned nothing');
  return row;
}

/** A unit with the revisions (metadata only) of one of its standards, in one query. */
export async function unitWithRevisions(db: Db, unitCode: string, slug: string) {
  return db
    .select({ unit: units, revision: revisionMeta })
    .from(units)
    .leftJoin(standards, and(eq(standards.unitId, units.id), eq(standards.slug, slug)))
    .leftJoin(standardRevisions, eq(standardRevisions.standardId, standards.id))
    .where(eq(units.code, unitCode))
    .orderBy(asc(standardRevisions.id));
}

export async function revisionContent(db: Db, revisionId: number): Promise<unknown> {
  const [row] = await db
    .select({ content: standardRevisions.content })
    .from(standardRevisions)
    .where(eq(standardRevisions.id, revisionId));
  return row?.content;
}

/** Revisions of a standard without their content, enough to pick the one in force. */
export async function revisionMetasOf(db: Db, standardId: number): Promise<RevisionMeta[]> {
  return db
    .select(revisionMeta)
    .from(standardRevisions)
    .where(eq(standardRevisions.standardId, standardId))
    .orderBy(asc(standardRevisions.id));
}
