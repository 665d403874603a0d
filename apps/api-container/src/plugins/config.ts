import fp from 'fastify-plugin';
import type { Config } from '../config/config';
import type { Database } from '../db/database';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
  }
}

/** Makes the validated configuration and the open database available to every plugin. */
export default fp<{ config: Config; database: Database }>(
  async function config(fastify, { config, database }) {
    fastify.decorate('config', config);
    fastify.decorate('database', database);
    // The app owns the database from here: closing the app (SIGTERM) closes the pool.
    fastify.addHook('onClose', async () => database.close());
  },
  { name: 'config' },
);
