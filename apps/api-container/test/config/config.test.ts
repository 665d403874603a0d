import { describe, expect, it } from 'vitest';
import { API_CONFIG_ENV, API_RUNTIME_ENV, API_SECRET_ENV } from '@pakaura/contract';
import { ConfigError, loadConfig } from '../../src/config/config';
import type { Env } from '../../src/config/env';

const CWD = '/srv/app';

function configError(env: Env): string {
  try {
    loadConfig(env, CWD);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs on a bare machine with nothing set: PGlite under the working directory, built-in chat', () => {
    const config = loadConfig({}, CWD);
    expect(config).toMatchObject({
      environment: 'development',
      debug: false,
      host: '0.0.0.0',
      port: 8000,
      database: { engine: 'pglite', dataDir: '/srv/app/.data/pglite' },
      jwt: { ephemeralSecret: true, algorithm: 'HS256', expirationHours: 24 },
      ai: { provider: 'builtin', model: 'command-a-03-2025', temperature: 0.3, maxTokens: 1000 },
      frontendOrigins: ['http://localhost:3000'],
      apiUrl: 'http://localhost:8000',
      trustedProxies: ['loopback'],
      migrateOnStart: true,
      docsEnabled: true,
      chatRateLimitPerMinute: 20,
      loginRateLimitPerMinute: 10,
      registerRateLimitPerHour: 10,
    });
    expect(config.jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({}, CWD).jwt.secret).not.toBe(config.jwt.secret);
  });

  it('reads the chart’s environment: PostgreSQL from DB_*, every setting parsed', () => {
    const env: Env = {
      DB_HOST: 'postgresql',
      DB_PORT: '5433',
      DB_NAME: 'tasks',
      DB_USER: 'app',
      DB_PASSWORD: 'hunter2',
      JWT_SECRET: 'x'.repeat(48),
      JWT_ALGORITHM: 'hs512',
      JWT_EXPIRATION_HOURS: '12',
      AI_MODEL: 'command-r',
      AI_TEMPERATURE: '0.7',
      AI_MAX_TOKENS: '500',
      COHERE_API_KEY: 'co-key',
      FRONTEND_URL: 'http://pakaura.local, https://pakaura.example.com/',
      API_URL: 'http://pakaura.local/api/',
      ENVIRONMENT: 'production',
      DEBUG: 'true',
      PORT: '9000',
    };
    const config = loadConfig(env, CWD);
    expect(config).toMatchObject({
      environment: 'production',
      debug: true,
      port: 9000,
      database: {
        engine: 'postgres',
        connection: {
          host: 'postgresql',
          port: 5433,
          database: 'tasks',
          user: 'app',
          password: 'hunter2',
        },
        target: 'app@postgresql:5433/tasks',
      },
      jwt: { ephemeralSecret: false, algorithm: 'HS512', expirationHours: 12 },
      ai: {
        provider: 'cohere',
        cohereApiKey: 'co-key',
        model: 'command-r',
        temperature: 0.7,
        maxTokens: 500,
      },
      frontendOrigins: ['http://pakaura.local', 'https://pakaura.example.com'],
      apiUrl: 'http://pakaura.local/api',
    });
  });

  it('prefers DATABASE_URL and never shows its password', () => {
    const config = loadConfig(
      { DATABASE_URL: 'postgresql://app:s3cret@db.internal/pakaura', DB_HOST: 'ignored' },
      CWD,
    );
    expect(config.database).toEqual({
      engine: 'postgres',
      connection: { connectionString: 'postgresql://app:s3cret@db.internal/pakaura' },
      target: 'app@db.internal:5432/pakaura',
    });
  });

  it('treats blank values as unset, as Kubernetes renders optional secrets', () => {
    const config = loadConfig({ COHERE_API_KEY: '', DB_HOST: ' ', JWT_SECRET: '', PORT: '' }, CWD);
    expect(config.ai.provider).toBe('builtin');
    expect(config.database.engine).toBe('pglite');
    expect(config.port).toBe(8000);
  });

  it('keeps PGlite in memory or in an absolute folder when told', () => {
    expect(loadConfig({ PGLITE_DATA_DIR: 'memory://' }, CWD).database).toMatchObject({
      dataDir: 'memory://',
    });
    expect(loadConfig({ PGLITE_DATA_DIR: '/var/lib/pakaura' }, CWD).database).toMatchObject({
      dataDir: '/var/lib/pakaura',
    });
  });

  it('turns off migrations at start and the docs page, and changes the rate limits, when told', () => {
    const config = loadConfig(
      {
        MIGRATE_ON_START: 'false',
        API_DOCS_ENABLED: 'no',
        CHAT_RATE_LIMIT_PER_MINUTE: '600',
        LOGIN_RATE_LIMIT_PER_MINUTE: '60',
        REGISTER_RATE_LIMIT_PER_HOUR: '500',
      },
      CWD,
    );
    expect(config).toMatchObject({
      migrateOnStart: false,
      docsEnabled: false,
      chatRateLimitPerMinute: 600,
      loginRateLimitPerMinute: 60,
      registerRateLimitPerHour: 500,
    });
    expect(() => loadConfig({ REGISTER_RATE_LIMIT_PER_HOUR: '0' }, CWD)).toThrow(
      /REGISTER_RATE_LIMIT_PER_HOUR/,
    );
    expect(
      loadConfig({ ENVIRONMENT: 'production', JWT_SECRET: 'x'.repeat(40) }, CWD).docsEnabled,
    ).toBe(false);
    expect(
      loadConfig(
        { ENVIRONMENT: 'production', JWT_SECRET: 'x'.repeat(40), API_DOCS_ENABLED: 'true' },
        CWD,
      ).docsEnabled,
    ).toBe(true);
  });

  it('trusts the forwarded headers of the proxies TRUSTED_PROXIES lists, or of none', () => {
    expect(
      loadConfig({ TRUSTED_PROXIES: ' 203.0.113.7, 10.42.0.0/16 ,fd00::/8,loopback' }, CWD)
        .trustedProxies,
    ).toEqual(['203.0.113.7', '10.42.0.0/16', 'fd00::/8', 'loopback']);
    expect(loadConfig({ TRUSTED_PROXIES: 'none' }, CWD).trustedProxies).toEqual([]);
  });

  it.each<[Env, RegExp]>([
    [
      { TRUSTED_PROXIES: 'ingress-nginx' },
      /^TRUSTED_PROXIES: "ingress-nginx" is not an IP address, a CIDR range \(10.0.0.0\/8\) or one of loopback, linklocal, uniquelocal; use "none" to trust no proxy$/,
    ],
    [{ TRUSTED_PROXIES: '10.0.0.0/33' }, /^TRUSTED_PROXIES: "10.0.0.0\/33" is not an IP address/],
    [{ TRUSTED_PROXIES: '10.0.0.1/8/1' }, /^TRUSTED_PROXIES: "10.0.0.1\/8\/1" is not/],
    [
      { ENVIRONMENT: 'production' },
      /^JWT_SECRET is not set: ENVIRONMENT=production needs at least 32 characters \(generate one with: openssl rand -base64 48\)$/,
    ],
    [
      { ENVIRONMENT: 'production', JWT_SECRET: 'short-secret' },
      /^JWT_SECRET is only 12 characters long: ENVIRONMENT=production needs at least 32/,
    ],
    [
      { ENVIRONMENT: 'staging' },
      /^ENVIRONMENT must be one of development, test, production \(got "staging"\)$/,
    ],
    [{ PORT: 'eighty' }, /^PORT must be a whole number from 0 to 65535 \(got "eighty"\)$/],
    [{ DB_HOST: 'db', DB_PORT: '70000' }, /^DB_PORT must be a whole number from 1 to 65535/],
    [
      { JWT_ALGORITHM: 'RS256' },
      /^JWT_ALGORITHM must be one of HS256, HS384, HS512 \(got "RS256"\)$/,
    ],
    [{ JWT_EXPIRATION_HOURS: '0' }, /^JWT_EXPIRATION_HOURS must be a number from 0.01 to 8760/],
    [{ AI_TEMPERATURE: '1.5' }, /^AI_TEMPERATURE must be a number from 0 to 1 \(got "1.5"\)$/],
    [{ AI_MAX_TOKENS: '2.5' }, /^AI_MAX_TOKENS must be a whole number from 1 to 32000/],
    [{ DEBUG: 'maybe' }, /^DEBUG must be true or false \(got "maybe"\)$/],
    [
      { FRONTEND_URL: 'ftp://files.example.com' },
      /^FRONTEND_URL must be an http:\/\/ or https:\/\/ URL/,
    ],
    [
      { API_URL: 'not a url' },
      /^API_URL must be an http:\/\/ or https:\/\/ URL \(got "not a url"\)$/,
    ],
    [
      { DATABASE_URL: 'mysql://root:hunter2@db/app' },
      /^DATABASE_URL must start with postgres:\/\/ or postgresql:\/\/ \(got mysql:\/\/\)$/,
    ],
    [
      { DATABASE_URL: 'hunter2 is my password' },
      /^DATABASE_URL is not a valid URL: expected postgres:\/\/user:password@host:5432\/database$/,
    ],
  ])('stops with one line naming the variable for %j', (env, message) => {
    const text = configError(env);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
    expect(text).not.toContain('hunter2');
  });

  it('reads only the variables the contract lists, and all of them', () => {
    const names = new Set<string>([...API_CONFIG_ENV, ...API_SECRET_ENV, ...API_RUNTIME_ENV]);
    const read = new Set<string>();
    const recording = (values: Env) =>
      new Proxy(values, {
        get(target, key) {
          if (typeof key === 'string') read.add(key);
          return target[key as keyof Env];
        },
      });
    // Both database branches: PGlite when nothing is set, the DB_* fields when DB_HOST is.
    loadConfig(recording({}), CWD);
    loadConfig(recording({ DB_HOST: 'db' }), CWD);
    expect([...read].filter((name) => !names.has(name))).toEqual([]);
    expect([...names].filter((name) => !read.has(name))).toEqual([]);
  });
});
