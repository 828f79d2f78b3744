import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import type { Clock } from '../src/core/clock.ts';
import { loadConfig } from '../src/core/config.ts';
import { type Database, type Db, rows } from '../src/db/client.ts';
import { demoPassword } from '../src/demo/seed.ts';
import { createTestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** A clock that moves only when a test says so. */
export class ManualClock implements Clock {
  constructor(private ms = Date.now()) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export async function createTestApp(
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jaring-test-'));
  const config = loadConfig({ JARING_WEB_DIR: 'test/no-web', JARING_DATA_DIR: dataDir, ...env });
  const app = await buildApp({
    config,
    database,
    strictStatuses: true,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A client that keeps cookies between requests, like a browser, and sends the CSRF header. */
export class Agent {
  private cookies = new Map<string, string>();
  constructor(
    private readonly app: FastifyInstance,
    private readonly ip = '10.0.0.1',
  ) {}

  /** A cookie as the agent holds it. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    if (method !== 'GET' && !this.cookies.has('jaring_csrf')) await this.request('GET', '/api/auth/csrf');
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        cookie: this.cookieHeader(),
        ...(method !== 'GET' ? { 'x-csrf-token': this.cookies.get('jaring_csrf') ?? '' } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    for (const c of response.cookies) {
      if (c.maxAge === 0 || c.value === '' || (c.expires && c.expires.getTime() < Date.now()))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  put(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('PUT', url, body ?? {}, headers);
  }
  delete(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('DELETE', url, body, headers);
  }

  /** Posts one file as multipart/form-data (field `file`), as a browser does; `fields` go first. */
  upload(url: string, bytes: Buffer, fileName = 'scan.pdf', fields: Record<string, string> = {}) {
    const boundary = '----jaring-test-boundary';
    const body = Buffer.concat([
      ...Object.entries(fields).map(([name, value]) =>
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      ),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.request('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  }

  async login(username: string, password = demoPassword, totp?: string): Promise<LightMyRequestResponse> {
    return this.post('/api/auth/login', { username, password, ...(totp === undefined ? {} : { totp }) });
  }
}

/** Signs in a demo user and returns their agent. */
export async function signedIn(app: FastifyInstance, username: string, ip?: string): Promise<Agent> {
  const agent = new Agent(app, ip);
  const res = await agent.login(username);
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return agent;
}

/** The id of a seeded unit by its code ('banten', 'sragen', …). */
export async function unitIdOf(db: Db, code: string): Promise<number> {
  const [unit] = await rows<{ id: number }>(db, sql`SELECT id FROM units WHERE code = ${code}`);
  if (!unit) throw new Error(`no unit ${code} in the test database`);
  return unit.id;
}
