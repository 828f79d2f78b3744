import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp, effects } from '../src/app.ts';
import { loadConfig } from '../src/core/config.ts';
import { migrate, openDatabase } from '../src/db/client.ts';
import { demoPassword, seedAll } from '../src/demo/seed.ts';

interface Row {
  target: string;
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
}

async function load(url: string, headers: Record<string, string> = {}, seconds: number): Promise<Row> {
  const result = await autocannon({ url, connections: 10, duration: seconds, headers });
  return {
    target: url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''),
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
  };
}

/**
 * Requests/s and p99 of the public standard page API and the signed-in home API, beside a
 * bare Fastify handler returning a payload of the same size, in the same process and run.
 * The engine is PGlite unless DATABASE_URL is set.
 */
export async function run() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const config = loadConfig({ ...process.env, JARING_PUBLIC_RATE_LIMIT: '100000000', LOG_LEVEL: 'silent' });
  const database = await openDatabase({ url: config.databaseUrl });
  await migrate(database);
  await seedAll(database.db, { demo: true, effects });
  const app = await buildApp({ config, database });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });

  const standardUrl = `${address}/api/public/units/sragen/standards/kehabisan-bekal`;
  const payload = await (await fetch(standardUrl)).text();
  const csrf = 'bench-csrf-token-0123456789';
  const login = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `jaring_csrf=${csrf}`, 'x-csrf-token': csrf },
    body: JSON.stringify({ username: 'sragen.fo', password: demoPassword }),
  });
  const session = /jaring_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
  if (!session) throw new Error(`sign-in failed: ${login.status}`);

  const bare = Fastify();
  bare.get('/bare', async (_req, reply) => reply.header('content-type', 'application/json').send(payload));
  const bareAddress = await bare.listen({ port: 0, host: '127.0.0.1' });

  // Warm up both servers.
  await load(`${bareAddress}/bare`, {}, 2);
  await load(standardUrl, {}, 2);

  const baseline = await load(`${bareAddress}/bare`, {}, seconds);
  const standard = await load(standardUrl, {}, seconds);
  const home = await load(`${address}/api/home`, { cookie: `jaring_session=${session}` }, seconds);
  await bare.close();
  await app.close();
  await database.close();

  const rows = [baseline, standard, home].map((r) => ({
    ...r,
    ratioToBare: Number((r.requestsPerSecond / baseline.requestsPerSecond).toFixed(3)),
  }));
  console.log(
    `\nhttp bench (${database.kind}, ${seconds}s per target, 10 connections, payload ${payload.length} B)`,
  );
  console.table(rows);
  console.log(JSON.stringify({ bench: 'http', engine: database.kind, seconds, rows }));
}
