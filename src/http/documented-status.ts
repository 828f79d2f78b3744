import type { FastifyInstance } from 'fastify';

/**
 * A guard for the test builds: an API answer whose success status its route does not declare
 * (a 201 documented as 200) fails the request, so the OpenAPI document cannot drift from what
 * the server does. Routes without a response schema (files) are not checked here.
 */
export function refuseUndocumentedStatuses(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    const code = reply.statusCode;
    if (code < 200 || code >= 300 || !request.url.startsWith('/api/')) return payload;
    const declared = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
    if (declared && !(String(code) in declared) && !('2xx' in declared))
      throw new Error(
        `${request.method} ${request.routeOptions.url} answered ${code}, which its schema does not declare (${Object.keys(declared).join(', ')})`,
      );
    return payload;
  });
}
