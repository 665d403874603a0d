import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  API_ROUTES,
  APP_VERSION,
  HealthResponse,
  LiveResponse,
  type HealthResponse as Health,
} from '@pakaura/contract';
import { describeDatabaseError } from '../../db/errors';
import { PoolWatchdog } from '../../db/pool-watchdog';
import { SchemaStatus } from '../../db/schema-status';

/** Readiness answers within this budget even when the database hangs (the probe allows 3 s). */
export const HEALTH_DB_TIMEOUT_MS = 1_500;

export interface HealthRoutesOptions {
  /** The migrations this build ships: readiness fails while the database lacks some. */
  migrationsFolder: string;
  /** How long the pool may fail while the database works before liveness fails. */
  livenessStallMs?: number;
}

const health: FastifyPluginAsyncTypebox<HealthRoutesOptions> = async (fastify, options) => {
  const { database } = fastify;
  const schema = new SchemaStatus(database, options.migrationsFolder);
  const watchdog = new PoolWatchdog(database, options.livenessStallMs);

  fastify.get(
    API_ROUTES.health,
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: healthy only when the database answers and its schema is current',
        operationId: 'getReadiness',
        description:
          "200 when the database answers within 1.5 s and has every migration this version needs; 503 otherwise, with the reason. The kubelet's readiness probe.",
        response: { 200: HealthResponse, 503: HealthResponse },
      },
      logLevel: 'warn',
    },
    async (request, reply) => {
      const body: Health = {
        status: 'healthy',
        database: 'ok',
        version: APP_VERSION,
        engine: database.engine,
      };
      let pending: number;
      try {
        pending = await schema.pending(HEALTH_DB_TIMEOUT_MS);
        watchdog.record(true);
      } catch (error) {
        watchdog.record(false);
        const reason = describeDatabaseError(error);
        request.log.warn({ reason }, 'readiness: database not answering');
        return reply.status(503).send({
          ...body,
          status: 'unhealthy',
          database: 'error',
          reason: `The database is not answering: ${reason}`.slice(0, 300),
        });
      }
      if (pending === 0) return body;
      const reason = `${pending} database migration${pending === 1 ? ' is' : 's are'} pending: run "node migrate.js" (or "npx nx run api-container:migrate"), or start the API with MIGRATE_ON_START=true`;
      request.log.warn(reason);
      return reply
        .status(503)
        .send({ ...body, status: 'unhealthy', database: 'migrations-pending', reason });
    },
  );

  fastify.get(
    API_ROUTES.live,
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: fails only when the process cannot recover by itself',
        operationId: 'getLiveness',
        description:
          '200 while the process can recover by itself; 503 when its connection pool has served nothing for 30 s while new connections to the database work, so that the kubelet restarts it.',
        response: { 200: LiveResponse, 503: LiveResponse },
      },
      logLevel: 'warn',
    },
    async (request, reply) => {
      const reason = await watchdog.stuckReason();
      if (!reason) return { status: 'alive' as const };
      request.log.error({ reason }, 'liveness: the process cannot recover by itself');
      return reply.status(503).send({ status: 'stuck' as const, reason });
    },
  );
};

export default health;
