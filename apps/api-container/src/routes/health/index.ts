import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  API_ROUTES,
  APP_VERSION,
  HealthResponse,
  LiveResponse,
  type HealthResponse as Health,
} from '@pakaura/contract';
import { describeDatabaseError } from '../../db/errors';

/** Readiness answers within this budget even when the database hangs (the probe allows 2 s). */
export const HEALTH_DB_TIMEOUT_MS = 1_500;

const health: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    API_ROUTES.health,
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: healthy only when the database answers',
        response: { 200: HealthResponse, 503: HealthResponse },
      },
      logLevel: 'warn',
    },
    async (request, reply) => {
      const { database } = fastify;
      const body: Health = {
        status: 'healthy',
        database: 'ok',
        version: APP_VERSION,
        engine: database.engine,
      };
      try {
        await database.ping(HEALTH_DB_TIMEOUT_MS);
        return body;
      } catch (error) {
        request.log.warn(
          { reason: describeDatabaseError(error) },
          'readiness: database not answering',
        );
        return reply.status(503).send({ ...body, status: 'unhealthy', database: 'error' });
      }
    },
  );

  fastify.get(
    API_ROUTES.live,
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process answers (no database call)',
        response: { 200: LiveResponse },
      },
      logLevel: 'warn',
    },
    async () => ({ status: 'alive' as const }),
  );
};

export default health;
