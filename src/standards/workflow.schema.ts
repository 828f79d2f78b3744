import { z } from 'zod';
import { StaffRoles } from '../auth/roles.ts';
import { msg, say } from '../core/parse-language.ts';

/**
 * The workflow a standard declares (issue: cases engine): the steps of its procedure that the
 * office performs in Jaring, the role acting at each, the actions available there and where
 * each leads. The first step is where a case starts.
 */
const slug = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    msg({ id: 'harus kebab-case (a-z, 0-9, -)', en: 'must be kebab-case (a-z, 0-9, -)' }),
  );
const text = z
  .string()
  .trim()
  .min(1, msg({ id: 'tidak boleh kosong', en: 'must not be empty' }));

/** Where an action leads: another step, or the end of the case. */
export const doneTarget = '$selesai';

export const WorkflowAction = z
  .object({
    id: slug,
    label: text,
    /**
     * forward: to the next step (`to`); complete: the case is done; reject: closed as refused,
     * a reason required; withdraw: closed unserved because the request is withdrawn (by the
     * applicant, or no longer needed), a reason required; return: back to the applicant for
     * completion, the case waits.
     */
    kind: z.enum(['forward', 'complete', 'reject', 'withdraw', 'return']),
    to: z.string().optional(),
    /** Form fields the officer fills when taking the action, sent as its `data`. */
    fields: z
      .array(
        z
          .object({
            id: z
              .string()
              .regex(
                /^[a-zA-Z][a-zA-Z0-9]*$/,
                msg({ id: 'id kolom seperti originCode', en: 'a field id like originCode' }),
              ),
            label: text,
            kind: z.enum(['text', 'region', 'number']),
            required: z.boolean().default(true),
          })
          .strict(),
      )
      .optional(),
    /** A named module function run in the action's transaction, e.g. `relief.payout`. */
    effect: z
      .string()
      .regex(
        /^[a-z]+\.[a-z_]+$/,
        msg({ id: 'nama efek seperti modul.nama', en: 'an effect name like module.name' }),
      )
      .optional(),
    /** Taking this action issues the case's letter: numbered in the agenda, rendered, hashed. */
    letter: z
      .object({
        /** Archival classification code that leads the number (Tata Naskah Dinas), e.g. `460`. */
        classification: text,
      })
      .strict()
      .optional(),
  })
  .strict();
export type WorkflowAction = z.infer<typeof WorkflowAction>;

/**
 * How soon the step's decision is due, counted in hours from the case's opening, by an intake
 * answer (a relief request's priority, DOMAIN.md §8): every option of that `choice` field has its
 * hours, `default` stands for a case opened without the answer, and the decision is flagged as
 * near once `warnAt` of the time has passed.
 */
export const StepDeadline = z
  .object({
    intakeField: z
      .string()
      .regex(
        /^[a-zA-Z][a-zA-Z0-9]*$/,
        msg({ id: 'id isian asupan seperti prioritas', en: 'an intake field id like priority' }),
      ),
    hours: z.record(
      slug,
      z
        .number()
        .positive(msg({ id: 'jam harus lebih dari 0', en: 'hours must be above 0' }))
        .max(8760, msg({ id: 'paling lama 8760 jam (satu tahun)', en: 'at most 8760 hours (a year)' })),
    ),
    default: slug,
    warnAt: z
      .number()
      .gt(0, msg({ id: 'antara 0 dan 1 (mis. 0.75)', en: 'between 0 and 1 (e.g. 0.75)' }))
      .lt(1, msg({ id: 'antara 0 dan 1 (mis. 0.75)', en: 'between 0 and 1 (e.g. 0.75)' }))
      .default(0.75),
  })
  .strict();
export type StepDeadline = z.infer<typeof StepDeadline>;

export const WorkflowStep = z
  .object({
    id: slug,
    label: text,
    /**
     * What the step means for the applicant on the tracking page, when its role alone says too
     * little (a workflow with several steps of one role); else the page words it by role.
     */
    publicLabel: text.optional(),
    /** The `n` of the procedure step this implements, for the public page and reports. */
    procedureStep: z.number().int().positive().optional(),
    role: z.enum(
      StaffRoles,
      msg((i) => ({
        id: `peran ${JSON.stringify(i.input)} tidak dikenal (salah satu dari: ${StaffRoles.join(', ')})`,
        en: `unknown role ${JSON.stringify(i.input)} (one of: ${StaffRoles.join(', ')})`,
      })),
    ),
    /** Requirement ids that must be present (for the case's product) before leaving this step. */
    requires: z.array(slug).optional(),
    /** When the decision taken at this step is due, by an intake answer. */
    deadline: StepDeadline.optional(),
    actions: z
      .array(WorkflowAction)
      .min(
        1,
        msg({ id: 'langkah memerlukan sedikitnya satu tindakan', en: 'a step needs at least one action' }),
      ),
  })
  .strict();
export type WorkflowStep = z.infer<typeof WorkflowStep>;

export const Workflow = z
  .object({
    /**
     * A named check a module runs in the transaction that opens a case, before anything is kept:
     * it refuses a request the office may not accept (a relief request outside an emergency).
     * Named like an effect and taken from the same list.
     */
    openingCheck: z
      .string()
      .regex(
        /^[a-z]+\.[a-z_]+$/,
        msg({ id: 'nama pemeriksaan seperti modul.nama', en: 'a check name like module.name' }),
      )
      .optional(),
    steps: z.array(WorkflowStep).min(
      1,
      msg({
        id: 'alur kerja memerlukan sedikitnya satu langkah',
        en: 'a workflow needs at least one step',
      }),
    ),
  })
  .strict()
  .superRefine((w, ctx) => {
    const ids = new Set<string>();
    w.steps.forEach((s, i) => {
      if (ids.has(s.id))
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'id'],
          message: say({ id: `id langkah "${s.id}" ganda`, en: `duplicate step id "${s.id}"` }),
        });
      ids.add(s.id);
    });
    w.steps.forEach((s, i) => {
      const actionIds = new Set<string>();
      s.actions.forEach((a, j) => {
        const path = ['steps', i, 'actions', j];
        if (actionIds.has(a.id))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'id'],
            message: say({ id: `id tindakan "${a.id}" ganda`, en: `duplicate action id "${a.id}"` }),
          });
        actionIds.add(a.id);
        if (a.kind === 'forward') {
          if (!a.to)
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'to'],
              message: say({ id: 'tindakan forward memerlukan "to"', en: 'a forward action needs "to"' }),
            });
          else if (a.to !== doneTarget && !ids.has(a.to) && !w.steps.some((x) => x.id === a.to)) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'to'],
              message: say({ id: `langkah "${a.to}" tidak dikenal`, en: `unknown step "${a.to}"` }),
            });
          }
        } else if (a.to !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'to'],
            message: say({
              id: `tindakan ${a.kind} tidak memakai "to"`,
              en: `a ${a.kind} action has no "to"`,
            }),
          });
        }
      });
    });
  });
export type Workflow = z.infer<typeof Workflow>;
