import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { refuseUndocumentedStatuses } from './documented-status.ts';

describe('test builds refuse an undocumented success status', () => {
  it('fails a 201 that the route documents as 200, passes the documented ones and files', async () => {
    const app = Fastify();
    refuseUndocumentedStatuses(app);
    const schema = (code: number) => ({
      response: { [code]: { type: 'object', properties: { ok: { type: 'boolean' } } } },
    });
    app.post('/api/drift', { schema: schema(200) }, async (_req, reply) =>
      reply.status(201).send({ ok: true }),
    );
    app.post('/api/made', { schema: schema(201) }, async (_req, reply) =>
      reply.status(201).send({ ok: true }),
    );
    app.get('/api/file', async (_req, reply) => reply.type('application/pdf').send(Buffer.from('%PDF')));
    const drift = await app.inject({ method: 'POST', url: '/api/drift' });
    expect(drift.statusCode).toBe(500);
    expect((await app.inject({ method: 'POST', url: '/api/made' })).statusCode).toBe(201);
    expect((await app.inject({ method: 'GET', url: '/api/file' })).statusCode).toBe(200);
    await app.close();
  });
});
