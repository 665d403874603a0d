import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorResponse } from '@pakaura/contract';
import { DEFAULT_SCRYPT, type ScryptParams } from './auth/password';
import { BuiltinProvider } from './chat/builtin/builtin-provider';
import { CohereProvider } from './chat/cohere/cohere-provider';
import type { ChatProvider } from './chat/provider';
import type { Config } from './config/config';
import type { Database } from './db/database';
import auth from './plugins/auth';
import configPlugin from './plugins/config';
import errors from './plugins/errors';
import gracefulClose from './plugins/graceful-close';
import httpSecurity from './plugins/http-security';
import jsonBody from './plugins/json-body';
import metrics from './plugins/metrics';
import openapi from './plugins/openapi';
import rateLimits from './plugins/rate-limits';
import type { RateLimits } from './rate-limit/limits';
import requestIdHeader from './plugins/request-id';
import authRoutes from './routes/auth';
import chatRoutes from './routes/chat';
import healthRoutes from './routes/health';
import taskRoutes from './routes/tasks';

export interface AppOptions {
  config: Config;
  /** An open database; the app closes it when it closes. */
  database: Database;
  /** The migrations folder of this build: readiness fails while the database lacks one. */
  migrationsFolder: string;
  /** How long the pool may fail while the database works before liveness fails (default 30 s). */
  livenessStallMs?: number;
  /** Changes to the rate limits (tests use small ones); see `defaultRateLimits`. */
  rateLimits?: Partial<RateLimits>;
  /** scrypt cost for new password hashes (default DEFAULT_SCRYPT; tests use a cheaper one). */
  passwordCost?: ScryptParams;
  /** Where the Cohere SDK connects and how often it retries (tests use a local fake server). */
  cohere?: { baseUrl?: string; maxRetries?: number; timeoutSeconds?: number };
  /** The clock the assistant reads relative dates against (default: the system clock). */
  now?: () => Date;
}

function chatProvider(fastify: FastifyInstance, options: AppOptions): ChatProvider {
  const { ai } = options.config;
  if (ai.provider === 'builtin' || !ai.cohereApiKey) return new BuiltinProvider();
  return new CohereProvider({
    apiKey: ai.cohereApiKey,
    model: ai.model,
    temperature: ai.temperature,
    maxTokens: ai.maxTokens,
    ...options.cohere,
    onError: (details) => fastify.log.warn(details, 'Cohere chat call failed'),
  });
}

/** The whole API as one plugin: `server.ts` listens with it, tests `inject` into it. */
const app: FastifyPluginAsync<AppOptions> = async (fastify, options) => {
  fastify.addSchema(ErrorResponse);
  await fastify.register(errors);
  await fastify.register(configPlugin, { config: options.config, database: options.database });
  await fastify.register(requestIdHeader);
  await fastify.register(gracefulClose);
  await fastify.register(jsonBody);
  await fastify.register(metrics);
  await fastify.register(httpSecurity);
  await fastify.register(auth);
  await fastify.register(rateLimits, { overrides: options.rateLimits });
  await fastify.register(openapi);

  await fastify.register(healthRoutes, {
    migrationsFolder: options.migrationsFolder,
    livenessStallMs: options.livenessStallMs,
  });
  await fastify.register(authRoutes, { passwordCost: options.passwordCost ?? DEFAULT_SCRYPT });
  await fastify.register(taskRoutes);
  await fastify.register(chatRoutes, {
    provider: chatProvider(fastify, options),
    now: options.now ?? (() => new Date()),
  });
};

export default fp(app, { name: 'pakaura-api' });
