import { isAbsolute, resolve } from 'node:path';
import { POSTGRES_PORT } from '@pakaura/contract';
import { ConfigError, type Env, parseInteger, present } from './env';

export interface PostgresConfig {
  engine: 'postgres';
  /** node-postgres pool settings: a connection string, or discrete fields. */
  connection:
    | { connectionString: string }
    | { host: string; port: number; database: string; user: string; password?: string };
  /** Where the server is, for log lines and error messages: never contains the password. */
  target: string;
}

export interface PgliteConfig {
  engine: 'pglite';
  /** Folder holding the embedded database, or `memory://` for a throwaway one. */
  dataDir: string;
  target: string;
}

export type DatabaseConfig = PostgresConfig | PgliteConfig;

export const DEFAULT_PGLITE_DATA_DIR = '.data/pglite';
const DEFAULT_DB_NAME = 'pakaura';
const DEFAULT_DB_USER = 'pakaura';

/**
 * `DATABASE_URL`, else `DB_HOST` (with `DB_PORT`, `DB_NAME`, `DB_USER`, `DB_PASSWORD`) select a
 * PostgreSQL server; with neither the API keeps its data in PGlite under `PGLITE_DATA_DIR`.
 */
export function loadDatabaseConfig(env: Env, cwd = process.cwd()): DatabaseConfig {
  const url = present(env.DATABASE_URL);
  if (url)
    return { engine: 'postgres', connection: { connectionString: url }, target: describeUrl(url) };

  const host = present(env.DB_HOST);
  if (host) {
    const port = parseInteger('DB_PORT', env.DB_PORT, POSTGRES_PORT, 1, 65_535);
    const database = present(env.DB_NAME) ?? DEFAULT_DB_NAME;
    const user = present(env.DB_USER) ?? DEFAULT_DB_USER;
    return {
      engine: 'postgres',
      connection: { host, port, database, user, password: present(env.DB_PASSWORD) },
      target: `${user}@${host}:${port}/${database}`,
    };
  }

  const dataDir = present(env.PGLITE_DATA_DIR) ?? DEFAULT_PGLITE_DATA_DIR;
  if (dataDir.startsWith('memory://')) return { engine: 'pglite', dataDir, target: dataDir };
  const absolute = isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir);
  return { engine: 'pglite', dataDir: absolute, target: absolute };
}

function describeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'DATABASE_URL is not a valid URL: expected postgres://user:password@host:5432/database',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(
      `DATABASE_URL must start with postgres:// or postgresql:// (got ${url.protocol}//)`,
    );
  }
  const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
  return `${user}${url.hostname}:${url.port || POSTGRES_PORT}${url.pathname}`;
}
