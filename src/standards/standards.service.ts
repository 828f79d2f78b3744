import { createHash } from 'node:crypto';
import { type Actor, recordAudit } from '../audit/audit.service.ts';
import { findUnitByCode, listUnits, type UnitRow } from '../auth/auth.repository.ts';
import { todayIn } from '../core/dates.ts';
import { DomainError, ValidationError } from '../core/errors.ts';
import type { Language } from '../core/i18n.ts';
import { displayName, findRegion } from '../core/regions.ts';
import type { Db } from '../db/client.ts';
import { type KnownEffects, lintStandard } from './standard.lint.ts';
import { parseStandardYaml, withLines } from './standard.loader.ts';
import { renderStandardPdf } from './standard.pdf.ts';
import { Standard } from './standard.schema.ts';
import { toSippnService } from './standard.sippn.ts';
import * as repo from './standards.repository.ts';
import type { PublicUnit, RevisionInfo, SippnExport } from './standards.schema.ts';

/**
 * The revision in force on a date: the latest one whose effective date (or, without one, its
 * publication date) has come. When none has come yet, the earliest published one is shown
 * and marked as not in force.
 */
export function pickInForce<R extends repo.RevisionMeta>(revisions: R[], today: string): R | undefined {
  const startOf = (r: repo.RevisionMeta) => r.effectiveDate ?? r.uploadedAt.toISOString().slice(0, 10);
  const effective = revisions.filter((r) => startOf(r) <= today);
  if (effective.length === 0) return undefined;
  return effective.reduce((best, r) => {
    const a = startOf(best);
    const b = startOf(r);
    return b > a || (b === a && r.id > best.id) ? r : best;
  });
}

function revisionInfo(r: repo.RevisionMeta, inForce: repo.RevisionMeta | undefined): RevisionInfo {
  return {
    revision: r.revision,
    effectiveDate: r.effectiveDate,
    publishedAt: r.uploadedAt.toISOString(),
    sha256: r.sha256,
    inForce: inForce?.id === r.id,
    uploadedBy: r.uploadedBy,
  };
}

function regionNameOf(code: string): string {
  const region = findRegion(code);
  return region ? displayName(region) : '';
}

export function publicUnit(unit: UnitRow): PublicUnit {
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    regionCode: unit.regionCode,
    // Read by people (the portal's cards, SIPPN): `Kabupaten Sragen`, not the source's capitals.
    regionName: regionNameOf(unit.regionCode),
    address: unit.address,
    phone: unit.phone,
    email: unit.email,
    website: unit.website,
    maklumat: unit.maklumat,
    head: unit.head ?? null,
    letterhead: unit.letterhead,
  };
}

/**
 * Validates and publishes a standard (new or revised) for a unit. The YAML must parse, pass
 * the schema and the completeness lint, and belong to the unit; nothing is written otherwise.
 * Problems are worded in `lang`, the uploader's language.
 */
export async function publishStandard(
  db: Db,
  env: { effects: KnownEffects },
  actor: Actor,
  unit: UnitRow,
  input: { yaml: string; fileName?: string | undefined },
  lang: Language = 'id',
) {
  const file = input.fileName ?? 'upload.yaml';
  const standard = parseStandardYaml(input.yaml, file, lang);
  const errors = withLines(lintStandard(standard, env.effects, file, lang), input.yaml).filter(
    (p) => p.severity !== 'warning',
  );
  if (errors.length > 0) throw new ValidationError('standard.invalid', errors);
  if (standard.unit !== unit.code) {
    throw new DomainError('standard.wrong_unit', { unit: standard.unit, activeUnit: unit.code });
  }
  const sha256 = createHash('sha256').update(input.yaml).digest('hex');

  const result = await db.transaction(async (tx) => {
    const divisionId = await repo.findOrCreateDivision(
      tx,
      unit.id,
      standard.division.code,
      standard.division.name,
    );
    const existing = await repo.findStandard(tx, unit.id, standard.id);
    const row =
      existing ?? (await repo.insertStandard(tx, { unitId: unit.id, slug: standard.id, divisionId }));
    const revisions = existing ? await repo.revisionsOf(tx, row.id) : [];
    const same = revisions.find((r) => r.revision === standard.document.revision);
    if (same) {
      throw new DomainError(same.sha256 === sha256 ? 'standard.unchanged' : 'standard.revision_exists', {
        revision: standard.document.revision,
      });
    }
    const before = pickInForce(revisions, todayIn(unit.timeZone));
    const revision = await repo.insertRevision(tx, {
      standardId: row.id,
      revision: standard.document.revision,
      documentNumber: standard.document.number,
      name: standard.name,
      effectiveDate: standard.document.effectiveDate ?? null,
      content: standard,
      sourceYaml: input.yaml,
      sha256,
      uploadedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: existing ? 'standard.revise' : 'standard.publish',
      entity: 'standard',
      entityId: `${unit.code}/${standard.id}`,
      unitId: unit.id,
      before: before ? { revisionId: before.id, revision: before.revision, sha256: before.sha256 } : null,
      after: { revisionId: revision.id, revision: revision.revision, sha256 },
    });
    return { id: standard.id, revision: revision.revision, revisionId: revision.id };
  });
  clearPublicCache();
  return result;
}

