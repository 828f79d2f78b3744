import { z } from 'zod';

/**
 * The questions a standard asks at intake (issue 14, conditional requirements): how Jaring runs
 * the service, like `workflow:`, not part of the published text. A requirement's `when` names
 * one of them, and the engine asks for that paper only when the answer matches.
 */
const text = z.string().trim().min(1, 'must not be empty');
const fieldId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a field id like rawatInap');
export const IntakeFieldKinds = ['boolean', 'choice', 'text', 'number'] as const;
export type IntakeFieldKind = (typeof IntakeFieldKinds)[number];
const kindHint = `one of: ${IntakeFieldKinds.join(', ')}`;

/** One option of a `choice` field: `value` is what is stored and what `equals` names. */
export const IntakeOption = z
  .object({
    value: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)'),
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
        options: z.array(IntakeOption).min(1, 'a choice needs options'),
      })
      .strict()
      .superRefine((f, ctx) => {
        const seen = new Set<string>();
        f.options.forEach((o, i) => {
          if (seen.has(o.value)) {
            ctx.addIssue({
              code: 'custom',
              path: ['options', i, 'value'],
              message: `duplicate option "${o.value}"`,
            });
          }
          seen.add(o.value);
        });
      }),
    z.object({ ...base, kind: z.literal('text') }).strict(),
    z.object({ ...base, kind: z.literal('number') }).strict(),
  ],
  {
    error: (i) => {
      if (i.code !== 'invalid_union') return undefined;
      const kind = typeof i.input === 'object' && i.input !== null ? Reflect.get(i.input, 'kind') : undefined;
      return kind === undefined
        ? `required (${kindHint})`
        : `unknown field kind ${JSON.stringify(kind)} (${kindHint})`;
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
          message: `duplicate intake field "${f.id}" (first at fields[${at}])`,
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
