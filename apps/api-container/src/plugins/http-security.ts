import fastifyCors from '@fastify/cors';
import fastifyRateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

/**
 * CORS for the frontend's origins (with credentials, so the session cookie travels), and the
 * rate limiter, off by default: routes opt in (login) with `config.rateLimit`.
 */
export default fp(
  async function httpSecurity(fastify) {
    await fastify.register(fastifyCors, {
      origin: fastify.config.frontendOrigins,
      credentials: true,
      methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    });
    await fastify.register(fastifyRateLimit, { global: false });
  },
  { name: 'http-security', dependencies: ['config'] },
);