export async function getUnitByCode(db: Db, code: string): Promise<UnitRow> {
  const unit = await findUnitByCode(db, code);
  if (!unit) throw new DomainError('unit.not_found', { unitCode: code });
  return unit;
}

interface Published {
  slug: string;
  inForce: repo.RevisionRow;
  revisions: repo.RevisionRow[];
}

function groupByStandard(
  rows: Array<{ standard: repo.StandardRow; revision: repo.RevisionRow }>,
  today: string,
) {
  const byId = new Map<number, { slug: string; revisions: repo.RevisionRow[] }>();
  for (const { standard, revision } of rows) {
    const entry = byId.get(standard.id) ?? { slug: standard.slug, revisions: [] };
    entry.revisions.push(revision);
    byId.set(standard.id, entry);
  }
  const out: Published[] = [];
  for (const { slug, revisions } of byId.values()) {
    const inForce = pickInForce(revisions, today);
    if (inForce) out.push({ slug, inForce, revisions });
  }
  return out;
}

function summary(p: Published) {
  const s = Standard.parse(p.inForce.content);
  return {
    id: s.id,
    name: s.name,
    division: s.division,
    timeLimit: { kind: s.delivery.timeLimit.kind, text: s.delivery.timeLimit.text },
    documentNumber: s.document.number,
    revision: s.document.revision,
    effectiveDate: s.document.effectiveDate ?? null,
  };
}

/** The offices that publish services, for the portal; one that publishes none (yet) is not listed. */
export async function listPublicUnits(db: Db) {
  const units = await listUnits(db);
  const rows = await repo.allRevisions(db);
  return units.flatMap((unit) => {
    const published = groupByStandard(
      rows.filter((r) => r.unit.id === unit.id),
      todayIn(unit.timeZone),
    );
    if (published.length === 0) return [];
    const { maklumat: _m, head: _h, letterhead: _l, ...rest } = publicUnit(unit);
    return [{ ...rest, serviceCount: published.length }];
  });
}

/** The public offices and the services each has in force, for the sitemap. */
export async function publicSitemap(db: Db) {
  const units = await listUnits(db);
  const rows = await repo.allRevisions(db);
  return units.flatMap((unit) => {
    const published = groupByStandard(
      rows.filter((r) => r.unit.id === unit.id),
      todayIn(unit.timeZone),
    );
    if (published.length === 0) return [];
    return [
      {
        code: unit.code,
        services: published.map((p) => ({ id: summary(p).id, since: summary(p).effectiveDate })),
      },
    ];
  });
}

export async function getPublicUnit(db: Db, code: string) {
  const unit = await getUnitByCode(db, code);
  const published = groupByStandard(await repo.revisionsOfUnit(db, unit.id), todayIn(unit.timeZone));
  return { unit: publicUnit(unit), services: published.map(summary) };
}

/** A unit's services with a revision in force today: their ids, slugs and contents. */
export async function servicesInForce(db: Db, unit: UnitRow) {
  const rows = await repo.revisionsOfUnit(db, unit.id);
  const idOf = new Map(rows.map((r) => [r.standard.slug, r.standard.id]));
  return Promise.all(
    groupByStandard(rows, todayIn(unit.timeZone)).map(async (p) => ({
      standardId: idOf.get(p.slug) as number,
      slug: p.slug,
      standard: await standardOfRevision(db, p.inForce.id),
    })),
  );
}

/** Parsed content of published revisions; revisions are never updated, so this never goes stale. */
const contentCache = new Map<number, Standard>();
const contentCacheSize = 500;

export async function standardOfRevision(db: Db, revisionId: number): Promise<Standard> {
  const hit = contentCache.get(revisionId);
  if (hit) return hit;
  const standard = Standard.parse(await repo.revisionContent(db, revisionId));
  if (contentCache.size >= contentCacheSize) {
    const oldest = contentCache.keys().next().value;
    if (oldest !== undefined) contentCache.delete(oldest);
  }
  contentCache.set(revisionId, standard);
  return standard;
}

