import { z } from 'zod';
import { isProcedureActor, type ProcedureActor, ProcedureActors } from '../auth/roles.ts';
import { msg, parseLanguage, say } from '../core/parse-language.ts';
import { Intake, RequirementCondition } from './intake.schema.ts';
import { equalsProblem } from './intake.ts';
import { LetterTemplate } from './letter.schema.ts';
import { Workflow } from './workflow.schema.ts';

/**
 * A Standar Pelayanan as a file (UU 25/2009 Pasal 21; PermenPAN-RB 15/2014): the 14 components in
 * two groups, `delivery` (components 1–6) and `manufacturing` (7–14). Text fields keep the
 * office's wording as published; the typed fields beside them (time limit kind, roles, product
 * references) are what the software acts on.
 *
 * Cross-field checks sit on the smallest object that holds both ends and run even when an
 * unrelated part of the file is wrong, so that one pass reports every problem.
 */

export const Slug = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    msg({ id: 'harus kebab-case (a-z, 0-9, -)', en: 'must be kebab-case (a-z, 0-9, -)' }),
  );

const text = z
  .string()
  .trim()
  .min(1, msg({ id: 'tidak boleh kosong', en: 'must not be empty' }));
const textList = z.array(text);

function isCalendarDate(value: string): boolean {
  const [y = 0, m = 0, d = 0] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date written `YYYY-MM-DD` (quoted in YAML so that it stays text). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg({ id: 'harus tanggal YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' }))
  .refine(
    isCalendarDate,
    msg((i) => ({
      id: `${JSON.stringify(i.input)} bukan tanggal yang ada di kalender`,
      en: `${JSON.stringify(i.input)} is not a calendar date`,
    })),
  );

/** NIP (Nomor Induk Pegawai): 18 digits, often printed in groups, `19660101 199803 2 005`. */
export const Nip = z.string().refine(
  (v) => /^\d{18}$/.test(v.replace(/\s/g, '')),
  msg((i) => {
    const found = typeof i.input === 'string' ? i.input.replace(/\D/g, '').length : 0;
    return { id: `NIP harus 18 angka (tertulis ${found})`, en: `NIP must have 18 digits (found ${found})` };
  }),
);

const roleHint = {
  id: `salah satu dari: ${ProcedureActors.join(', ')}`,
  en: `one of: ${ProcedureActors.join(', ')}`,
};

/** Who performs a procedure step: a staff role or an actor outside the office (`auth/roles.ts`). */
export const ProcedureRole = z
  .string(
    msg((i) =>
      i.input === undefined
        ? { id: `wajib diisi (${roleHint.id})`, en: `required (${roleHint.en})` }
        : undefined,
    ),
  )
  .refine(
    (r): r is ProcedureActor => isProcedureActor(r),
    msg((i) => ({
      id: `peran ${JSON.stringify(i.input)} tidak dikenal (${roleHint.id})`,
      en: `unknown role ${JSON.stringify(i.input)} (${roleHint.en})`,
    })),
  );

/** A named official: the complaint officer (pejabat pengelola pengaduan) or the signer. */
export const Official = z
  .object({ name: text, rank: text.optional(), nip: Nip.optional(), position: text })
  .strict();
export type Official = z.infer<typeof Official>;

export const RequirementKinds = ['document', 'condition', 'data'] as const;
export type RequirementKind = (typeof RequirementKinds)[number];

/** One item of component 1, Persyaratan. */
export const Requirement = z
  .object({
    id: Slug,
    text,
    /** document: a paper to bring or upload; condition: a fact to meet; data: a record held elsewhere. */
    kind: z.enum(RequirementKinds),
    /** Ids of the products this requirement applies to; absent = every product. */
    products: z.array(Slug).optional(),
    /** The heading the item sits under in the published list, e.g. `Komponen Kesehatan`. */
    group: text.optional(),
    /** Asked only when an intake answer holds, e.g. `{ field: rawatInap, equals: true, text: … }`. */
    when: RequirementCondition.optional(),
  })
  .strict();
export type Requirement = z.infer<typeof Requirement>;

