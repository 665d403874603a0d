import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import { SESSION_COOKIE } from '@pakaura/contract';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from './errors';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SESSION_COOKIE_PRESENT = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`);

/**
 * Whether a request that rides on the session cookie comes from a page allowed to send it: the
 * browser says so with `Sec-Fetch-Site` (same-origin, or typed by the user) or with an `Origin`
 * that is a frontend origin or the API's own. A client that sends neither is not a browser, and
 * nothing can make it send someone else's cookie.
 */
export function isSameSiteRequest(request: FastifyRequest, allowedOrigins: Set<string>): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'same-origin' || site === 'none') return true;
  const origin = request.headers.origin;
  if (origin !== undefined)
    return allowedOrigins.has(origin) || origin === `${request.protocol}://${request.host}`;
  return site === undefined;
}

/**
 * Security headers (helmet: a JSON API's CSP `default-src 'none'`, no framing, nosniff, no
 * referrer), CORS for the frontend's origins (with credentials, so the session cookie travels),
 * and a cross-site check on state changes that the session cookie authenticates (CSRF): those
 * answer 403 unless they come from the frontend or the API's own origin.
 */
export default fp(
  async function httpSecurity(fastify) {
    await fastify.register(fastifyHelmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'none'"],
          'base-uri': ["'none'"],
          'form-action': ["'none'"],
          'frame-ancestors': ["'none'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
    });
    await fastify.register(fastifyCors, {
      origin: fastify.config.frontendOrigins,
      credentials: true,
      methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
      exposedHeaders: [
        'x-request-id',
        'retry-after',
        'ratelimit-limit',
        'ratelimit-remaining',
        'ratelimit-reset',
      ],
      maxAge: 600,
    });

    const allowedOrigins = new Set(fastify.config.frontendOrigins);
    fastify.addHook('onRequest', (request, _reply, done) => {
      if (
        !STATE_CHANGING.has(request.method) ||
        request.headers.authorization !== undefined ||
        !SESSION_COOKIE_PRESENT.test(request.headers.cookie ?? '') ||
        isSameSiteRequest(request, allowedOrigins)
      )
        return done();
      done(
        new HttpError(
          403,
          'This request carries the session cookie but comes from another site; send it from the Pakaura app',
        ),
      );
    });
  },
  { name: 'http-security', dependencies: ['config'] },
);
