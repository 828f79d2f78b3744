import { z } from 'zod';
import { ProcedureActors } from '../auth/roles.ts';
import { Workflow } from '../cases/workflow.schema.ts';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)');
const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const textList = z.array(text);

const role = z.string().refine((r) => (ProcedureActors as readonly string[]).includes(r), {
  error: (issue) => `unknown role ${JSON.stringify(issue.input)} (one of: ${ProcedureActors.join(', ')})`,
});

const nip = z.string().refine((v) => /^\d{18}$/.test(v.replace(/\s/g, '')), 'NIP must have 18 digits');

export const Official = z
  .object({ name: text, rank: text.optional(), nip: nip.optional(), position: text })
  .strict();

export const Requirement = z
  .object({
    id: slug,
    text,
    kind: z.enum(['document', 'condition', 'data']),
    /** Products this requirement applies to; absent = all products. */
    products: z.array(slug).optional(),
    group: text.optional(),
  })
  .strict();

export const ProcedureStep = z.object({ n: z.number().int().positive(), text, role }).strict();

/**
 * The time limit, typed by what it is (DOMAIN.md §2): a duration in office minutes or working
 * days; a limit per incident; a payment schedule; a cycle (budget or calendar year).
 * `text` keeps the wording as published.
 */
export const TimeLimit = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('duration'),
      text,
      minutes: z.number().int().positive().optional(),
      workingDays: z.number().int().positive().optional(),
    })
    .strict()
    .refine((t) => (t.minutes === undefined) !== (t.workingDays === undefined), {
      message: 'a duration needs exactly one of minutes or workingDays',
    }),
  z.object({ kind: z.literal('per_incident'), text, count: z.number().int().positive() }).strict(),
  z
    .object({
      kind: z.literal('schedule'),
      text,
      stagesPerYear: z.number().int().positive(),
      months: z.array(z.number().int().min(1).max(12)).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('cycle'), text, period: z.enum(['budget_year', 'calendar_year']) }).strict(),
]);
export type TimeLimit = z.infer<typeof TimeLimit>;

export const ComplaintChannel = z
  .object({
    kind: z.enum([
      'in_person',
      'box',
      'phone',
      'sms_whatsapp',
      'email',
      'lapor',
      'website',
      'instagram',
      'other',
    ]),
    label: text,
    value: text.optional(),
  })
  .strict();

export const Standard = z
  .object({
    id: slug,
    unit: slug,
    division: z.object({ code: slug, name: text }).strict(),
    document: z
      .object({
        number: text,
        revision: text,
        revisionNote: text.optional(),
        effectiveDate: isoDate.optional(),
        title: text.optional(),
      })
      .strict(),
    name: text,
    delivery: z
      .object({
        requirements: z.object({ intro: text.optional(), items: z.array(Requirement) }).strict(),
        procedure: z.object({ intro: text.optional(), steps: z.array(ProcedureStep) }).strict(),
        timeLimit: TimeLimit,
        cost: z
          .object({ free: z.boolean(), text, amount: z.number().int().nonnegative().optional() })
          .strict(),
        products: z.array(z.object({ id: slug, name: text, description: text.optional() }).strict()),
        complaints: z
          .object({
            intro: text.optional(),
            officer: Official.optional(),
            handler: text.optional(),
            channels: z.array(ComplaintChannel),
            flow: text.optional(),
          })
          .strict(),
      })
      .strict(),
    manufacturing: z
      .object({
        legalBasis: z.array(z.object({ text, ref: text.optional() }).strict()),
        facilities: textList,
        competence: textList,
        oversight: textList,
        staffing: textList,
        guarantees: textList,
        safety: textList,
        evaluation: textList,
      })
      .strict(),
    signedBy: Official.optional(),
    /** How the office runs the procedure in Jaring (cases engine); absent = published only. */
    workflow: Workflow.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const requirementIds = new Set(s.delivery.requirements.items.map((r) => r.id));
    s.workflow?.steps.forEach((step, i) => {
      step.requires?.forEach((id, j) => {
        if (!requirementIds.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['workflow', 'steps', i, 'requires', j],
            message: `unknown requirement "${id}" (requirements: ${[...requirementIds].join(', ')})`,
          });
        }
      });
      if (
        step.procedureStep !== undefined &&
        !s.delivery.procedure.steps.some((p) => p.n === step.procedureStep)
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['workflow', 'steps', i, 'procedureStep'],
          message: `no procedure step ${step.procedureStep}`,
        });
      }
    });
    s.delivery.procedure.steps.forEach((step, i) => {
      if (step.n !== i + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['delivery', 'procedure', 'steps', i, 'n'],
          message: `steps must be numbered 1..n in order (expected ${i + 1}, found ${step.n})`,
        });
      }
    });
    const seen = new Set<string>();
    s.delivery.requirements.items.forEach((r, i) => {
      if (seen.has(r.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['delivery', 'requirements', 'items', i, 'id'],
          message: `duplicate requirement id "${r.id}"`,
        });
      }
      seen.add(r.id);
    });
    const products = new Set<string>();
    s.delivery.products.forEach((p, i) => {
      if (products.has(p.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['delivery', 'products', i, 'id'],
          message: `duplicate product id "${p.id}"`,
        });
      }
      products.add(p.id);
    });
    s.delivery.requirements.items.forEach((r, i) => {
      r.products?.forEach((p, j) => {
        if (!products.has(p)) {
          ctx.addIssue({
            code: 'custom',
            path: ['delivery', 'requirements', 'items', i, 'products', j],
            message: `unknown product "${p}" (products: ${[...products].join(', ') || 'none'})`,
          });
        }
      });
    });
  });
export type Standard = z.infer<typeof Standard>;
