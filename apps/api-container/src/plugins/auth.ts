import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import { SESSION_COOKIE, type AuthResponse, type User } from '@pakaura/contract';
import type { FastifyReply, preHandlerHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from './errors';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    /** What a session token carries: the user's id, nothing a person could read and misuse. */
    payload: { sub: string };
    user: { id: string };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler for routes that need a signed-in user; sets `request.user`. */
    authenticate: preHandlerHookHandler;
    /** Signs a session token for `user`, sets it as the httpOnly cookie and returns the body. */
    startSession(reply: FastifyReply, user: User): AuthResponse;
    endSession(reply: FastifyReply): void;
  }
}

const unauthorized = (message: string) => new HttpError(401, message);

/** What a failed lookup or verification tells the caller: always a 4xx, never a 500. */
function tokenError(error: unknown): Error {
  if ((error as { statusCode?: number }).statusCode) return error as Error;
  if ((error as { code?: string }).code === 'FAST_JWT_EXPIRED') {
    return unauthorized('Your session has expired; sign in again');
  }
  return unauthorized(
    `The session token is not valid (${(error as Error).message}); sign in again`,
  );
}

/** Distinct sessions whose verification is remembered (a few hundred bytes each). */
const TOKEN_CACHE_SIZE = 10_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sessions are JWTs signed with JWT_SECRET. Browsers keep theirs in an httpOnly SameSite=Lax
 * cookie (Secure when the request came over https); other clients send `Authorization: Bearer`.
 */
export default fp(
  async function auth(fastify) {
    const { secret, algorithm, expirationHours } = fastify.config.jwt;
    const expiresInSeconds = Math.round(expirationHours * 3600);
    await fastify.register(fastifyCookie);
    await fastify.register(fastifyJwt, {
      secret,
      sign: { algorithm, expiresIn: expiresInSeconds },
      verify: {
        algorithms: [algorithm],
        // Verified tokens are remembered (until they expire), keyed by fast-jwt's hash of the
        // whole token, so a client's next requests skip the signature check.
        cache: TOKEN_CACHE_SIZE,
      },
      cookie: { cookieName: SESSION_COOKIE, signed: false },
      messages: {
        badRequestErrorMessage: 'The Authorization header must be "Bearer <token>"',
        badCookieRequestErrorMessage: 'The session cookie could not be read; sign in again',
        noAuthorizationInHeaderMessage: 'Sign in first: no session cookie or Bearer token was sent',
        noAuthorizationInCookieMessage: 'Sign in first: no session cookie or Bearer token was sent',
      },
    });

    /**
     * Finds the token (Bearer header first, then the cookie) and verifies it with the verifier
     * built once at start-up: `request.jwtVerify()` would merge options and decode the token
     * twice on every request.
     */
    fastify.decorate('authenticate', function authenticate(request, _reply, done) {
      let payload: { sub?: unknown };
      try {
        payload = fastify.jwt.verify(fastify.jwt.lookupToken(request));
      } catch (error) {
        return done(tokenError(error));
      }
      if (typeof payload.sub !== 'string' || !UUID.test(payload.sub)) {
        return done(unauthorized('The session token names no user; sign in again'));
      }
      request.user = { id: payload.sub };
      done();
    } satisfies preHandlerHookHandler);

    fastify.decorate('startSession', function startSession(reply: FastifyReply, user: User) {
      const token = fastify.jwt.sign({ sub: user.id });
      const expiresAt = new Date(Date.now() + expiresInSeconds * 1000);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
        path: '/',
        expires: expiresAt,
      });
      return { user, token, expiresAt: expiresAt.toISOString() };
    });

    fastify.decorate('endSession', function endSession(reply: FastifyReply) {
      reply.clearCookie(SESSION_COOKIE, {
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
        path: '/',
      });
    });
  },
  { name: 'auth', dependencies: ['config'] },
);
