import { z } from 'zod';

/** The largest value of PostgreSQL's `integer` (int4), which every serial id column is. */
export const maxId = 2_147_483_647;

/** A row id in a body or query: a positive int4, else 422 at its path. */
export const Id = z.coerce.number().int().positive().max(maxId);

/** Marks the issue of an id in a path that no row can have, so that it is answered 404. */
export const unknownIdIssue = 'jaring.unknown_id';

/**
 * A row id in a URL path (`/api/cases/:id`). A number that no int4 column can hold (0, -1,
 * 99999999999, 1.5) names no row: it is answered 404 like any id that is not there, instead
 * of reaching the database.
 */
export const IdParam = z.coerce.number().superRefine((n, ctx) => {
  if (!Number.isInteger(n) || n < 1 || n > maxId)
    ctx.addIssue({ code: 'custom', message: 'not found', params: { [unknownIdIssue]: true } });
});