/** One step of component 2, Sistem, Mekanisme dan Prosedur. */
export const ProcedureStep = z.object({ n: z.number().int().positive(), text, role: ProcedureRole }).strict();
export type ProcedureStep = z.infer<typeof ProcedureStep>;

export const TimeLimitKinds = ['duration', 'per_incident', 'schedule', 'cycle'] as const;
export type TimeLimitKind = (typeof TimeLimitKinds)[number];

export const CyclePeriods = ['budget_year', 'calendar_year'] as const;
export type CyclePeriod = (typeof CyclePeriods)[number];

const kindHint = {
  id: `salah satu dari: ${TimeLimitKinds.join(', ')}`,
  en: `one of: ${TimeLimitKinds.join(', ')}`,
};

/**
 * Component 3, Jangka Waktu Penyelesaian, typed by what it is (DOMAIN.md §2); `text` keeps the
 * published wording.
 * - `duration`: a clock, with exactly one of `minutes` (office minutes, `30 menit`) or
 *   `workingDays` (hari kerja). This is the SLA clock of a case.
 * - `per_incident`: at most `count` services per incident (`1 Kali kejadian`).
 * - `schedule`: `stagesPerYear` payment stages (`4 tahapan dalam setahun`), optionally in `months`.
 * - `cycle`: one round per `budget_year` (tahun anggaran) or `calendar_year` (tahun berjalan).
 */
export const TimeLimit = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('duration'),
        text,
        minutes: z.number().int().positive().optional(),
        workingDays: z.number().int().positive().optional(),
      })
      .strict()
      .refine(
        (t) => (t.minutes === undefined) !== (t.workingDays === undefined),
        msg({
          id: 'durasi memerlukan tepat satu dari minutes atau workingDays',
          en: 'a duration needs exactly one of minutes or workingDays',
        }),
      ),
    z.object({ kind: z.literal('per_incident'), text, count: z.number().int().positive() }).strict(),
    z
      .object({
        kind: z.literal('schedule'),
        text,
        stagesPerYear: z.number().int().positive().max(12),
        months: z.array(z.number().int().min(1).max(12)).optional(),
      })
      .strict()
      .superRefine((t, ctx) => {
        const months = t.months;
        if (!months) return;
        if (months.length !== t.stagesPerYear) {
          ctx.addIssue({
            code: 'custom',
            path: ['months'],
            message: say({
              id: `berisi ${months.length} bulan untuk ${t.stagesPerYear} tahap per tahun`,
              en: `lists ${months.length} month(s) for ${t.stagesPerYear} stage(s) per year`,
            }),
          });
        }
        if (months.some((m, i) => i > 0 && m <= (months[i - 1] ?? 0))) {
          ctx.addIssue({
            code: 'custom',
            path: ['months'],
            message: say({ id: 'bulan harus berurutan naik', en: 'months must be in increasing order' }),
          });
        }
      }),
    z.object({ kind: z.literal('cycle'), text, period: z.enum(CyclePeriods) }).strict(),
  ],
  msg((i) => {
    if (i.code !== 'invalid_union') return undefined;
    const kind = typeof i.input === 'object' && i.input !== null ? Reflect.get(i.input, 'kind') : undefined;
    return kind === undefined
      ? { id: `wajib diisi (${kindHint.id})`, en: `required (${kindHint.en})` }
      : {
          id: `jenis jangka waktu ${JSON.stringify(kind)} tidak dikenal (${kindHint.id})`,
          en: `unknown time limit kind ${JSON.stringify(kind)} (${kindHint.en})`,
        };
  }),
);
export type TimeLimit = z.infer<typeof TimeLimit>;

/** Component 4, Biaya/Tarif; `amount` in rupiah. */
export const Cost = z
  .object({ free: z.boolean(), text, amount: z.number().int().nonnegative().optional() })
  .strict()
  .superRefine((c, ctx) => {
    if (c.free && c.amount !== undefined && c.amount > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: say({
          id: `layanan gratis tidak dapat berbiaya Rp${c.amount} (tulis free: false, atau hapus amount)`,
          en: `a free service cannot cost Rp${c.amount} (set free: false, or remove the amount)`,
        }),
      });
    }
  });
