import { z } from 'zod';
import { msg } from '../core/parse-language.ts';
import { EmergencyArea } from './emergencies.schema.ts';

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, msg({ id: `paling sedikit ${min} karakter`, en: `at least ${min} characters` }))
    .max(max, msg({ id: `paling panjang ${max} karakter`, en: `at most ${max} characters` }));

/**
 * A regency office's relief request to the province (issue 16): who asks (the post, village or
 * district, the case's applicant), for which area of the regency, and what happened and is needed.
 * The papers follow, one upload each, while the province's front office has not yet taken it on.
 */
export const ReliefRequestInput = z
  .object({
    applicant: z
      .object({
        name: text(1, 200),
        phone: z.string().trim().max(30).optional(),
      })
      .strict(),
    /** Kemendagri code of the regency itself or one of its districts. */
    areaCode: z.string().trim().min(2).max(20),
    /** The situation and what is needed, in the submitter's words (the opening's note). */
    description: text(10, 2000),
    /** The request's priority, one of the form's `priority.options` (routine when left out). */
    priority: z.string().trim().max(40).optional(),
  })
  .strict();
export type ReliefRequestInput = z.infer<typeof ReliefRequestInput>;

/** What the request form needs: the province, the area it may name, the papers, the emergencies. */
export const ReliefRequestForm = z.object({
  /** The province office the request goes to. */
  office: z.object({ code: z.string(), name: z.string() }),
  service: z.object({ id: z.string(), name: z.string() }),
  /** The submitting office's regency, and its districts, by code and name. */
  area: z.object({ code: z.string(), name: z.string(), districts: z.array(EmergencyArea) }),
  /**
   * The priority the province's standard asks, which sets when its Kepala Bidang's decision is
   * due (hours by option); null when the standard sets no such deadline.
   */
  priority: z
    .object({
      label: z.string(),
      options: z.array(z.object({ value: z.string(), label: z.string(), hours: z.number() })),
      default: z.string(),
    })
    .nullable(),
  /** The papers the province's front office registers the request with. */
  papers: z.array(z.object({ id: z.string(), text: z.string() })),
  /** The province's active emergencies over the regency or part of it (the opening check's). */
  emergencies: z.array(
    z.object({
      id: z.number().int(),
      disaster: z.string(),
      endsOn: z.string(),
      areas: z.array(EmergencyArea),
    }),
  ),
});
export type ReliefRequestForm = z.infer<typeof ReliefRequestForm>;
