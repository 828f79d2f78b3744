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