export type Cost = z.infer<typeof Cost>;

/** One item of component 5, Produk Pelayanan. */
export const Product = z.object({ id: Slug, name: text, description: text.optional() }).strict();
export type Product = z.infer<typeof Product>;

export const ComplaintChannelKinds = [
  'in_person',
  'box',
  'phone',
  'sms_whatsapp',
  'email',
  'lapor',
  'website',
  'instagram',
  'other',
] as const;
export type ComplaintChannelKind = (typeof ComplaintChannelKinds)[number];

/** A way to complain: `label` as published, `value` the number, address or link if any. */
export const ComplaintChannel = z
  .object({ kind: z.enum(ComplaintChannelKinds), label: text, value: text.optional() })
  .strict();
export type ComplaintChannel = z.infer<typeof ComplaintChannel>;

/** Component 6, Penanganan Pengaduan, Saran dan Masukan. */
export const Complaints = z
  .object({
    intro: text.optional(),
    /** Pejabat Pengelola Pengaduan. */
    officer: Official.optional(),
    /** Petugas Pengaduan: the desk or section that receives and follows up complaints. */
    handler: text.optional(),
    channels: z.array(ComplaintChannel),
    /** Alur penanganan pengaduan, as published. */
    flow: text.optional(),
  })
  .strict();
export type Complaints = z.infer<typeof Complaints>;

/** One item of component 7, Dasar Hukum; `ref` an optional short citation or link. */
export const LegalBasis = z.object({ text, ref: text.optional() }).strict();
export type LegalBasis = z.infer<typeof LegalBasis>;

type PathPattern = ReadonlyArray<PropertyKey>;

/** The paths lie on one another (equal, or one inside the other); `'*'` matches any index. */
function overlaps(path: PathPattern, pattern: PathPattern): boolean {
  for (let i = 0; i < Math.min(path.length, pattern.length); i++) {
    const p = pattern[i];
    if (p === '*' ? typeof path[i] !== 'number' : path[i] !== p) return false;
  }
  return true;
}

/**
 * Runs a cross-field check unless a type error touches what the check reads (`reads`, their
 * parents or contents); a problem elsewhere in the file does not hide it. Issues raised by other
 * checks (`custom`) leave the data well-typed, so they do not stop it.
 */
function unlessIssuesAt(...reads: PathPattern[]) {
  return (payload: z.core.ParsePayload) =>
    !payload.issues.some(
      (issue) => issue.code !== 'custom' && reads.some((r) => overlaps(issue.path ?? [], r)),
    );
}

function duplicates<T>(values: readonly T[]): Array<{ index: number; value: T; first: number }> {
  const seen = new Map<T, number>();
  const out: Array<{ index: number; value: T; first: number }> = [];
  values.forEach((value, index) => {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else out.push({ index, value, first });
  });
  return out;
}

const Requirements = z
  .object({
    intro: text.optional(),
    items: z.array(Requirement).superRefine(
      (items, ctx) => {
        for (const d of duplicates(items.map((r) => r.id))) {
          ctx.addIssue({
            code: 'custom',
            path: [d.index, 'id'],
            message: say({
              id: `id persyaratan "${d.value}" ganda (pertama di items[${d.first}])`,
              en: `duplicate requirement id "${d.value}" (first at items[${d.first}])`,
            }),
          });
        }
      },
      { when: unlessIssuesAt(['*', 'id']) },
    ),
  })
  .strict();

const Procedure = z
  .object({
    intro: text.optional(),
    steps: z.array(ProcedureStep).superRefine(
      (steps, ctx) => {
        const repeated = new Set(duplicates(steps.map((s) => s.n)).map((d) => d.index));
        steps.forEach((step, i) => {
          if (repeated.has(i)) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'n'],
              message: say({ id: `nomor langkah ${step.n} ganda`, en: `duplicate step number ${step.n}` }),
            });
          } else if (step.n !== i + 1) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'n'],
              message: say({
                id: `langkah harus bernomor urut 1..n (seharusnya ${i + 1}, tertulis ${step.n})`,
                en: `steps must be numbered 1..n in order (expected ${i + 1}, found ${step.n})`,
              }),
            });
          }
        });
      },
      { when: unlessIssuesAt(['*', 'n']) },
    ),
  })
  .strict();

