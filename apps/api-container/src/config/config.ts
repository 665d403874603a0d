import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { API_PORT, FRONTEND_PORT } from '@pakaura/contract';
import { loadDatabaseConfig, type DatabaseConfig } from './database-config';
import {
  ConfigError,
  type Env,
  parseBoolean,
  parseChoice,
  parseInteger,
  parseNumber,
  parseUrl,
  present,
} from './env';

export const ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** HMAC algorithms only: the secret is shared, there is no key pair to configure. */
export const JWT_ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

export const JWT_SECRET_MIN_LENGTH = 32;
export const DEFAULT_AI_MODEL = 'command-a-03-2025';

export interface Config {
  environment: Environment;
  debug: boolean;
  host: string;
  port: number;
  database: DatabaseConfig;
  jwt: {
    secret: string;
    /** True when no JWT_SECRET was given outside production: sessions end with the process. */
    ephemeralSecret: boolean;
    algorithm: JwtAlgorithm;
    expirationHours: number;
  };
  ai: {
    provider: 'builtin' | 'cohere';
    cohereApiKey?: string;
    model: string;
    temperature: number;
    maxTokens: number;
  };
  /** Browser origins allowed to call the API with credentials (CORS). */
  frontendOrigins: string[];
  /** Public URL of the API, advertised in the OpenAPI document. */
  apiUrl: string;
  /**
   * Peers (addresses, CIDR ranges or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`)
   * whose X-Forwarded-For/-Proto/-Host are believed. The client address that login rate limiting
   * counts is the nearest untrusted hop, so a caller cannot pick its own by sending the header.
   */
  trustedProxies: string[];
  /** Apply pending migrations before listening (MIGRATE_ON_START, default true). */
  migrateOnStart: boolean;
  /** Serve the interactive docs page (API_DOCS_ENABLED; default: everywhere but production). */
  docsEnabled: boolean;
  /** Chat messages one user may send a minute (CHAT_RATE_LIMIT_PER_MINUTE). */
  chatRateLimitPerMinute: number;
  /** Sign-in attempts one client address may make a minute (LOGIN_RATE_LIMIT_PER_MINUTE). */
  loginRateLimitPerMinute: number;
  /** Registrations one client address may make an hour (REGISTER_RATE_LIMIT_PER_HOUR). */
  registerRateLimitPerHour: number;
}

export const DEFAULT_CHAT_RATE_LIMIT_PER_MINUTE = 20;
export const DEFAULT_LOGIN_RATE_LIMIT_PER_MINUTE = 10;
export const DEFAULT_REGISTER_RATE_LIMIT_PER_HOUR = 10;

/**
 * Only the local machine (`npm start`'s frontend forwarder) by default: trusting whole private
 * ranges would let any pod or neighbour on them name its own client address and dodge the
 * limits. In a cluster, TRUSTED_PROXIES names where the ingress controller connects from.
 */
export const DEFAULT_TRUSTED_PROXIES = ['loopback'];
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Reads and checks the whole configuration once, at start-up. Any problem throws a ConfigError
 * whose message is a single line naming the variable and what to do.
 */
