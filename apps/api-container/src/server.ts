import closeWithGrace from 'close-with-grace';
import Fastify from 'fastify';
import { APP_VERSION } from '@pakaura/contract';
import app from './app';
import { migrateConfiguredDatabase } from './commands/migrate-command';
import { ConfigError, loadConfig } from './config/config';
import { openDatabase } from './db/database';
import { oneLineError } from './db/errors';
import { findMigrationsFolder, migrateDatabase } from './db/migrations';
import { fastifyOptions } from './fastify-options';

/** Grace period for in-flight requests after SIGTERM; Kubernetes waits 30 s before SIGKILL. */
const SHUTDOWN_GRACE_MS = 10_000;
/** How long start-up waits for PostgreSQL to accept connections before it migrates. */
const MIGRATE_WAIT_MS = 60_000;

/**
 * `node main.js`: validates the configuration, brings the schema up to date (PGlite always;
 * PostgreSQL unless MIGRATE_ON_START=false, where `node migrate.js` owns it), opens the database,
 * listens, and on SIGTERM/SIGINT stops accepting, finishes in-flight requests, closes the pool
 * and exits 0.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const fastify = Fastify(fastifyOptions(config));
  const migrationsFolder = findMigrationsFolder(__dirname);
  if (config.database.engine === 'postgres') {
    if (config.migrateOnStart) {
      await migrateConfiguredDatabase(config.database, migrationsFolder, {
        waitMs: MIGRATE_WAIT_MS,
        print: (line) => fastify.log.info(line),
      });
    } else {
      fastify.log.info(
        'MIGRATE_ON_START=false: migrations are left to "node migrate.js"; readiness reports 503 while any is pending',
      );
    }
  }
  const database = await openDatabase(config.database);
  if (database.engine === 'pglite') {
    const report = await migrateDatabase(database, migrationsFolder);
    fastify.log.info(report, `embedded database at ${database.target}`);
  }
  await fastify.register(app, { config, database, migrationsFolder });

  closeWithGrace({ delay: SHUTDOWN_GRACE_MS, logger: fastify.log }, async ({ signal, err }) => {
    if (err)
      fastify.log.error(
        { reason: oneLineError(err), stack: err.stack },
        'stopping after an unexpected error',
      );
    else fastify.log.info(`${signal ?? 'shutdown'}: finishing in-flight requests, then exiting`);
    await fastify.close();
  });

  if (config.jwt.ephemeralSecret) {
    fastify.log.warn(
      'JWT_SECRET is not set: using a random one, so sessions end when the process stops',
    );
  }
  await fastify.listen({ host: config.host, port: config.port });
  fastify.log.info(
    {
      environment: config.environment,
      database: `${database.engine} ${database.target}`,
      assistant: config.ai.provider,
    },
    `Pakaura API ${APP_VERSION} ready`,
  );
}

main().catch((error: unknown) => {
  const prefix = error instanceof ConfigError ? 'Invalid configuration' : 'The API could not start';
  console.error(`${prefix}: ${oneLineError(error)}`);
  process.exit(1);
});
