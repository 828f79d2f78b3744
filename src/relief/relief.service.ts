import { and, desc, eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/audit.service.ts';
import { units } from '../auth/auth.tables.ts';
import type { Effect } from '../cases/effects.ts';
import { formatDateLong, todayIn } from '../core/dates.ts';
import { DomainError, type Problem, problemIn, ValidationError } from '../core/errors.ts';
import { formatRupiah, rupiahInWords } from '../core/money.ts';
import { type Content, letterhead, renderPdf } from '../core/pdf.ts';
import { maskNik, maskPersonalNumbers } from '../core/privacy.ts';
import { displayName, findRegion, regionPath } from '../core/regions.ts';
import type { Db } from '../db/client.ts';
import type { FileStore } from '../documents/file-store.ts';
import type { CashBook, Claim, ClaimsPreview, LegPreview, PayoutResult } from './relief.schema.ts';
import { type DistanceClass, DistanceClasses, reliefPayouts, reliefTariffs } from './relief.tables.ts';

/** Island groups by province code, for "across islands" legs. */
const islandOf = (province: string): string => {
  const p = Number(province);
  if (p >= 11 && p <= 18) return 'sumatera';
  if (p === 19) return 'bangka-belitung';
  if (p === 21) return 'kepulauan-riau';
  if (p >= 31 && p <= 36) return 'jawa';
  if (p === 51) return 'bali';
  if (p === 52) return 'nusa-tenggara-barat';
  if (p === 53) return 'nusa-tenggara-timur';
  if (p >= 61 && p <= 65) return 'kalimantan';
  if (p >= 71 && p <= 76) return 'sulawesi';
  if (p === 81 || p === 82) return 'maluku';
  return 'papua';
};

/** The class of a leg between two regions: same province, another province, another island. */
export function distanceClass(fromCode: string, toCode: string): DistanceClass {
  const a = fromCode.slice(0, 2);
  const b = toCode.slice(0, 2);
  if (a === b) return 'dalam_provinsi';
  return islandOf(a) === islandOf(b) ? 'antar_provinsi' : 'antar_pulau';
}

export async function tariffsOf(db: Db, unitId: number): Promise<Record<DistanceClass, number | null>> {
  const rows = await db.select().from(reliefTariffs).where(eq(reliefTariffs.unitId, unitId));
  const out = { dalam_provinsi: null, antar_provinsi: null, antar_pulau: null } as Record<
    DistanceClass,
    number | null
  >;
  for (const r of rows) out[r.distanceClass] = r.amount;
  return out;
}

export async function setTariff(db: Db, unitId: number, distance: DistanceClass, amount: number) {
  await db
    .insert(reliefTariffs)
    .values({ unitId, distanceClass: distance, amount })
    .onConflictDoUpdate({ target: [reliefTariffs.unitId, reliefTariffs.distanceClass], set: { amount } });
}

/** Sets a unit's tariff for a distance class, audited with the amount it replaces. */
export async function changeTariff(
  db: Db,
  actor: Actor,
  unitId: number,
  distance: DistanceClass,
  amount: number,
): Promise<void> {
  const before = await tariffsOf(db, unitId);
  await db.transaction(async (tx) => {
    await setTariff(tx, unitId, distance, amount);
    await recordAudit(tx, actor, {
      action: 'relief.set_tariff',
      entity: 'relief_tariff',
      entityId: distance,
      before: { amount: before[distance] },
      after: { amount },
    });
  });
}

/**
 * The repeat-claim check as an officer runs it: earlier payouts to a NIK in every office, the
 * lookup audited. The officer typed the number; the answer lists other offices' payouts, masked.
 */
export async function lookUpClaims(db: Db, actor: Actor, nik: string): Promise<Claim[]> {
  const claims = await claimsByNik(db, nik);
  await recordAudit(db, actor, {
    action: 'relief.claims_lookup',
    entity: 'person',
    entityId: maskNik(nik),
    after: { found: claims.length },
  });
  return maskPersonalNumbers(claims);
}

/** The unit's cash book: its latest 500 payouts, NIKs masked, and their sum. */
export async function cashBook(db: Db, unitId: number): Promise<CashBook> {
  const rows = await db
    .select()
    .from(reliefPayouts)
    .where(eq(reliefPayouts.unitId, unitId))
    .orderBy(desc(reliefPayouts.paidAt))
    .limit(500);
  return {
    payouts: maskPersonalNumbers(
      rows.map((r) => ({
        ...r,
        originName: placeName(r.originCode),
        destinationName: placeName(r.destinationCode),
        legToName: placeName(r.legToCode),
        paidAt: r.paidAt.toISOString(),
      })),
    ),
    total: rows.reduce((n, r) => n + r.amount, 0),
  };
}

/** A payout's receipt PDF, which carries the full NIK it was paid to; only for the paying unit. */
export async function kwitansiOf(
  db: Db,
  files: FileStore,
  unitId: number,
  id: number,
): Promise<{ fileName: string; pdf: Buffer }> {
  const [row] = await db
    .select()
    .from(reliefPayouts)
    .where(and(eq(reliefPayouts.id, id), eq(reliefPayouts.unitId, unitId)));
  if (!row) throw new DomainError('relief.not_found', { id });
  return { fileName: `kwitansi-${row.id}.pdf`, pdf: await files.get(row.receiptSha256) };
}

/** Every earlier kehabisan bekal claim for a NIK, in every unit: the repeat-claim check. */
export async function claimsByNik(db: Db, nik: string) {
  const rows = await db
    .select({
      unit: units.name,
      paidAt: reliefPayouts.paidAt,
      amount: reliefPayouts.amount,
      originCode: reliefPayouts.originCode,
      destinationCode: reliefPayouts.destinationCode,
      caseId: reliefPayouts.caseId,
    })
    .from(reliefPayouts)
    .innerJoin(units, eq(units.id, reliefPayouts.unitId))
    .where(eq(reliefPayouts.nik, nik))
    .orderBy(desc(reliefPayouts.paidAt));
  return rows.map((r) => ({
    ...r,
    originName: placeName(r.originCode),
    destinationName: placeName(r.destinationCode),
    paidAt: r.paidAt.toISOString(),
  }));
}

/** A region's name as a page shows it (`Kota Surabaya`); the code itself if it is unknown. */
function placeName(code: string): string {
  const region = findRegion(code);
  return region ? displayName(region) : code;
}

function regency(code: unknown, path: string, problems: Problem[]): string {
  if (typeof code !== 'string' || !findRegion(code) || code.split('.').length < 2) {
    problems.push(
      problemIn(path, {
        id: `kode wilayah kabupaten/kota tidak dikenal: ${JSON.stringify(code ?? null)}`,
        en: `unknown regency/city region code: ${JSON.stringify(code ?? null)}`,
      }),
    );
    return '';
  }
  return code.split('.').slice(0, 2).join('.');
}

const regionName = (code: string) =>
  regionPath(code)
    .slice(0, 2)
    .reverse()
    .map((r) => r.name)
    .join(', ');

/** A regency as the officer reads it on screen: `Kabupaten Sragen, Jawa Tengah`. */
const regionLabel = (code: string) => regionPath(code).slice(0, 2).reverse().map(displayName).join(', ');

/** The unit a case belongs to, as the leg's start: its id, name and region. */
async function unitOf(db: Db, unitId: number) {
  const [unit] = await db
    .select({ id: units.id, regionCode: units.regionCode })
    .from(units)
    .where(eq(units.id, unitId));
  if (!unit) throw new DomainError('relief.not_found', { id: unitId });
  return unit;
}

/**
 * The leg a payout pays for the form's data: from this office to `legToCode` (the destination,
 * or the next relay office on the way), its distance class and the unit's tariff for it.
 */
async function quoteLeg(db: Db, unit: { id: number; regionCode: string }, data: Record<string, unknown>) {
  const problems: Problem[] = [];
  const origin = regency(data.originCode, 'data.originCode', problems);
  const destination = regency(data.destinationCode, 'data.destinationCode', problems);
  const legTo = regency(data.legToCode || data.destinationCode, 'data.legToCode', problems);
  if (problems.length > 0) throw new ValidationError('relief.invalid', problems);
  const cls = distanceClass(unit.regionCode, legTo);
  const [tariff] = await db
    .select()
    .from(reliefTariffs)
    .where(and(eq(reliefTariffs.unitId, unit.id), eq(reliefTariffs.distanceClass, cls)));
  if (!tariff) throw new DomainError('relief.no_tariff', { distanceClass: cls });
  return { origin, destination, legTo, cls, amount: tariff.amount };
}

const maxRepeatReason = 500;

/**
 * Why a repeat claimant is paid again (DOMAIN.md §7: "modus habis bekal"): required when the
 * NIK was paid before, in any office, and kept with the payout's result and its audit entry.
 */
async function repeatReasonOf(db: Db, nik: string | undefined, data: Record<string, unknown>) {
  const earlier = nik ? await claimsByNik(db, nik) : [];
  if (earlier.length === 0) return undefined;
  const reason = typeof data.repeatReason === 'string' ? data.repeatReason.trim() : '';
  if (reason.length < 5) throw new DomainError('relief.repeat_reason_required', { claims: earlier.length });
  if (reason.length > maxRepeatReason) {
    throw new ValidationError('relief.invalid', [
      problemIn('data.repeatReason', {
        id: `alasan paling panjang ${maxRepeatReason} karakter`,
        en: `the reason may be at most ${maxRepeatReason} characters`,
      }),
    ]);
  }
  return { reason, earlier: earlier.length };
}

/**
 * The payout effect of Kehabisan Bekal: pays the leg (see `quoteLeg`) at the unit's tariff for
 * its distance class, writes the cash book and the receipt (kwitansi) the traveller signs. A
 * repeat claimant is paid only with a reason.
 */
const payout: Effect['run'] = async (tx, { ctx, caseRow, data, files }) => {
  const { origin, destination, legTo, cls, amount } = await quoteLeg(tx, ctx.unit, data);
  const repeat = await repeatReasonOf(tx, caseRow.applicant.nik, data);
  const paidAt = new Date();
  const receipt = await renderKwitansi({
    unit: ctx.unit,
    number: `KW/${caseRow.trackingCode}`,
    name: caseRow.applicant.name,
    nik: caseRow.applicant.nik ?? null,
    amount,
    purpose: `Bantuan transportasi kehabisan bekal dari ${regionName(origin)} menuju ${regionName(legTo)} (tujuan akhir ${regionName(destination)})`,
    place: ctx.unit.letterPlace || ctx.unit.name,
    date: todayIn(ctx.unit.timeZone, paidAt),
    officer: { name: ctx.user.name, position: ctx.user.position ?? '', nip: ctx.user.nip },
  });
  const receiptSha256 = await files.put(receipt);
  const [row] = await tx
    .insert(reliefPayouts)
    .values({
      unitId: ctx.unit.id,
      caseId: caseRow.id,
      nik: caseRow.applicant.nik ?? null,
      name: caseRow.applicant.name,
      originCode: origin,
      destinationCode: destination,
      legToCode: legTo,
      distanceClass: cls,
      amount,
      paidAt,
      paidBy: ctx.user.id,
      receiptSha256,
    })
    .returning();
  const result: PayoutResult = {
    payoutId: row?.id,
    amount,
    distanceClass: cls,
    legToCode: legTo,
    receiptSha256,
    ...(repeat ? { repeatReason: repeat.reason, earlierClaims: repeat.earlier } : {}),
  };
  return result;
};

/** What the payout would return for the form's data, writing nothing: for the letter preview. */
const payoutSimulation: NonNullable<Effect['simulate']> = async (db, { ctx, data }) => {
  const { amount, cls, legTo } = await quoteLeg(db, ctx.unit, data);
  return { amount, distanceClass: cls, legToCode: legTo };
};

/**
 * The repeat-claim check, shown before the payout (DOMAIN.md §7: "modus habis bekal"); with
 * the form's data, the leg that would be paid: its amount, distance class and regions by name.
 */
const payoutPreview: NonNullable<Effect['preview']> = async (db, caseRow, data) => {
  const nik = caseRow.applicant.nik;
  const preview: ClaimsPreview = {
    kind: 'relief.claims',
    nik: nik ? maskNik(nik) : null,
    claims: nik ? (await claimsByNik(db, nik)).map(namedClaim) : [],
    tariffs: await tariffsOf(db, caseRow.unitId),
    leg: data ? await legPreview(db, caseRow.unitId, data) : null,
  };
  return preview;
};

/** The leg the form's data would pay, or why it cannot be paid yet. */
async function legPreview(db: Db, unitId: number, data: Record<string, unknown>): Promise<LegPreview> {
  const unit = await unitOf(db, unitId);
  try {
    const q = await quoteLeg(db, unit, data);
    return {
      amount: q.amount,
      distanceClass: q.cls,
      from: regionLabel(unit.regionCode),
      to: regionLabel(q.legTo),
      destination: regionLabel(q.destination),
      origin: regionLabel(q.origin),
      problem: null,
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return {
      amount: null,
      distanceClass: null,
      from: regionLabel(unit.regionCode),
      to: null,
      destination: null,
      origin: null,
      problem: error.code,
    };
  }
}

/** An earlier claim with its regions by name, for the officer to read. */
const namedClaim = (c: Awaited<ReturnType<typeof claimsByNik>>[number]) => ({
  ...c,
  originName: regionLabel(c.originCode),
  destinationName: regionLabel(c.destinationCode),
});

/** The workflow effects of Kehabisan Bekal, for the composition root to hand to the case engine. */
export const reliefEffects: Effect[] = [
  {
    name: 'relief.payout',
    run: payout,
    preview: payoutPreview,
    simulate: payoutSimulation,
    // For the cover letter: what was paid, and to which office the leg paid goes.
    returns: { amount: 'rupiah', legToCode: 'region' },
  },
];

export { DistanceClasses };

interface Kwitansi {
  unit: { name: string; letterhead: string[] };
  number: string;
  name: string;
  nik: string | null;
  amount: number;
  purpose: string;
  place: string;
  date: string;
  officer: { name: string; position: string; nip: string | null };
}

/**
 * The receipt (kwitansi) for a cash payout, in figures and in words, signed by the traveller. It
 * identifies the traveller, so it prints the full NIK (one of the places `core/privacy.ts` names).
 */
export async function renderKwitansi(k: Kwitansi): Promise<Buffer> {
  const row = (label: string, value: Content): Content[] => [{ text: label }, { text: ':' }, value];
  return renderPdf({
    language: 'id',
    info: { title: `Kwitansi ${k.number}`, author: k.unit.name },
    pageSize: 'A5',
    pageOrientation: 'landscape',
    pageMargins: [36, 28, 36, 28],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    content: [
      ...letterhead(k.unit, 523),
      { text: 'KWITANSI', alignment: 'center', bold: true, fontSize: 14, decoration: 'underline' },
      { text: `No. ${k.number}`, alignment: 'center', margin: [0, 0, 0, 10] },
      {
        table: {
          widths: [110, 8, '*'],
          body: [
            row('Telah terima dari', { text: k.unit.name }),
            row('Uang sejumlah', { text: `${rupiahInWords(k.amount)}`, italics: true, bold: true }),
            row('Untuk pembayaran', { text: k.purpose }),
            row('Nama penerima', { text: `${k.name}${k.nik ? ` (NIK ${k.nik})` : ' (tanpa KTP)'}` }),
          ],
        },
        layout: 'noBorders',
      },
      {
        columns: [
          {
            width: 200,
            stack: [
              {
                table: {
                  body: [[{ text: formatRupiah(k.amount), bold: true, fontSize: 14, margin: [8, 4, 8, 4] }]],
                },
              },
            ],
            margin: [0, 14, 0, 0],
          },
          {
            width: '*',
            alignment: 'center',
            stack: [
              { text: 'Yang menyerahkan,' },
              { text: k.officer.position, fontSize: 8, margin: [0, 0, 0, 36] },
              { text: k.officer.name, bold: true, decoration: 'underline' },
              ...(k.officer.nip ? [{ text: `NIP ${k.officer.nip}`, fontSize: 8 }] : []),
            ],
          },
          {
            width: '*',
            alignment: 'center',
            stack: [
              { text: `${k.place}, ${formatDateLong(k.date)}` },
              { text: 'Yang menerima,', margin: [0, 0, 0, 36] },
              { text: k.name, bold: true, decoration: 'underline' },
            ],
          },
        ],
        margin: [0, 10, 0, 0],
      },
    ],
  });
}
