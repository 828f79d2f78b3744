import { z } from 'zod';
import { msg, say } from '../core/parse-language.ts';

/**
 * The questions a standard asks at intake (issue 14, conditional requirements): how Jaring runs
 * the service, like `workflow:`, not part of the published text. A requirement's `when` names
 * one of them, and the engine asks for that paper only when the answer matches.
 */
const text = z
  .string()
  .trim()
  .min(1, msg({ id: 'tidak boleh kosong', en: 'must not be empty' }));
const fieldId = z
  .string()
  .regex(
    /^[a-zA-Z][a-zA-Z0-9]*$/,
    msg({ id: 'id isian seperti rawatInap', en: 'a field id like rawatInap' }),
  );
/** `region`: a Kemendagri code (`36.02`, `36.02.01`), e.g. the area a relief request is for. */
export const IntakeFieldKinds = ['boolean', 'choice', 'text', 'number', 'region'] as const;
export type IntakeFieldKind = (typeof IntakeFieldKinds)[number];
const kinds = IntakeFieldKinds.join(', ');
const kindHint = `one of: ${kinds}`;

/** One option of a `choice` field: `value` is what is stored and what `equals` names. */
export const IntakeOption = z
  .object({
    value: z
      .string()
      .regex(
        /^[a-z0-9]+(-[a-z0-9]+)*$/,
        msg({ id: 'harus kebab-case (a-z, 0-9, -)', en: 'must be kebab-case (a-z, 0-9, -)' }),
      ),
    label: text,
  })
  .strict();

const base = { id: fieldId, label: text, required: z.boolean().default(true) };

export const IntakeField = z.discriminatedUnion(
  'kind',
  [
    z.object({ ...base, kind: z.literal('boolean') }).strict(),
    z
      .object({
        ...base,
        kind: z.literal('choice'),
        options: z
          .array(IntakeOption)
          .min(1, msg({ id: 'isian pilihan memerlukan opsi', en: 'a choice needs options' })),
      })
      .strict()
      .superRefine((f, ctx) => {
        const seen = new Set<string>();
        f.options.forEach((o, i) => {
          if (seen.has(o.value)) {
            ctx.addIssue({
              code: 'custom',
              path: ['options', i, 'value'],
              message: say({ id: `pilihan "${o.value}" ganda`, en: `duplicate option "${o.value}"` }),
            });
          }
          seen.add(o.value);
        });
      }),
    z.object({ ...base, kind: z.literal('text') }).strict(),
    z.object({ ...base, kind: z.literal('number') }).strict(),
    z.object({ ...base, kind: z.literal('region') }).strict(),
  ],
  {
    error: (i) => {
      if (i.code !== 'invalid_union') return undefined;
      const kind = typeof i.input === 'object' && i.input !== null ? Reflect.get(i.input, 'kind') : undefined;
      return kind === undefined
        ? say({ id: `wajib diisi (salah satu dari: ${kinds})`, en: `required (${kindHint})` })
        : say({
            id: `jenis isian ${JSON.stringify(kind)} tidak dikenal (salah satu dari: ${kinds})`,
            en: `unknown field kind ${JSON.stringify(kind)} (${kindHint})`,
          });
    },
  },
);
export type IntakeField = z.infer<typeof IntakeField>;

export const Intake = z
  .object({ fields: z.array(IntakeField) })
  .strict()
  .superRefine((intake, ctx) => {
    const first = new Map<string, number>();
    intake.fields.forEach((f, i) => {
      const at = first.get(f.id);
      if (at !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'id'],
          message: say({
            id: `isian asupan "${f.id}" ganda (pertama di fields[${at}])`,
            en: `duplicate intake field "${f.id}" (first at fields[${at}])`,
          }),
        });
      } else first.set(f.id, i);
    });
  });
export type Intake = z.infer<typeof Intake>;

/**
 * When a requirement applies: the intake answer `field` equals `equals`. `text` is the condition
 * as published, printed with the requirement ("khusus pasien rawat inap").
 */
export const RequirementCondition = z
  .object({ field: fieldId, equals: z.union([z.boolean(), z.string(), z.number()]), text })
  .strict();
export type RequirementCondition = z.infer<typeof RequirementCondition>;
