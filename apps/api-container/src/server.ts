import closeWithGrace from 'close-with-grace';
import Fastify from 'fastify';
import { APP_VERSION } from '@pakaura/contract';
import app from './app';
import { ConfigError, loadConfig } from './config/config';
import { openDatabase } from './db/database';
import { oneLineError } from './db/errors';
import { findMigrationsFolder, migrateDatabase } from './db/migrations';
import { fastifyOptions } from './fastify-options';

/** Grace period for in-flight requests after SIGTERM; Kubernetes waits 30 s before SIGKILL. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * `node main.js`: validates the configuration, opens the database (migrating an embedded PGlite
 * one; PostgreSQL is migrated by `node migrate.js`), listens, and on SIGTERM/SIGINT stops
 * accepting, finishes in-flight requests, closes the pool and exits 0.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const fastify = Fastify(fastifyOptions(config));
  const database = await openDatabase(config.database);
  if (database.engine === 'pglite') {
    const report = await migrateDatabase(database, findMigrationsFolder(__dirname));
    fastify.log.info(report, `embedded database at ${database.target}`);
  }
  await fastify.register(app, { config, database });

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
