import { z } from 'zod';

/** The answer of a route that replies 204 with no body; declared so every route has a response schema. */
export const NoContent = z.null().describe('No content');
export type NoContent = z.infer<typeof NoContent>;

/** `GET /api/health`: the server answers and which database engine it runs on. */
export const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });
export type Health = z.infer<typeof Health>;

/** `GET /api/openapi.json`: the OpenAPI 3 document of every route, generated from their schemas. */
export const OpenApiDocument = z.looseObject({ info: z.unknown() });
