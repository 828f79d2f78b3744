import { z } from 'zod';

const Bilingual = z.object({ id: z.string(), en: z.string() });
const UnsurId = z.enum(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9']);
const Score = z.number().int().min(1).max(4);

/** The respondent profile of the regulation's form; each item is optional to the respondent. */
export const Educations = ['sd', 'smp', 'sma', 'diploma', 's1', 's2'] as const;
export const Occupations = ['pns', 'tni', 'polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya'] as const;

export const Questionnaire = z.object({
  unsur: z.array(
    z.object({ id: UnsurId, name: Bilingual, question: Bilingual, answers: z.array(Bilingual).length(4) }),
  ),
  educations: z.array(z.object({ id: z.enum(Educations), label: Bilingual })),
  occupations: z.array(z.object({ id: z.enum(Occupations), label: Bilingual })),
  /** The answers a–d of a unit's own scale question, and of a yes/no question. */
  scale: z.array(z.object({ id: z.enum(['a', 'b', 'c', 'd']), label: Bilingual })).length(4),
  yesNo: z.array(z.object({ id: z.enum(['yes', 'no']), label: Bilingual })).length(2),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

export const SurveyTokenParams = z.object({ token: z.string().min(1).max(40) });
export const TrackCodeParams = z.object({ code: z.string().min(1).max(20) });

/** The survey token of a closed case, for the tracking page's link. */
export const TrackSurveyLink = z.object({ token: z.string() });
export type TrackSurveyLink = z.infer<typeof TrackSurveyLink>;

export const SurveyUnitParams = z.object({ unit: z.string().min(1).max(40) });

export const QuestionKind = z.enum(['scale', 'yes_no', 'text']);
/** A question's text in Indonesian, with an English one when the unit wrote it. */
const QuestionText = z.object({ id: z.string(), en: z.string().nullable() });

/** A unit's own question as a respondent sees it, after U1–U9 and the profile. */
export const UnitQuestion = z.object({
  id: z.number(),
  text: QuestionText,
  kind: QuestionKind,
  optional: z.boolean(),
});
export type UnitQuestion = z.infer<typeof UnitQuestion>;

/** The longest answer to a unit's short-text question. */
export const extraTextMax = 200;

/** What a respondent sees before answering, reached by the token of a served case. */
export const SurveyForm = z.object({
  unit: z.string(),
  service: z.string(),
  /** The case is not closed yet: the survey opens when the service is done. */
  closed: z.boolean(),
  answered: z.boolean(),
  questionnaire: Questionnaire,
  questions: z.array(UnitQuestion),
});
export type SurveyForm = z.infer<typeof SurveyForm>;

const Answers = z.object({
  U1: Score,
  U2: Score,
  U3: Score,
  U4: Score,
  U5: Score,
  U6: Score,
  U7: Score,
  U8: Score,
  U9: Score,
});

export const SurveyAnswer = z.object({
  answers: Answers,
  profile: z
    .object({
      sex: z.enum(['L', 'P']).optional(),
      age: z.number().int().min(10).max(120).optional(),
      education: z.enum(Educations).optional(),
      occupation: z.enum(Occupations).optional(),
    })
    .default({}),
  comment: z.string().max(1000).optional(),
  /**
   * Answers to the unit's own questions, by question id: `a`–`d`, `yes`/`no`, or a short text.
   * Checked against the unit's questions by the service, each problem by its question.
   */
  extra: z
    .record(z.string().max(20), z.string().max(1000))
    .refine((o) => Object.keys(o).length <= 50, 'at most 50 answers')
    .optional(),
});
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;

export const KioskAnswer = SurveyAnswer.extend({ standardId: z.number().int().positive() });
export type KioskAnswer = z.infer<typeof KioskAnswer>;

export const SurveyThanks = z.object({ thanks: z.literal(true), service: z.string() });
export type SurveyThanks = z.infer<typeof SurveyThanks>;

/** The kiosk page of a unit: its services with a standard in force, and the questions. */
export const KioskForm = z.object({
  unit: z.string(),
  services: z.array(z.object({ id: z.number(), name: z.string() })),
  questionnaire: Questionnaire,
  questions: z.array(UnitQuestion),
});
export type KioskForm = z.infer<typeof KioskForm>;

export const IndexQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  /** 1 (January–June) or 2 (July–December); absent: the whole year. */
  semester: z.coerce.number().int().min(1).max(2).optional(),
});

const SkmIndexShape = z.object({
  respondents: z.number(),
  unsur: z.array(z.object({ id: UnsurId, respondents: z.number(), sum: z.number(), nrr: z.string() })),
  ikm: z.string(),
  score: z.string(),
  grade: z.enum(['A', 'B', 'C', 'D']),
  weakest: z.array(UnsurId),
});

export const IndexRow = z.object({
  /** null: the whole unit. */
  standardId: z.number().nullable(),
  service: z.string(),
  /** Cases closed in the period: the population of the sample. */
  served: z.number(),
  /** Respondents the Krejcie–Morgan table asks for from `served`. */
  sampleNeeded: z.number(),
  respondents: z.object({ total: z.number(), token: z.number(), kiosk: z.number(), paper: z.number() }),
  sampleShort: z.boolean(),
  index: SkmIndexShape.nullable(),
  /** Unsur nobody answered, when the index cannot be formed. */
  missing: z.array(UnsurId),
  gradeLabel: Bilingual.nullable(),
});

export const SurveyIndex = z.object({
  period: z.object({ from: z.string(), to: z.string(), label: Bilingual }),
  unit: IndexRow,
  services: z.array(IndexRow),
});
export type SurveyIndex = z.infer<typeof SurveyIndex>;

/** The portal's figures (UU 25/2009 Pasal 23): per service the latest period with an index. */
export const PublicSurveyIndex = z.object({
  services: z.array(
    z.object({
      standardId: z.number(),
      slug: z.string(),
      service: z.string(),
      period: Bilingual,
      respondents: z.number(),
      score: z.string(),
      grade: z.enum(['A', 'B', 'C', 'D']),
      gradeLabel: Bilingual,
    }),
  ),
});
export type PublicSurveyIndex = z.infer<typeof PublicSurveyIndex>;

/** A survey period of the signed-in user's unit: a semester, or the whole year. */
export const PeriodInput = z.object({
  year: z.number().int().min(2000).max(2100),
  /** 1 (January–June) or 2 (July–December); null: the whole year. */
  semester: z.union([z.literal(1), z.literal(2)]).nullable(),
});
export type PeriodInput = z.infer<typeof PeriodInput>;

export const FollowUpStatus = z.enum(['planned', 'in_progress', 'done']);

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const FollowUpInput = PeriodInput.extend({
  unsur: UnsurId,
  action: z.string().trim().min(5).max(1000),
  dueOn: isoDay,
});
export type FollowUpInput = z.infer<typeof FollowUpInput>;

export const FollowUpParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const FollowUpChange = z.object({ status: FollowUpStatus });

export const FollowUp = z.object({
  id: z.number(),
  unsur: UnsurId,
  action: z.string(),
  dueOn: z.string(),
  status: FollowUpStatus,
  recordedBy: z.string(),
});

export const FollowUpMade = z.object({ id: z.number() });

export const PeriodClosed = z.object({ closedAt: z.string() });

export const ImportQuery = z.object({
  standardId: z.coerce.number().int().positive().max(2_147_483_647),
  year: z.coerce.number().int().min(2000).max(2100),
  semester: z.coerce.number().int().min(1).max(2).optional(),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

export const ImportDone = z.object({ imported: z.number(), service: z.string(), servedOn: z.string() });
export type ImportDone = z.infer<typeof ImportDone>;

const Count = z.object({ key: z.string(), label: Bilingual, n: z.number() });

/** The SKM report of a period as PermenPAN-RB 14/2017 lays it out, beside the follow-up plan. */
export const SurveyReport = SurveyIndex.extend({
  year: z.number(),
  semester: z.number().nullable(),
  /** The period has ended: the head may close it. */
  ended: z.boolean(),
  closed: z.object({ at: z.string(), by: z.string() }).nullable(),
  profile: z.object({
    sex: z.array(Count),
    age: z.array(Count),
    education: z.array(Count),
    occupation: z.array(Count),
  }),
  comments: z.array(z.string()),
  /** The unit's own questions answered in the period (and, while it is open, those asked now). */
  extraQuestions: z.array(
    z.object({
      id: z.number(),
      text: QuestionText,
      kind: QuestionKind,
      retired: z.boolean(),
      /** Respondents of the period who answered it. */
      answered: z.number(),
      /** Per answer (a–d, yes/no); empty for a text question. */
      tallies: z.array(Count),
      /** The answers of a text question, like comments: no order of arrival. */
      texts: z.array(z.string()),
    }),
  ),
  followUps: z.array(FollowUp),
  unsurNames: z.array(z.object({ id: UnsurId, name: Bilingual })),
});
export type SurveyReport = z.infer<typeof SurveyReport>;

/** A unit's own question as the head writes it. */
export const QuestionInput = z.object({
  text: z.object({
    id: z.string().trim().min(5).max(300),
    en: z.string().trim().max(300).nullable().optional(),
  }),
  kind: QuestionKind,
  optional: z.boolean().default(true),
});
export type QuestionInput = z.infer<typeof QuestionInput>;

export const QuestionParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const QuestionMade = z.object({ id: z.number() });

/** The new order of the unit's questions in use: every one of them, each once. */
export const QuestionOrder = z.object({
  ids: z.array(z.number().int().positive().max(2_147_483_647)).max(100),
});

/** The unit's questions for the head: in use first, in order, then the retired ones. */
export const UnitQuestions = z.object({
  questions: z.array(
    UnitQuestion.extend({
      retired: z.boolean(),
      /** Responses that answer it: its kind is then fixed. */
      answers: z.number(),
      /** Answered in a closed period: its text is then fixed, as that period's report is. */
      locked: z.boolean(),
    }),
  ),
  /** How many questions a unit may have in use at once. */
  max: z.number(),
});
export type UnitQuestions = z.infer<typeof UnitQuestions>;
