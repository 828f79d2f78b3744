import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The answer holds no personal data and is the same for every reader (a published standard,
     * the region list), so the route's own `cache-control` stands.
     */
    cacheable?: boolean;
  }
}

/**
 * Personal data must not stay in a browser's or a proxy's cache: every `/api/` answer, errors
 * included, is `Cache-Control: no-store`, unless its route declares itself `cacheable`. One
 * hook for all, so a new route is covered without remembering to be.
 */
export function registerNoStore(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !request.routeOptions.config?.cacheable) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
