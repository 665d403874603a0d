/**
 * Environment variables the API reads. The chart, the raw manifests and the API's config loader
 * all use these names; contract tests compare them.
 */
export const API_CONFIG_ENV = [
  'DB_HOST',
  'DB_PORT',
  'DB_NAME',
  'DB_USER',
  'JWT_ALGORITHM',
  'JWT_EXPIRATION_HOURS',
  'AI_MODEL',
  'AI_TEMPERATURE',
  'AI_MAX_TOKENS',
  'FRONTEND_URL',
  'API_URL',
  'ENVIRONMENT',
  'DEBUG',
] as const;

/** Read only through `secretKeyRef`, never from a ConfigMap or an inline `value`. */
export const API_SECRET_ENV = ['DB_PASSWORD', 'JWT_SECRET', 'COHERE_API_KEY'] as const;

/**
 * Set by the process manager or for local runs; not part of the ConfigMap. `HOST` is the interface
 * the API listens on (all interfaces by default, as a container needs; `npm start` uses loopback).
 * `TRUSTED_PROXIES` lists the peers whose `X-Forwarded-*` headers are believed (loopback only by
 * default; the chart names where its ingress controller connects from). `MIGRATE_ON_START`
 * (default true) lets the server apply migrations before it listens; the chart turns it off, since
 * its migration Job and init container own the schema. `API_DOCS_ENABLED` serves the docs page
 * in production too. `CHAT_RATE_LIMIT_PER_MINUTE` is the chat messages one user may send a minute,
 * `LOGIN_RATE_LIMIT_PER_MINUTE` and `REGISTER_RATE_LIMIT_PER_HOUR` the sign-ins and registrations
 * one client address may make (raise them when many people share one address).
 */
export const API_RUNTIME_ENV = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'PGLITE_DATA_DIR',
  'TRUSTED_PROXIES',
  'MIGRATE_ON_START',
  'API_DOCS_ENABLED',
  'CHAT_RATE_LIMIT_PER_MINUTE',
  'LOGIN_RATE_LIMIT_PER_MINUTE',
  'REGISTER_RATE_LIMIT_PER_HOUR',
] as const;

export type ApiEnvName =
  | (typeof API_CONFIG_ENV)[number]
  | (typeof API_SECRET_ENV)[number]
  | (typeof API_RUNTIME_ENV)[number];

/** Variables the frontend server reads: where `/api/*` is forwarded, and where it listens. */
export const FRONTEND_ENV = ['API_URL', 'PORT', 'HOSTNAME'] as const;

/** Keys of the Kubernetes Secret (seed T015). */
export const SECRET_KEYS = API_SECRET_ENV;
