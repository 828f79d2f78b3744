import { z } from 'zod';
import { StaffRoles } from '../auth/roles.ts';
import { msg, say } from '../core/parse-language.ts';

/**
 * The letter a product of a standard is (Tata Naskah Dinas), declared beside the workflow under
 * `letters.<product id>`: its layout, its wording as mustache templates, and who signs it. A
 * product without one gets the generic surat keterangan.
 *
 * - `keterangan`: a surat keterangan; centred title and number, the body, the signature.
 * - `dinas`: a surat dinas (pengantar, rekomendasi …); Nomor, Sifat, Lampiran and Hal on the
 *   left, place and date on the right, the addressee (`Kepada Yth.`), the body, the signature.
 */
export const LetterKinds = ['keterangan', 'dinas'] as const;
export type LetterKind = (typeof LetterKinds)[number];

/** Whom a letter may be signed for (a.n.): the head of the unit. */
export const OnBehalfOf = ['kepala_dinas'] as const;

// Not trimmed: the linter's offsets point into the text as written.
const template = z
  .string()
  .refine((t) => t.trim().length > 0, msg({ id: 'tidak boleh kosong', en: 'must not be empty' }));

export const LetterTemplate = z
  .object({
    kind: z.enum(LetterKinds),
    /** The letter's title (surat keterangan) or its name in the agenda (surat dinas); default: the product's name. */
    title: template.optional(),
    /** Surat dinas only: Sifat (Biasa, Segera, Penting, Rahasia); default `Biasa`. */
    sifat: template.optional(),
    /** Surat dinas only: Lampiran; default `-`. */
    lampiran: template.optional(),
    /** Surat dinas only: Hal (perihal), required there. */
    perihal: template.optional(),
    /** Surat dinas only: `Kepada Yth. {name}`, then `di {place}` (default `Tempat`). */
    addressee: z.object({ name: template, place: template.optional() }).strict().optional(),
    /**
     * The body, a mustache template in Indonesian. Paragraphs are separated by a blank line; a
     * paragraph whose lines read `Label : value` is printed as a table; lines starting `1.`,
     * `a.` or `-` as a list. Values print as they are (no HTML escaping).
     */
    body: template,
    /** Tembusan (copies), one template each; one that renders empty is left out. */
    tembusan: z.array(template).optional(),
    /** Who signs: the role acting at the step that issues the letter, optionally a.n. the head. */
    signer: z
      .object({
        role: z.enum(StaffRoles),
        onBehalfOf: z.enum(OnBehalfOf).optional(),
      })
      .strict(),
  })
  .strict()
  .superRefine((l, ctx) => {
    if (l.kind === 'dinas') {
      if (!l.perihal)
        ctx.addIssue({
          code: 'custom',
          path: ['perihal'],
          message: say({
            id: 'surat dinas memerlukan perihal (Hal)',
            en: 'a surat dinas needs a perihal (Hal)',
          }),
        });
      if (!l.addressee)
        ctx.addIssue({
          code: 'custom',
          path: ['addressee'],
          message: say({
            id: 'surat dinas memerlukan tujuan (Kepada Yth.)',
            en: 'a surat dinas needs an addressee (Kepada Yth.)',
          }),
        });
    } else {
      for (const key of ['sifat', 'lampiran', 'perihal', 'addressee'] as const) {
        if (l[key] !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: say({
              id: `hanya surat dinas (kind: dinas) yang memiliki ${key}`,
              en: `only a surat dinas (kind: dinas) has ${key}`,
            }),
          });
      }
    }
  });
export type LetterTemplate = z.infer<typeof LetterTemplate>;