export function loadConfig(env: Env, cwd = process.cwd()): Config {
  const environment = parseChoice('ENVIRONMENT', env.ENVIRONMENT, ENVIRONMENTS, 'development');
  const cohereApiKey = present(env.COHERE_API_KEY);
  return {
    environment,
    debug: parseBoolean('DEBUG', env.DEBUG, false),
    host: present(env.HOST) ?? '0.0.0.0',
    port: parseInteger('PORT', env.PORT, API_PORT, 0, 65_535),
    database: loadDatabaseConfig(env, cwd),
    jwt: {
      ...loadJwtSecret(env.JWT_SECRET, environment),
      algorithm: parseChoice('JWT_ALGORITHM', env.JWT_ALGORITHM, JWT_ALGORITHMS, 'HS256'),
      expirationHours: parseNumber(
        'JWT_EXPIRATION_HOURS',
        env.JWT_EXPIRATION_HOURS,
        24,
        0.01,
        8760,
      ),
    },
    ai: {
      provider: cohereApiKey ? 'cohere' : 'builtin',
      cohereApiKey,
      model: present(env.AI_MODEL) ?? DEFAULT_AI_MODEL,
      temperature: parseNumber('AI_TEMPERATURE', env.AI_TEMPERATURE, 0.3, 0, 1),
      maxTokens: parseInteger('AI_MAX_TOKENS', env.AI_MAX_TOKENS, 1000, 1, 32_000),
    },
    frontendOrigins: loadOrigins(env.FRONTEND_URL),
    apiUrl: parseUrl('API_URL', present(env.API_URL) ?? `http://localhost:${API_PORT}`)
      .toString()
      .replace(/\/$/, ''),
    trustedProxies: loadTrustedProxies(env.TRUSTED_PROXIES),
    migrateOnStart: parseBoolean('MIGRATE_ON_START', env.MIGRATE_ON_START, true),
    docsEnabled: parseBoolean(
      'API_DOCS_ENABLED',
      env.API_DOCS_ENABLED,
      environment !== 'production',
    ),
    chatRateLimitPerMinute: parseInteger(
      'CHAT_RATE_LIMIT_PER_MINUTE',
      env.CHAT_RATE_LIMIT_PER_MINUTE,
      DEFAULT_CHAT_RATE_LIMIT_PER_MINUTE,
      1,
      100_000,
    ),
    loginRateLimitPerMinute: parseInteger(
      'LOGIN_RATE_LIMIT_PER_MINUTE',
      env.LOGIN_RATE_LIMIT_PER_MINUTE,
      DEFAULT_LOGIN_RATE_LIMIT_PER_MINUTE,
      1,
      100_000,
    ),
    registerRateLimitPerHour: parseInteger(
      'REGISTER_RATE_LIMIT_PER_HOUR',
      env.REGISTER_RATE_LIMIT_PER_HOUR,
      DEFAULT_REGISTER_RATE_LIMIT_PER_HOUR,
      1,
      100_000,
    ),
  };
}

/** `TRUSTED_PROXIES`: comma-separated; `none` believes no forwarded header at all. */
function loadTrustedProxies(raw: string | undefined): string[] {
  const value = present(raw);
  if (!value) return DEFAULT_TRUSTED_PROXIES;
  if (value.toLowerCase() === 'none') return [];
  const entries = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!isProxyEntry(entry)) {
      throw new ConfigError(
        `TRUSTED_PROXIES: "${entry}" is not an IP address, a CIDR range (10.0.0.0/8) or one of ${[...PROXY_RANGE_NAMES].join(', ')}; use "none" to trust no proxy`,
      );
    }
  }
  return entries;
}

function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

function loadJwtSecret(
  raw: string | undefined,
  environment: Environment,
): { secret: string; ephemeralSecret: boolean } {
  const secret = present(raw);
  if (environment === 'production' && (!secret || secret.length < JWT_SECRET_MIN_LENGTH)) {
    const problem = secret ? `is only ${secret.length} characters long` : 'is not set';
    throw new ConfigError(
      `JWT_SECRET ${problem}: ENVIRONMENT=production needs at least ${JWT_SECRET_MIN_LENGTH} characters (generate one with: openssl rand -base64 48)`,
    );
  }
  if (secret) return { secret, ephemeralSecret: false };
  return { secret: randomBytes(48).toString('base64url'), ephemeralSecret: true };
}

/** `FRONTEND_URL` may list several origins, separated by commas. */
function loadOrigins(raw: string | undefined): string[] {
  const value = present(raw) ?? `http://localhost:${FRONTEND_PORT}`;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => parseUrl('FRONTEND_URL', part).origin);
}

export { ConfigError };
