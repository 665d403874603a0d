import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { API_ROUTES, SESSION_COOKIE, type AuthResponse } from '@pakaura/contract';
import app, { type AppOptions } from '../../src/app';
import { loadConfig, type Config } from '../../src/config/config';
import type { Env } from '../../src/config/env';
import type { Database } from '../../src/db/database';
import { fastifyOptions, loggerOptions } from '../../src/fastify-options';
import { MIGRATIONS_FOLDER, openTestDatabase } from './test-database';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-production-use';

/** Cheap scrypt for tests; the default cost is covered by the password tests. */
export const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 };

const PLENTY = { max: 100_000, windowMs: 60_000 };
const GENEROUS_LIMITS = {
  loginPerClient: PLENTY,
  registerPerClient: PLENTY,
  registerPerEmail: PLENTY,
  chatPerUser: PLENTY,
  chatPerClient: PLENTY,
};

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  /** Every log line the app wrote, as parsed JSON. */
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Env;
  app?: Partial<Omit<AppOptions, 'config'>>;
}

/** The real app on a private migrated database, logging (at debug level) into memory. */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({
    ENVIRONMENT: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    DEBUG: 'true',
    ...options.env,
  });
  const logs: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      callback();
    },
  });
  const { database, dispose } = options.app?.database
    ? { database: options.app.database, dispose: async () => undefined }
    : await openTestDatabase();
  const fastify = Fastify(fastifyOptions(config, { ...loggerOptions(config), stream }));
  await fastify.register(app, {
    passwordCost: TEST_PASSWORD_COST,
    migrationsFolder: MIGRATIONS_FOLDER,
    ...options.app,
    // Tests register and sign in many accounts from one address; the limits' own tests set theirs.
    rateLimits: { ...GENEROUS_LIMITS, ...options.app?.rateLimits },
    config,
    database,
  });
  await fastify.ready();
  return {
    app: fastify,
    config,
    logs,
    close: async () => {
      await fastify.close();
      await dispose();
    },
  };
}

/** Another app may use this database without closing it when it closes. */
export function borrow(database: Database): Database {
  return { ...database, close: async () => undefined };
}

let counter = 0;
/** A new account's credentials, unique within the run. */
export function newCredentials(name = 'Ada') {
  counter += 1;
  return {
    email: `user-${process.pid}-${Date.now()}-${counter}@example.test`,
    password: `correct horse battery ${counter}`,
    name,
  };
}

export interface Session extends AuthResponse {
  /** `Authorization` header value. */
  bearer: string;
  /** The `Set-Cookie` value the browser would keep. */
  cookie: string;
}

export async function register(
  app: FastifyInstance,
  credentials = newCredentials(),
): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: API_ROUTES.register,
    payload: credentials,
  });
  if (response.statusCode !== 201)
    throw new Error(`register answered ${response.statusCode}: ${response.body}`);
  return toSession(response);
}

export function toSession(response: LightMyRequestResponse): Session {
  const body = response.json<AuthResponse>();
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie was set');
  return { ...body, bearer: `Bearer ${body.token}`, cookie: `${SESSION_COOKIE}=${cookie.value}` };
}