/** The template fields of a letter, as `[path below the letter, text]`, for the linter and the renderer. */
export function templateTexts(l: LetterTemplate): Array<[Array<string | number>, string]> {
  const out: Array<[Array<string | number>, string]> = [];
  const add = (path: Array<string | number>, t: string | undefined) => {
    if (t !== undefined) out.push([path, t]);
  };
  add(['title'], l.title);
  add(['sifat'], l.sifat);
  add(['lampiran'], l.lampiran);
  add(['perihal'], l.perihal);
  add(['addressee', 'name'], l.addressee?.name);
  add(['addressee', 'place'], l.addressee?.place);
  add(['body'], l.body);
  l.tembusan?.forEach((t, i) => {
    add(['tembusan', i], t);
  });
  return out;
}

/**
 * What a placeholder can name: a value, or a group of values (`applicant`, a region). The
 * renderer in `documents/letter.context.ts` builds values of exactly these shapes.
 */
export type Shape =
  | { readonly kind: 'value' }
  | { readonly kind: 'group'; readonly what?: string; readonly fields: Readonly<Record<string, Shape>> };

const value: Shape = { kind: 'value' };
const group = (fields: Record<string, Shape>, what?: string): Shape => ({
  kind: 'group',
  fields,
  ...(what ? { what } : {}),
});

/**
 * A region (field kind `region`) prints by name, never by code: `name` (`Kota Surabaya`,
 * `Provinsi Jawa Timur`), `full` (up to the province: `Kota Surabaya, Provinsi Jawa Timur`),
 * `place` (for "di …": `Surabaya`), `code` (`35.78`).
 */
export const RegionShape = group({ code: value, name: value, full: value, place: value }, 'a region');

/** An amount in rupiah: `text` (`Rp350.000`), `words` (`tiga ratus lima puluh ribu rupiah`), `value` (`350000`). */
export const RupiahShape = group({ value: value, text: value, words: value }, 'an amount in rupiah');

/** The kinds of value a workflow field or an effect's result may hold. */
export const ValueKinds = ['text', 'number', 'region', 'rupiah'] as const;
export type ValueKind = (typeof ValueKinds)[number];

export function shapeOfKind(kind: string): Shape {
  if (kind === 'region') return RegionShape;
  if (kind === 'rupiah') return RupiahShape;
  return value;
}

/** What every letter knows, whatever its standard (dates in the unit's zone, written out). */
export const fixedLetterContext: Readonly<Record<string, Shape>> = {
  applicant: group({ name: value, nik: value, phone: value }),
  case: group({ trackingCode: value, openedDate: value }),
  service: group({ name: value }),
  product: group({ id: value, name: value }),
  unit: group({ name: value, place: value, region: RegionShape }),
  letter: group({ number: value, date: value, title: value }),
  signer: group({ name: value, rank: value, nip: value, position: value }),
};

export type Shapes = Readonly<Record<string, Shape>>;

/** The names a standard's letters may use: the fixed ones, `data.*` and `effect.<module>.<name>.*`. */
export function letterContextShape(parts: {
  /** Fields recorded by the workflow's actions, by id, with their kind. */
  data: Readonly<Record<string, string>>;
  /** Fields returned by the effects the workflow names, by effect name (`relief.payout`). */
  effects: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Ids of the questions the desk asks at intake (`intake.rawatInap` prints the answer). */
  intake?: readonly string[] | undefined;
}): Shape {
  const effects: Record<string, Record<string, Shape>> = {};
  for (const [name, fields] of Object.entries(parts.effects)) {
    const [module = name, fn = ''] = name.split('.');
    effects[module] ??= {};
    effects[module][fn] = group(
      Object.fromEntries(Object.entries(fields).map(([k, kind]) => [k, shapeOfKind(kind)])),
    );
  }
  return group({
    ...fixedLetterContext,
    data: group(Object.fromEntries(Object.entries(parts.data).map(([k, kind]) => [k, shapeOfKind(kind)]))),
    effect: group(Object.fromEntries(Object.entries(effects).map(([m, fns]) => [m, group(fns)]))),
    intake: group(Object.fromEntries((parts.intake ?? []).map((id) => [id, value]))),
  });
}