const Products = z.array(Product).superRefine(
  (products, ctx) => {
    for (const d of duplicates(products.map((p) => p.id))) {
      ctx.addIssue({
        code: 'custom',
        path: [d.index, 'id'],
        message: say({
          id: `id produk "${d.value}" ganda (pertama di products[${d.first}])`,
          en: `duplicate product id "${d.value}" (first at products[${d.first}])`,
        }),
      });
    }
  },
  { when: unlessIssuesAt(['*', 'id']) },
);

/** A. Proses Penyampaian Pelayanan (service delivery): components 1–6. */
export const Delivery = z
  .object({
    requirements: Requirements,
    procedure: Procedure,
    timeLimit: TimeLimit,
    cost: Cost,
    products: Products,
    complaints: Complaints,
  })
  .strict()
  .superRefine(
    (d, ctx) => {
      const products = new Set(d.products.map((p) => p.id));
      d.requirements.items.forEach((r, i) => {
        r.products?.forEach((p, j) => {
          if (!products.has(p)) {
            ctx.addIssue({
              code: 'custom',
              path: ['requirements', 'items', i, 'products', j],
              message: say({
                id: `produk "${p}" tidak dikenal (produk: ${[...products].join(', ') || 'tidak ada'})`,
                en: `unknown product "${p}" (products: ${[...products].join(', ') || 'none'})`,
              }),
            });
          }
        });
      });
    },
    { when: unlessIssuesAt(['requirements', 'items', '*', 'products'], ['products', '*', 'id']) },
  );
export type Delivery = z.infer<typeof Delivery>;

/** B. Proses Pengelolaan Pelayanan di Internal Organisasi (manufacturing): components 7–14. */
export const Manufacturing = z
  .object({
    legalBasis: z.array(LegalBasis),
    facilities: textList,
    competence: textList,
    oversight: textList,
    staffing: textList,
    guarantees: textList,
    safety: textList,
    evaluation: textList,
  })
  .strict();
export type Manufacturing = z.infer<typeof Manufacturing>;

