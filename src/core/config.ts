import { z } from 'zod';
import { parseDuration } from './clock.ts';

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
  /** A default computed from the settings read before this one (listed above it); undefined when they are wrong. */
  defaultFrom?: { text: string; value: (earlier: Record<string, unknown>) => unknown };
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
  auditKey: {
    env: 'JARING_AUDIT_KEY',
    description:
      'Key that signs the audit checkpoints (HMAC-SHA256): 64 hex digits, or base64 of at least 32 bytes; unset = a key file made on first start in JARING_DATA_DIR/audit.key (production: set it from a secret store)',
    secret: true,
    schema: z
      .string()
      .refine(
        (v) => decodeSecretKey(v) !== null,
        'must be 64 or more hex digits, or base64 of 32 or more bytes',
      )
      .optional(),
  },
  auditCheckpoints: {
    env: 'JARING_AUDIT_CHECKPOINTS',
    description:
      'Append-only file of signed audit checkpoints; unset = JARING_DATA_DIR/audit-checkpoints.jsonl',
    schema: z.string().min(1).optional(),
  },
  auditCheckpointMinutes: {
    env: 'JARING_AUDIT_CHECKPOINT_MINUTES',
    description: 'Minutes between audit checkpoints written by the server (only when the chain grew)',
    schema: z.coerce.number().int().min(1).max(1440).default(10),
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
    schema: z.url(),
    // Follows PORT, so that a QR code of a server moved to another port still opens its page.
    defaultFrom: {
      text: 'http://localhost:<PORT>',
      value: (c) => (c.port ? `http://localhost:${c.port}` : undefined),
    },
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
  complaintCompletenessDays: {
    env: 'JARING_COMPLAINT_COMPLETENESS_DAYS',
    description:
      'calendar | working: how the 14 days to say whether a complaint is complete are counted (UU 25/2009 Pasal 44(3))',
    schema: z.enum(['calendar', 'working']).default('calendar'),
  },
  complaintCompletionDays: {
    env: 'JARING_COMPLAINT_COMPLETION_DAYS',
    description:
      "calendar | working: how the complainant's 30 days to complete an incomplete complaint are counted (Pasal 44(4–5))",
    schema: z.enum(['calendar', 'working']).default('calendar'),
  },
  complaintDecisionDays: {
    env: 'JARING_COMPLAINT_DECISION_DAYS',
    description:
      'calendar | working: how the 60 days to decide a complete complaint are counted (Pasal 50(1))',
    schema: z.enum(['calendar', 'working']).default('calendar'),
  },
  complaintDeliveryDays: {
    env: 'JARING_COMPLAINT_DELIVERY_DAYS',
    description: 'calendar | working: how the 14 days to deliver a decision are counted (Pasal 50(2))',
    schema: z.enum(['calendar', 'working']).default('calendar'),
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
    description:
      'Failed sign-ins of one user name from one address before each next try waits (1 s, 2 s, 4 s …); an address across user names and a user name across addresses get four times as many',
    schema: z.coerce.number().int().min(1).default(5),
  },
  loginMaxDelaySeconds: {
    env: 'JARING_LOGIN_MAX_DELAY',
    description:
      'Longest wait in seconds after repeated failed sign-ins, password checks or authenticator codes (a fifth of it for a user name tried from many addresses)',
    schema: z.coerce.number().int().min(5).max(3600).default(300),
  },
  secretKey: {
    env: 'JARING_SECRET_KEY',
    description:
      'Server secret (at least 32 characters) for CSRF tokens and the encryption of authenticator secrets; unset = generated once into the data folder (secret.key). Give every instance the same',
    secret: true,
    schema: z.string().min(32, 'at least 32 characters').optional(),
  },
  nodeEnv: {
    env: 'NODE_ENV',
    description:
      'production = production mode: a test clock (JARING_CLOCK_OFFSET, JARING_CLOCK_START) stops start-up; anything else allows one',
    schema: z.string().min(1).optional(),
  },
  clockOffset: {
    env: 'JARING_CLOCK_OFFSET',
    description:
      'TEST CLOCK for demos and acceptance runs: the server runs this far from the real time (+3d4h, -90m, P3DT4H), and an administrator may move it forward (POST /api/admin/clock). Refused in production',
    schema: z
      .string()
      .refine((v) => parseDuration(v) !== null, 'a signed duration such as +3d4h, -90m or P3DT4H')
      .transform((v) => parseDuration(v) ?? 0)
      .optional(),
  },
  clockStart: {
    env: 'JARING_CLOCK_START',
    description:
      'TEST CLOCK: the server starts at this instant (ISO 8601 with its offset, 2026-11-27T15:50:00+08:00) and runs on from it; an administrator may move it forward. Refused in production',
    schema: z.iso
      .datetime({
        offset: true,
        message: 'an ISO 8601 instant with its offset, e.g. 2026-11-27T15:50:00+08:00',
      })
      .transform((v) => Date.parse(v))
      .optional(),
  },
  webDir: {
    env: 'JARING_WEB_DIR',
    description: 'Folder of the built web app (served at /)',
    schema: z.string().min(1).default('web/dist'),
  },
} satisfies Record<string, Setting>;

