import { z } from 'zod';

/**
 * Configuration, parsed once at boot from the environment (and CLI flags) into a frozen,
 * typed object. A wrong value stops start-up with the list of everything that is wrong.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

interface Setting {
  env: string;
  description: string;
  secret?: boolean;
  schema: z.ZodType;
}

export const settings = {
  port: {
    env: 'PORT',
    description: 'HTTP port to listen on',
    schema: z.coerce.number().int().min(1).max(65535).default(3000),
  },
  host: {
    env: 'HOST',
    description: 'Interface to listen on',
    schema: z.string().min(1).default('0.0.0.0'),
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    description: 'postgres://… to use a PostgreSQL server; unset to use embedded PGlite',
    secret: true,
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  },
  dataDir: {
    env: 'JARING_DATA_DIR',
    description: 'Folder for the embedded database and uploaded files',
    schema: z.string().min(1).default('./data'),
  },
  demo: {
    env: 'JARING_DEMO',
    description: 'Seed demo units, users and standards on first start',
    schema: bool.default(true),
  },
  demoRegister: {
    env: 'JARING_DEMO_REGISTER',
    description: 'With JARING_DEMO, load a synthetic Sragen register (about 2,000 people) on first start',
    schema: bool.default(true),
  },
  sessionDays: {
    env: 'JARING_SESSION_DAYS',
    description: 'Days a staff session stays valid without use',
    schema: z.coerce.number().int().min(1).max(90).default(7),
  },
  secureCookies: {
    env: 'JARING_SECURE_COOKIES',
    description: 'Mark cookies Secure (set true behind HTTPS)',
    schema: bool.default(false),
  },
  publicUrl: {
    env: 'JARING_PUBLIC_URL',
    description: 'Public base URL, used in QR codes and exports',
    schema: z.url().default('http://localhost:3000'),
  },
  logLevel: {
    env: 'LOG_LEVEL',
    description: 'fatal | error | warn | info | debug | trace | silent',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  },
  publicRateLimit: {
    env: 'JARING_PUBLIC_RATE_LIMIT',
    description: 'Requests per minute per client address on public endpoints',
    schema: z.coerce.number().int().min(1).default(300),
  },
  importMaxBytes: {
    env: 'JARING_IMPORT_MAX_BYTES',
    description: 'Largest register file (CSV/XLSX) accepted by upload, in bytes',
    schema: z.coerce
      .number()
      .int()
      .min(1)
      .default(1024 * 1024 * 1024),
  },
  loginMaxAttempts: {
    env: 'JARING_LOGIN_MAX_ATTEMPTS',
    description: 'Failed sign-ins per user name and address within 15 minutes before throttling',
    schema: z.coerce.number().int().min(1).default(5),
  },
  webDir: {
    env: 'JARING_WEB_DIR',
    description: 'Folder of the built web app (served at /)',
    schema: z.string().min(1).default('web/dist'),
  },
} satisfies Record<string, Setting>;

type Settings = typeof settings;
export type Config = Readonly<{ [K in keyof Settings]: z.output<Settings[K]['schema']> }>;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Reads every setting from `env` (overridden by `overrides`, e.g. CLI flags).
 * Empty strings count as unset. Throws ConfigError listing all problems.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Record<keyof Settings, unknown>> = {},
): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, setting] of Object.entries(settings) as Array<[keyof Settings, Setting]>) {
    const raw = overrides[key] ?? (env[setting.env] === '' ? undefined : env[setting.env]);
    const parsed = setting.schema.safeParse(raw);
    if (parsed.success) {
      out[key] = parsed.data;
    } else {
      const shown = setting.secret ? '(hidden)' : JSON.stringify(raw);
      for (const issue of parsed.error.issues) problems.push(`${setting.env}=${shown}: ${issue.message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(out) as Config;
}

/** The configuration table for the README and `jaring --help`. */
export function describeSettings(): Array<{ env: string; description: string; default: string }> {
  return Object.values(settings).map((s: Setting) => {
    const d = s.schema.safeParse(undefined);
    return {
      env: s.env,
      description: s.description,
      default: d.success && d.data !== undefined ? String(d.data) : '',
    };
  });
}
