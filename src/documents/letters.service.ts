import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Official, units } from '../auth/auth.tables.ts';
import type { Applicant } from '../cases/cases.tables.ts';
import { todayIn } from '../core/dates.ts';
import { DomainError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import { type FileStore, sha256Of } from './file-store.ts';
import { renderLetterPdf } from './letter.pdf.ts';
import { letters } from './letters.tables.ts';
import { formatLetterNumber, nextLetterSeq } from './numbering.ts';

type UnitRow = typeof units.$inferSelect;
export type LetterRow = typeof letters.$inferSelect;

export interface IssueLetterInput {
  unit: UnitRow;
  caseId: number;
  trackingCode: string;
  product: { id: string; name: string };
  serviceName: string;
  classification: string;
  applicant: Applicant;
  signer: Official;
  publicUrl: string;
  now?: Date;
}

/**
 * Issues a case's letter inside the caller's transaction: takes the next agenda number,
 * renders the PDF with a QR to its verification page, stores it and records its SHA-256. The
 * letter is handed to the citizen and identifies them: it prints the full NIK (one of the few
 * places `core/privacy.ts` names); its verification page shows no personal data.
 */
export async function issueLetter(tx: Db, store: FileStore, input: IssueLetterInput): Promise<LetterRow> {
  const now = input.now ?? new Date();
  const date = todayIn(input.unit.timeZone, now);
  const year = Number(date.slice(0, 4));
  const seq = await nextLetterSeq(tx, input.unit.id, year);
  const number = formatLetterNumber(input.unit.letterNumberFormat, {
    klasifikasi: input.classification,
    urut: seq,
    kode_unit: input.unit.letterCode,
    bulan: Number(date.slice(5, 7)),
    tahun: year,
  });
  const verificationCode = randomBytes(12).toString('base64url');
  const verifyUrl = `${input.publicUrl.replace(/\/$/, '')}/verifikasi/${verificationCode}`;
  const pdf = await renderLetterPdf({
    unit: input.unit,
    title: input.product.name,
    number,
    place: input.unit.letterPlace || input.unit.name,
    date,
    opening: `Yang bertanda tangan di bawah ini, ${input.signer.position} ${input.unit.name}, menerangkan bahwa:`,
    fields: [
      ['Nama', input.applicant.name],
      ...(input.applicant.nik ? ([['NIK', input.applicant.nik]] as Array<[string, string]>) : []),
      ['Layanan', input.serviceName],
      ['Nomor permohonan', input.trackingCode],
    ],
    closing: [
      `telah memperoleh pelayanan "${input.serviceName}" dan kepadanya diberikan ${input.product.name}.`,
      'Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya.',
    ],
    signer: input.signer,
    verifyUrl,
  });
  const pdfSha256 = await store.put(pdf);
  const [row] = await tx
    .insert(letters)
    .values({
      unitId: input.unit.id,
      caseId: input.caseId,
      product: input.product.id,
      title: input.product.name,
      year,
      seq,
      number,
      issuedAt: now,
      signer: input.signer,
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

/** What the public verification page shows of a letter; no personal data. */
export async function verifyLetter(db: Db, code: string, file?: Buffer) {
  const [row] = await db.select().from(letters).where(eq(letters.verificationCode, code));
  if (!row) throw new DomainError('letter.not_found', {});
  const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, row.unitId));
  const sha = file ? sha256Of(file) : undefined;
  return {
    number: row.number,
    issuedAt: row.issuedAt.toISOString(),
    unit: unit?.name ?? '',
    product: row.title,
    // The signer's name, position and NIP are printed on the letter itself.
    signer: { name: row.signer.name, position: row.signer.position, nip: row.signer.nip ?? null },
    sha256: row.pdfSha256,
    signedSha256: row.signedSha256,
    ...(sha ? { uploadedSha256: sha, matches: sha === row.pdfSha256 || sha === row.signedSha256 } : {}),
  };
}

export async function findLetterOfCase(db: Db, caseId: number, letterId: number): Promise<LetterRow> {
  const [row] = await db.select().from(letters).where(eq(letters.id, letterId));
  if (!row || row.caseId !== caseId) throw new DomainError('letter.not_found', { letterId });
  return row;
}

/** Records the signed (scanned) letter, so that the verification page recognises it too. */
export async function attachSignedLetter(db: Db, store: FileStore, letter: LetterRow, bytes: Buffer) {
  const sha256 = await store.put(bytes);
  await db.update(letters).set({ signedSha256: sha256 }).where(eq(letters.id, letter.id));
  return sha256;
}
