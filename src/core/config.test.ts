import { describe, expect, it } from 'vitest';
import { ConfigError, decodeSecretKey, describeSettings, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('./data');
    expect(c.databaseUrl).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads and coerces values', () => {
    const c = loadConfig({ PORT: '8080', JARING_DEMO: 'false', DATABASE_URL: 'postgres://u:p@localhost/j' });
    expect(c.port).toBe(8080);
    expect(c.demo).toBe(false);
    expect(c.databaseUrl).toBe('postgres://u:p@localhost/j');
  });

  it('lists every wrong value at once and hides secrets', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://secret@host/db', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/^PORT="eighty"/m);
    expect(problems.join('\n')).toMatch(/^LOG_LEVEL="loud"/m);
    expect(problems.join('\n')).toContain('DATABASE_URL=(hidden)');
    expect(problems.join('\n')).not.toContain('secret');
  });

  it('takes an audit key of 32 bytes or more in hex or base64, and hides a wrong one', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ JARING_AUDIT_KEY: hex }).auditKey).toBe(hex);
    expect(decodeSecretKey(hex)?.length).toBe(32);
    expect(decodeSecretKey(Buffer.alloc(48, 7).toString('base64'))?.length).toBe(48);
    expect(decodeSecretKey('ab'.repeat(31))).toBeNull();
    expect(() => loadConfig({ JARING_AUDIT_KEY: 'geheim wachtwoord' })).toThrow(
      'JARING_AUDIT_KEY=(hidden): must be 64 or more hex digits, or base64 of 32 or more bytes',
    );
    expect(loadConfig({}).auditCheckpointMinutes).toBe(10);
  });

  it('takes a test clock as an offset or a start instant, one at a time', () => {
    expect(loadConfig({ JARING_CLOCK_OFFSET: '+3d4h' }).clockOffset).toBe(76 * 3_600_000);
    expect(loadConfig({ JARING_CLOCK_OFFSET: '-PT90M' }).clockOffset).toBe(-90 * 60_000);
    expect(loadConfig({ JARING_CLOCK_START: '2026-12-04T15:50:00+08:00' }).clockStart).toBe(
      Date.parse('2026-12-04T07:50:00Z'),
    );
    expect(loadConfig({}).clockOffset).toBeUndefined();
    expect(() => loadConfig({ JARING_CLOCK_OFFSET: 'besok' })).toThrow(
      'JARING_CLOCK_OFFSET="besok": a signed duration such as +3d4h, -90m or P3DT4H',
    );
    expect(() => loadConfig({ JARING_CLOCK_START: '4 Desember' })).toThrow(
      /^ {2}- JARING_CLOCK_START="4 Desember"/m,
    );
    expect(() =>
      loadConfig({ JARING_CLOCK_OFFSET: '1h', JARING_CLOCK_START: '2026-12-04T15:50:00+08:00' }),
    ).toThrow('set one test clock, not both');
  });

  it('refuses a test clock in production mode, listing it with the other problems', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).nodeEnv).toBe('production');
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production', JARING_CLOCK_OFFSET: '+1d', PORT: 'x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^PORT="x"/),
      'JARING_CLOCK_OFFSET: a test clock is refused in production (NODE_ENV=production); unset it, or run outside production',
    ]);
    expect(loadConfig({ NODE_ENV: 'development', JARING_CLOCK_OFFSET: '+1d' }).clockOffset).toBe(86_400_000);
  });

  it('points QR codes at the port the server listens on, unless a public URL is set', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '3105' }).publicUrl).toBe('http://localhost:3105');
    expect(loadConfig({ PORT: '8080' }, { port: '9090' }).publicUrl).toBe('http://localhost:9090');
    expect(loadConfig({ PORT: '3105', JARING_PUBLIC_URL: 'https://layanan.dinsos.example' }).publicUrl).toBe(
      'https://layanan.dinsos.example',
    );
    expect(() => loadConfig({ JARING_PUBLIC_URL: 'bukan alamat' })).toThrow(
      /^.*JARING_PUBLIC_URL="bukan alamat"/m,
    );
    expect(describeSettings().find((s) => s.env === 'JARING_PUBLIC_URL')?.default).toBe(
      'http://localhost:<PORT>',
    );
  });

  it('lets CLI flags override the environment', () => {
    expect(loadConfig({ PORT: '8080' }, { port: '9090' }).port).toBe(9090);
  });
});