/**
 * The bytes of a secret key given as hex (an even number of hex digits) or base64; null when it
 * is neither or shorter than 32 bytes (an HMAC-SHA256 key should be as long as the hash).
 */
export function decodeSecretKey(text: string): Buffer | null {
  const value = text.trim();
  let bytes: Buffer;
  if (/^(?:[0-9a-fA-F]{2})+$/.test(value)) bytes = Buffer.from(value, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) bytes = Buffer.from(value, 'base64');
  else return null;
  return bytes.length >= 32 ? bytes : null;
}

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
    const given = overrides[key] ?? (env[setting.env] === '' ? undefined : env[setting.env]);
    const raw = given ?? setting.defaultFrom?.value(out);
    // A default from a setting that is itself wrong: that one's problem is reported already.
    if (raw === undefined && setting.defaultFrom) continue;
    const parsed = setting.schema.safeParse(raw);
    if (parsed.success) {
      out[key] = parsed.data;
    } else {
      const shown = setting.secret ? '(hidden)' : JSON.stringify(raw);
      for (const issue of parsed.error.issues) problems.push(`${setting.env}=${shown}: ${issue.message}`);
    }
  }
  problems.push(...testClockProblems(out as Partial<Config>));
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(out) as Config;
}

/** Whether the server runs in production mode (NODE_ENV=production). */
export const isProduction = (config: Pick<Config, 'nodeEnv'>) => config.nodeEnv === 'production';

/** Whether a test clock setting is on: the server's time is not the real time. */
export const hasTestClock = (config: Pick<Config, 'clockOffset' | 'clockStart'>) =>
  config.clockOffset !== undefined || config.clockStart !== undefined;

/** A test clock is for demos and acceptance runs: one at a time, never in production. */
function testClockProblems(config: Partial<Config>): string[] {
  const problems: string[] = [];
  if (config.clockOffset !== undefined && config.clockStart !== undefined)
    problems.push('JARING_CLOCK_OFFSET and JARING_CLOCK_START: set one test clock, not both');
  if (config.nodeEnv === 'production' && hasTestClock(config as Config)) {
    const which = config.clockStart !== undefined ? 'JARING_CLOCK_START' : 'JARING_CLOCK_OFFSET';
    problems.push(
      `${which}: a test clock is refused in production (NODE_ENV=production); unset it, or run outside production`,
    );
  }
  return problems;
}

/** The configuration table for the README and `jaring --help`. */
export function describeSettings(): Array<{ env: string; description: string; default: string }> {
  return Object.values(settings).map((s: Setting) => {
    const d = s.schema.safeParse(undefined);
    return {
      env: s.env,
      description: s.description,
      default: s.defaultFrom?.text ?? (d.success && d.data !== undefined ? String(d.data) : ''),
    };
  });
}
