import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Official, units, users } from '../auth/auth.tables.ts';
import { todayIn } from '../core/dates.ts';
import { DomainError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import type { LetterTemplate } from '../standards/letter.schema.ts';
import { type FileStore, sha256Of } from './file-store.ts';
import { parseLetterBody } from './letter.body.ts';
import { genericLetter, type KindedValue, letterView, renderTemplate } from './letter.context.ts';
import { renderLetterPdf } from './letter.pdf.ts';
import { letterSignedScans, letters } from './letters.tables.ts';
import { formatLetterNumber, nextLetterSeq, peekLetterSeq } from './numbering.ts';

type UnitRow = typeof units.$inferSelect;
export type LetterRow = typeof letters.$inferSelect;

/** Who the letter is about, as the case engine hands it in. */
export interface LetterApplicant {
  name: string;
  nik?: string | undefined;
}

/**
 * Who signs a letter, as Tata Naskah Dinas prints the signature block: the signer's own name,
 * rank, NIP and position, and where they sign for someone else, how.
 */
export interface LetterSigner extends Official {
  /** Plt. (pelaksana tugas) or Plh. (pelaksana harian): `position` is held as acting. */
  acting?: 'Plt.' | 'Plh.' | undefined;
  /** a.n. (atas nama): the position signed for, e.g. `Kepala Dinas Sosial Kabupaten Sragen`. */
  onBehalfOf?: string | undefined;
}

export interface IssueLetterInput {
  unit: UnitRow;
  caseId: number;
  trackingCode: string;
  product: { id: string; name: string };
  serviceName: string;
  classification: string;
  applicant: LetterApplicant;
  signer: LetterSigner;
  publicUrl: string;
  now?: Date;
  /** The product's letter as its standard declares it; absent = the generic surat keterangan. */
  template?: LetterTemplate | undefined;
  /** When the case was opened, for `{{case.openedDate}}`. */
  openedAt?: Date | undefined;
  /** Fields recorded by the case's actions (merged by action order), with their kind. */
  data?: Readonly<Record<string, KindedValue>> | undefined;
  /** Results of the effects the case's actions ran, by effect name, with their kind. */
  effects?: Readonly<Record<string, Readonly<Record<string, KindedValue>>>> | undefined;
  /** The intake answers as printed, by question id. */
  intake?: Readonly<Record<string, string>> | undefined;
  /** The survey the served citizen is invited to on the last page. */
  surveyUrl?: string | undefined;
}

/** What a letter renders from: the issue's input, and the number, date and verification link it was given. */
export type LetterComposition = Pick<
  IssueLetterInput,
  | 'unit'
  | 'trackingCode'
  | 'product'
  | 'serviceName'
  | 'applicant'
  | 'signer'
  | 'template'
  | 'openedAt'
  | 'data'
  | 'effects'
  | 'intake'
  | 'surveyUrl'
>;

/** Renders a letter's templates (the generic one when the product has none) and lays out its PDF. */
export async function composeLetter(
  input: LetterComposition,
  at: { number: string; date: string; verifyUrl: string; now: Date; watermark?: string },
): Promise<{ title: string; pdf: Buffer }> {
  const { number, date, verifyUrl, now } = at;
  const template = input.template ?? genericLetter;
  const facts = {
    applicant: input.applicant,
    trackingCode: input.trackingCode,
    openedDate: todayIn(input.unit.timeZone, input.openedAt ?? now),
    serviceName: input.serviceName,
    product: input.product,
    unit: { name: input.unit.name, letterPlace: input.unit.letterPlace, regionCode: input.unit.regionCode },
    data: input.data ?? {},
    effects: input.effects ?? {},
    intake: input.intake ?? {},
  };
  const plainTitle = template.title ?? input.product.name;
  const titleView = letterView(facts, { number, date, title: plainTitle }, input.signer);
  const title = renderTemplate(plainTitle, titleView).trim() || input.product.name;
  const view = { ...titleView, letter: { ...titleView.letter, title } };
  const fill = (t: string | undefined) =>
    t === undefined ? undefined : renderTemplate(t, view).trim() || undefined;
  const pdf = await renderLetterPdf({
    unit: input.unit,
    kind: template.kind,
    title,
    number,
    place: input.unit.letterPlace || input.unit.name,
    date,
    sifat: fill(template.sifat),
    lampiran: fill(template.lampiran),
    perihal: fill(template.perihal),
    addressee: template.addressee
      ? { name: fill(template.addressee.name) ?? '', place: fill(template.addressee.place) ?? 'Tempat' }
      : undefined,
    body: parseLetterBody(renderTemplate(template.body, view)),
    tembusan: (template.tembusan ?? []).flatMap((t) => fill(t) ?? []),
    signer: input.signer,
    verifyUrl,
    surveyUrl: input.surveyUrl,
    watermark: at.watermark,
  });
  return { title, pdf };
}

/**
 * A letter as it would be issued, marked `CONTOH / PRATINJAU` on every page, for the signer to
 * read before signing: no agenda number is taken, no verification code made, nothing stored.
 */
export async function previewLetter(input: IssueLetterInput): Promise<{ title: string; pdf: Buffer }> {
  const now = input.now ?? new Date();
  return composeLetter(input, {
    number: 'PRATINJAU (nomor diberikan saat ditandatangani)',
    date: todayIn(input.unit.timeZone, now),
    verifyUrl: `${input.publicUrl.replace(/\/$/, '')}/verifikasi`,
    now,
    watermark: 'CONTOH / PRATINJAU',
  });
}

/**
 * Issues a case's letter inside the caller's transaction: takes the next agenda number,
 * renders the PDF with a QR to its verification page, stores it and records its SHA-256. The
 * letter is handed to the citizen and identifies them: it prints the full NIK (one of the few
 * places `core/privacy.ts` names); its verification page shows no personal data.
 */
export async function issueLetter(tx: Db, store: FileStore, input: IssueLetterInput): Promise<LetterRow> {
  const now = input.now ?? new Date();
  return issueNumberedLetter(
    tx,
    store,
    {
      unit: input.unit,
      caseId: input.caseId,
      product: input.product.id,
      classification: input.classification,
      signer: input.signer,
      publicUrl: input.publicUrl,
      now,
    },
    (at) => composeLetter(input, { ...at, now }),
  );
}

/**
 * A document of a case that a module lays out itself (a delivery note, a handover record), issued
 * as a letter inside the caller's transaction: the next agenda number, a verification code whose
 * page the QR opens, the PDF stored with its SHA-256. It is then a letter of the case like any
 * other: listed, downloadable, verifiable, and its signed scan uploaded back.
 */
export async function issueCaseDocument(
  tx: Db,
  store: FileStore,
  input: {
    unit: UnitRow;
    caseId: number;
    /** What kind of document it is (`surat-jalan`, `bast`), stored as the letter's product. */
    product: string;
    title: string;
    classification: string;
    signer: LetterSigner;
    publicUrl: string;
    now: Date;
    render: (at: { number: string; date: string; verifyUrl: string }) => Promise<Buffer>;
  },
): Promise<LetterRow> {
  return issueNumberedLetter(tx, store, input, async (at) => ({
    title: input.title,
    pdf: await input.render(at),
  }));
}

/**
 * Issues a letter of the unit (of a case, or of none: a complaint's decision): the unit's next
 * agenda number, a verification code whose page the
 * QR opens, the PDF laid out with both, stored, and recorded with its SHA-256.
 *
 * The counter row stays locked from the number's taking until the caller commits, and every
 * other letter of the unit waits on it; so the PDF is laid out first, for the number the counter
 * will give unless another letter takes it meanwhile (its last + 1, read without locking), and
 * the number is taken after. Only when another letter did take it is the PDF laid out again.
 */
export async function issueNumberedLetter(
  tx: Db,
  store: FileStore,
  p: {
    unit: UnitRow;
    caseId: number | null;
    product: string;
    classification: string;
    signer: LetterSigner;
    publicUrl: string;
    now: Date;
  },
  render: (at: {
    number: string;
    date: string;
    verifyUrl: string;
  }) => Promise<{ title: string; pdf: Buffer }>,
): Promise<LetterRow> {
  const date = todayIn(p.unit.timeZone, p.now);
  const year = Number(date.slice(0, 4));
  const numberOf = (seq: number) =>
    formatLetterNumber(p.unit.letterNumberFormat, {
      klasifikasi: p.classification,
      urut: seq,
      kode_unit: p.unit.letterCode,
      bulan: Number(date.slice(5, 7)),
      tahun: year,
    });
  const verificationCode = randomBytes(12).toString('base64url');
  const verifyUrl = `${p.publicUrl.replace(/\/$/, '')}/verifikasi/${verificationCode}`;
  const expected = await peekLetterSeq(tx, p.unit.id, year);
  let laidOut = await render({ number: numberOf(expected), date, verifyUrl });
  const seq = await nextLetterSeq(tx, p.unit.id, year);
  if (seq !== expected) laidOut = await render({ number: numberOf(seq), date, verifyUrl });
  const pdfSha256 = await store.put(laidOut.pdf);
  const [row] = await tx
    .insert(letters)
    .values({
      unitId: p.unit.id,
      caseId: p.caseId,
      product: p.product,
      title: laidOut.title,
      year,
      seq,
      number: numberOf(seq),
      issuedAt: p.now,
      signer: p.signer,
      verificationCode,
      pdfSha256,
    })
    .returning();
  if (!row) throw new Error('insert letters returned nothing');
  return row;
}

export async function lettersOfCase(db: Db, caseId: number): Promise<LetterRow[]> {
  return db.select().from(letters).where(eq(letters.caseId, caseId)).orderBy(letters.id);
}

/** The letters of several cases in one query, in issuing order (a page of a list). */
export async function lettersOfCases(db: Db, caseIds: readonly number[]): Promise<LetterRow[]> {
  if (caseIds.length === 0) return [];
  return db
    .select()
    .from(letters)
    .where(inArray(letters.caseId, [...caseIds]))
    .orderBy(letters.id);
}

/** The letters of a product (`bast`) issued for any of these cases of a unit, oldest first: for reports. */
export async function productLettersOfCases(
  db: Db,
  unitId: number,
  caseIds: readonly number[],
  product: string,
): Promise<Array<{ caseId: number; number: string; issuedAt: Date }>> {
  if (caseIds.length === 0) return [];
  const found = await db
    .select({ caseId: letters.caseId, number: letters.number, issuedAt: letters.issuedAt })
    .from(letters)
    .where(
      and(eq(letters.unitId, unitId), eq(letters.product, product), inArray(letters.caseId, [...caseIds])),
    )
    .orderBy(asc(letters.issuedAt), asc(letters.id));
  return found.flatMap((l) => (l.caseId === null ? [] : [{ ...l, caseId: l.caseId }]));
}

/**
 * What the public verification page shows of a letter; no personal data. A file in hand is
 * matched against the letter as issued, its current signed scan, and the scans it replaced.
 */
export async function verifyLetter(db: Db, code: string, file?: Buffer) {
  const [row] = await db.select().from(letters).where(eq(letters.verificationCode, code));
  if (!row) throw new DomainError('letter.not_found', {});
  const [unit] = await db
    .select({ name: units.name, timeZone: units.timeZone })
    .from(units)
    .where(eq(units.id, row.unitId));
  const sha = file ? sha256Of(file) : undefined;
  return {
    number: row.number,
    issuedAt: row.issuedAt.toISOString(),
    unit: unit?.name ?? '',
    // The page shows the issue time as the paper does: in the unit's zone, not the reader's.
    timeZone: unit?.timeZone ?? 'Asia/Jakarta',
    product: row.title,
    // The signer as stored when the letter was issued (the person who signed, not today's head);
    // all of it is printed on the letter itself.
    signer: signerView(row.signer),
    sha256: row.pdfSha256,
    signedSha256: row.signedSha256,
    ...(sha ? { uploadedSha256: sha, ...(await matchOf(db, row, sha)) } : {}),
  };
}

function signerView(signer: LetterSigner) {
  return {
    name: signer.name,
    position: signer.position,
    nip: signer.nip ?? null,
    rank: signer.rank ?? null,
    acting: signer.acting ?? null,
    onBehalfOf: signer.onBehalfOf ?? null,
  };
}

/** Which record of the letter a file is: `matches` only for the letter as issued or its current scan. */
async function matchOf(db: Db, letter: LetterRow, sha: string) {
  if (sha === letter.pdfSha256) return { matches: true, matched: 'issued' as const };
  if (sha === letter.signedSha256) return { matches: true, matched: 'signed' as const };
  const next = alias(letterSignedScans, 'next');
  const [replaced] = await db
    .select({ replacedAt: next.uploadedAt })
    .from(letterSignedScans)
    .innerJoin(next, eq(next.id, letterSignedScans.replacedBy))
    .where(and(eq(letterSignedScans.letterId, letter.id), eq(letterSignedScans.sha256, sha)))
    .orderBy(asc(letterSignedScans.id))
    .limit(1);
  if (replaced)
    return { matches: false, matched: 'replaced' as const, replacedAt: replaced.replacedAt.toISOString() };
  return { matches: false, matched: null };
}

export async function findLetterOfCase(db: Db, caseId: number, letterId: number): Promise<LetterRow> {
  const [row] = await db.select().from(letters).where(eq(letters.id, letterId));
  if (!row || row.caseId !== caseId) throw new DomainError('letter.not_found', { letterId });
  return row;
}

/** Every signed scan of these letters, oldest first, with who uploaded it. */
export async function signedScansOf(db: Db, letterIds: number[]) {
  if (letterIds.length === 0) return [];
  return db
    .select({
      id: letterSignedScans.id,
      letterId: letterSignedScans.letterId,
      sha256: letterSignedScans.sha256,
      uploadedAt: letterSignedScans.uploadedAt,
      uploadedBy: { id: users.id, name: users.name },
      reason: letterSignedScans.reason,
      replacedBy: letterSignedScans.replacedBy,
    })
    .from(letterSignedScans)
    .leftJoin(users, eq(users.id, letterSignedScans.uploadedBy))
    .where(inArray(letterSignedScans.letterId, letterIds))
    .orderBy(asc(letterSignedScans.id));
}

/**
 * Records a signed (scanned) letter inside the caller's transaction, so that the verification
 * page recognises it too; the scan it replaces stays in the history, marked as replaced. Who may
 * do this, and whether a reason is needed, is the caller's rule. Refused (`letter.conflict`)
 * when another scan landed since `letter` was read.
 */
export async function attachSignedLetter(
  tx: Db,
  store: FileStore,
  letter: LetterRow,
  bytes: Buffer,
  by: { userId: number; reason: string | null },
) {
  const sha256 = await store.put(bytes);
  const moved = await tx
    .update(letters)
    .set({ signedSha256: sha256 })
    .where(
      and(
        eq(letters.id, letter.id),
        letter.signedSha256 === null
          ? isNull(letters.signedSha256)
          : eq(letters.signedSha256, letter.signedSha256),
      ),
    )
    .returning({ id: letters.id });
  if (moved.length === 0) throw new DomainError('letter.conflict', { letterId: letter.id });
  const [scan] = await tx
    .insert(letterSignedScans)
    .values({ letterId: letter.id, sha256, uploadedBy: by.userId, reason: by.reason })
    .returning({ id: letterSignedScans.id });
  if (!scan) throw new Error('insert letter_signed_scans returned nothing');
  await tx
    .update(letterSignedScans)
    .set({ replacedBy: scan.id })
    .where(
      and(
        eq(letterSignedScans.letterId, letter.id),
        isNull(letterSignedScans.replacedBy),
        ne(letterSignedScans.id, scan.id),
      ),
    );
  return { sha256, scanId: scan.id };
}