/**
 * Public reads are cached in-process for a few seconds: the portal is read far more than it
 * changes. A publish here clears the cache; another instance sees it within the TTL.
 */
const publicCache = new Map<string, { at: number; value: Awaited<ReturnType<typeof loadPublicStandard>> }>();
const publicCacheMs = 10_000;

export function clearPublicCache(): void {
  publicCache.clear();
}

/** A standard as the public sees it: the revision in force, with the history of revisions. */
export async function getPublicStandard(db: Db, unitCode: string, slug: string) {
  const key = `${unitCode}/${slug}`;
  const hit = publicCache.get(key);
  if (hit && Date.now() - hit.at < publicCacheMs) return hit.value;
  const value = await loadPublicStandard(db, unitCode, slug);
  if (publicCache.size > 1_000) publicCache.clear();
  publicCache.set(key, { at: Date.now(), value });
  return value;
}

async function loadPublicStandard(db: Db, unitCode: string, slug: string) {
  const rows = await repo.unitWithRevisions(db, unitCode, slug);
  const unit = rows[0]?.unit;
  if (!unit) throw new DomainError('unit.not_found', { unitCode });
  const revisions = rows.flatMap((r) => (r.revision ? [r.revision] : []));
  const inForce = pickInForce(revisions, todayIn(unit.timeZone));
  if (!inForce) throw new DomainError('standard.not_found', { unitCode, id: slug });
  const { uploadedBy: _u, inForce: _f, ...revision } = revisionInfo(inForce, inForce);
  return {
    unit: publicUnit(unit),
    standard: await standardOfRevision(db, inForce.id),
    revision,
    revisions: revisions
      .map((r) => revisionInfo(r, inForce))
      .map(({ uploadedBy: _u2, sha256: _s, ...r }) => r)
      .reverse(),
  };
}

/** A published standard as its printable PDF, in the reader's language. */
export async function standardPdf(
  db: Db,
  unitCode: string,
  slug: string,
  lang: Language,
  publicUrl: string,
): Promise<{ fileName: string; pdf: Buffer }> {
  const { unit, standard, revision } = await getPublicStandard(db, unitCode, slug);
  const pdf = await renderStandardPdf({ unit, standard, revision, lang, publicUrl });
  return { fileName: `standar-pelayanan-${unit.code}-${standard.id}-rev${revision.revision}.pdf`, pdf };
}

/** Staff view of a unit's standards, including revisions not yet in force. */
export async function listUnitStandards(db: Db, unit: UnitRow) {
  const today = todayIn(unit.timeZone);
  const byId = new Map<number, { standard: repo.StandardRow; revisions: repo.RevisionRow[] }>();
  for (const { standard, revision } of await repo.revisionsOfUnit(db, unit.id)) {
    const entry = byId.get(standard.id) ?? { standard, revisions: [] };
    entry.revisions.push(revision);
    byId.set(standard.id, entry);
  }
  return [...byId.values()].map(({ revisions }) => {
    const inForce = pickInForce(revisions, today);
    const shown = inForce ?? revisions[0];
    const s = Standard.parse(shown?.content);
    return {
      id: s.id,
      name: s.name,
      division: s.division,
      /** Whether requests for it can be opened (its revision declares a workflow). */
      hasWorkflow: s.workflow !== undefined,
      products: s.delivery.products,
      requirements: s.delivery.requirements.items,
      intake: s.intake?.fields ?? [],
      inForce: inForce ? revisionInfo(inForce, inForce) : null,
      revisions: revisions.map((r) => revisionInfo(r, inForce)),
    };
  });
}

/** The SIPPN publication export: every unit's standards in force, with all 14 components. */
export async function sippnExport(db: Db, generatedAt = new Date()): Promise<SippnExport> {
  const units = await listUnits(db);
  const rows = await repo.allRevisions(db);
  return {
    format: 'jaring-sippn-1',
    generatedAt: generatedAt.toISOString(),
    units: units.map((unit) => {
      const published = groupByStandard(
        rows.filter((r) => r.unit.id === unit.id),
        todayIn(unit.timeZone),
      );
      return {
        unit: { code: unit.code, name: unit.name, regionCode: unit.regionCode },
        services: published.map((p) =>
          toSippnService(publicUnit(unit), Standard.parse(p.inForce.content), {
            sha256: p.inForce.sha256,
            publishedAt: p.inForce.uploadedAt.toISOString(),
          }),
        ),
      };
    }),
  };
}
