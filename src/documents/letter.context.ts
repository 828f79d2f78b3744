import Mustache from 'mustache';
import { formatDateLong } from '../core/dates.ts';
import { formatRupiah, rupiahInWords } from '../core/money.ts';
import { displayName, type Region, regionPath } from '../core/regions.ts';
import type { LetterTemplate } from '../standards/letter.schema.ts';

/** A recorded value with the kind of field that recorded it (`text`, `number`, `region`, `rupiah`). */
export interface KindedValue {
  kind: string;
  value: unknown;
}

/** What a letter's placeholders are filled from; plain values, as the case engine hands them in. */
export interface LetterFacts {
  applicant: { name: string; nik?: string | undefined; phone?: string | undefined };
  trackingCode: string;
  /** YYYY-MM-DD in the unit's zone. */
  openedDate: string;
  serviceName: string;
  product: { id: string; name: string };
  unit: { name: string; letterPlace: string; regionCode: string };
  /** Fields recorded by the case's actions, later actions over earlier ones. */
  data: Readonly<Record<string, KindedValue>>;
  /** Results of the effects the case's actions ran, by effect name (`relief.payout`). */
  effects: Readonly<Record<string, Readonly<Record<string, KindedValue>>>>;
  /** The intake answers as printed (`Ya`, an option's label), by question id. */
  intake?: Readonly<Record<string, string>> | undefined;
}

const prefixes = /^(Kabupaten|Kota Administrasi|Kota Adm\.|Kota|Provinsi)\s+/i;

function regionName(r: Region): string {
  const name = displayName(r);
  return r.level === 'province' && !/^(Provinsi|Daerah|DKI|DI)\b/.test(name) ? `Provinsi ${name}` : name;
}

/** A region as a letter prints it (see `RegionShape`); undefined for an unknown code. */
export function regionValue(code: string) {
  const path = regionPath(code);
  const self = path.at(-1);
  if (!self) return undefined;
  return {
    code: self.code,
    name: regionName(self),
    full: path.map(regionName).reverse().join(', '),
    place: displayName(self).replace(prefixes, ''),
  };
}

function letterValue({ kind, value }: KindedValue): unknown {
  if (value === undefined || value === null || String(value).trim() === '') return undefined;
  if (kind === 'region') return regionValue(String(value));
  if (kind === 'rupiah' && Number.isSafeInteger(Number(value))) {
    const n = Number(value);
    return { value: String(n), text: formatRupiah(n), words: rupiahInWords(n) };
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function valuesOf(fields: Readonly<Record<string, KindedValue>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, letterValue(v)]));
}

/** The view a letter's templates render with; the same names as `letterContextShape`. */
export function letterView(
  facts: LetterFacts,
  letter: { number: string; date: string; title: string },
  signer: { name: string; rank?: string | undefined; nip?: string | undefined; position: string },
) {
  const effect: Record<string, Record<string, unknown>> = {};
  for (const [name, fields] of Object.entries(facts.effects)) {
    const [module = name, fn = ''] = name.split('.');
    effect[module] ??= {};
    effect[module][fn] = valuesOf(fields);
  }
  return {
    applicant: { name: facts.applicant.name, nik: facts.applicant.nik, phone: facts.applicant.phone },
    case: { trackingCode: facts.trackingCode, openedDate: formatDateLong(facts.openedDate, 'id') },
    service: { name: facts.serviceName },
    product: facts.product,
    unit: {
      name: facts.unit.name,
      place: facts.unit.letterPlace || facts.unit.name,
      region: regionValue(facts.unit.regionCode),
    },
    letter: { number: letter.number, date: formatDateLong(letter.date, 'id'), title: letter.title },
    signer: { name: signer.name, rank: signer.rank, nip: signer.nip, position: signer.position },
    data: valuesOf(facts.data),
    effect,
    intake: facts.intake ?? {},
  };
}

/** Renders one template: no HTML escaping; a value's line breaks become spaces so it cannot change the layout. */
export function renderTemplate(template: string, view: object): string {
  return Mustache.render(template, view, {}, { escape: (v: unknown) => String(v).replace(/\s*\n\s*/g, ' ') });
}

/** The letter every product without its own gets: a surat keterangan that says what was served. */
export const genericLetter: LetterTemplate = {
  kind: 'keterangan',
  body: `Yang bertanda tangan di bawah ini menerangkan dengan sebenarnya bahwa:

Nama             : {{applicant.name}}
{{#applicant.nik}}
NIK              : {{applicant.nik}}
{{/applicant.nik}}
Nomor permohonan : {{case.trackingCode}}
Tanggal permohonan : {{case.openedDate}}

telah mengajukan permohonan {{product.name}} kepada {{unit.name}}, dan permohonan tersebut telah diselesaikan sesuai Standar Pelayanan {{service.name}}.

Demikian surat keterangan ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.`,
  signer: { role: 'kepala_dinas' },
};