export const Standard = z
  .object({
    id: Slug,
    /** Unit (office) code; also the folder the file sits in. */
    unit: Slug,
    /** Bidang / seksi that runs the service. */
    division: z.object({ code: Slug, name: text }).strict(),
    document: z
      .object({
        number: text,
        revision: text,
        revisionNote: text.optional(),
        effectiveDate: IsoDate.optional(),
        title: text.optional(),
      })
      .strict(),
    /** Jenis Pelayanan, as published. */
    name: text,
    delivery: Delivery,
    manufacturing: Manufacturing,
    signedBy: Official.optional(),
    /** How the office runs the procedure in Jaring (cases engine); absent = published only. */
    workflow: Workflow.optional(),
    /** The questions the desk asks at intake, which requirements' `when` name; not published. */
    intake: Intake.optional(),
    /** The letter of each product, by product id (not part of the published text); absent = the generic letter. */
    letters: z.record(z.string(), LetterTemplate).optional(),
  })
  .strict()
  .superRefine(
    (s, ctx) => {
      const products = s.delivery.products.map((p) => p.id);
      for (const id of Object.keys(s.letters ?? {})) {
        if (!products.includes(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['letters', id],
            message: `unknown product "${id}" (products: ${products.join(', ') || 'none'})`,
          });
        }
      }
    },
    { when: unlessIssuesAt(['delivery', 'products', '*', 'id'], ['letters']) },
  )
  .superRefine(
    (s, ctx) => {
      if (!s.workflow) return;
      const requirementIds = new Set(s.delivery.requirements.items.map((r) => r.id));
      const stepNumbers = new Set(s.delivery.procedure.steps.map((p) => p.n));
      s.workflow.steps.forEach((step, i) => {
        step.requires?.forEach((id, j) => {
          if (!requirementIds.has(id)) {
            ctx.addIssue({
              code: 'custom',
              path: ['workflow', 'steps', i, 'requires', j],
              message: say({
                id: `persyaratan "${id}" tidak dikenal (persyaratan: ${[...requirementIds].join(', ') || 'tidak ada'})`,
                en: `unknown requirement "${id}" (requirements: ${[...requirementIds].join(', ') || 'none'})`,
              }),
            });
          }
        });
        if (step.procedureStep !== undefined && !stepNumbers.has(step.procedureStep)) {
          ctx.addIssue({
            code: 'custom',
            path: ['workflow', 'steps', i, 'procedureStep'],
            message: say({
              id: `tidak ada langkah prosedur ${step.procedureStep}`,
              en: `no procedure step ${step.procedureStep}`,
            }),
          });
        }
      });
    },
    {
      when: unlessIssuesAt(
        ['delivery', 'requirements', 'items', '*', 'id'],
        ['delivery', 'procedure', 'steps', '*', 'n'],
        ['workflow'],
      ),
    },
  )
  .superRefine(
    (s, ctx) => {
      const fields = new Map((s.intake?.fields ?? []).map((f) => [f.id, f]));
      s.delivery.requirements.items.forEach((r, i) => {
        if (!r.when) return;
        const path = ['delivery', 'requirements', 'items', i, 'when'];
        const field = fields.get(r.when.field);
        if (!field) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'field'],
            message: say({
              id: `isian asupan "${r.when.field}" tidak dikenal (isian asupan: ${[...fields.keys()].join(', ') || 'tidak ada'})`,
              en: `unknown intake field "${r.when.field}" (intake fields: ${[...fields.keys()].join(', ') || 'none'})`,
            }),
          });
          return;
        }
        const problem = equalsProblem(field, r.when.equals, parseLanguage());
        if (problem) ctx.addIssue({ code: 'custom', path: [...path, 'equals'], message: problem });
      });
    },
    { when: unlessIssuesAt(['delivery', 'requirements', 'items', '*', 'when'], ['intake']) },
  )
  .superRefine(
    (s, ctx) => {
      const fields = new Map((s.intake?.fields ?? []).map((f) => [f.id, f]));
      (s.workflow?.steps ?? []).forEach((step, i) => {
        const d = step.deadline;
        if (!d) return;
        const path = ['workflow', 'steps', i, 'deadline'];
        const field = fields.get(d.intakeField);
        if (field?.kind !== 'choice') {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'intakeField'],
            message: say({
              id: `batas waktu memerlukan isian asupan pilihan; "${d.intakeField}" ${field ? `berjenis ${field.kind}` : 'tidak dikenal'}`,
              en: `a deadline needs a choice intake field; "${d.intakeField}" ${field ? `is a ${field.kind}` : 'is unknown'}`,
            }),
          });
          return;
        }
        const values = field.options.map((o) => o.value);
        const missing = values.filter((v) => d.hours[v] === undefined);
        const extra = Object.keys(d.hours).filter((v) => !values.includes(v));
        if (missing.length > 0 || extra.length > 0)
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'hours'],
            message: say({
              id: `jam untuk setiap pilihan ${d.intakeField} (${values.join(', ')})${missing.length ? `; belum ada: ${missing.join(', ')}` : ''}${extra.length ? `; bukan pilihan: ${extra.join(', ')}` : ''}`,
              en: `hours for every option of ${d.intakeField} (${values.join(', ')})${missing.length ? `; missing: ${missing.join(', ')}` : ''}${extra.length ? `; not an option: ${extra.join(', ')}` : ''}`,
            }),
          });
        if (!values.includes(d.default))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'default'],
            message: say({
              id: `"${d.default}" bukan pilihan ${d.intakeField} (${values.join(', ')})`,
              en: `"${d.default}" is not an option of ${d.intakeField} (${values.join(', ')})`,
            }),
          });
      });
    },
    { when: unlessIssuesAt(['workflow'], ['intake']) },
  );
export type Standard = z.infer<typeof Standard>;
