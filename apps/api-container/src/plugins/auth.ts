import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import { SESSION_COOKIE, type AuthResponse, type User } from '@pakaura/contract';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { SessionStore } from '../auth/session-store';
import { HttpError } from './errors';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    /**
     * What a session token carries: the user's id and the session's, nothing a person could
     * read and misuse.
     */
    payload: { sub: string; sid: string };
    user: { id: string; sessionId: string };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler for routes that need a signed-in user; sets `request.user`. */
    authenticate: preHandlerAsyncHookHandler;
    /** Starts a server-side session for `user`, sets its token as the httpOnly cookie, returns the body. */
    startSession(reply: FastifyReply, user: User): Promise<AuthResponse>;
    /** Ends the request's session on the server, if it names a live one, and clears the cookie. */
    endSession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    sessions: SessionStore;
  }
}

const unauthorized = (message: string) => new HttpError(401, message);
const SESSION_ENDED =
  'This session has ended (signed out, password changed, or the account was deleted); sign in again';

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

    const sessions = new SessionStore(fastify.database.db);
    fastify.decorate('sessions', sessions);

    /** The verified token's user and session ids; throws a 4xx when there is none. */
    function verifiedSession(request: FastifyRequest): { id: string; sessionId: string } {
      let payload: { sub?: unknown; sid?: unknown };
      try {
        payload = fastify.jwt.verify(fastify.jwt.lookupToken(request));
      } catch (error) {
        throw tokenError(error);
      }
      if (typeof payload.sub !== 'string' || !UUID.test(payload.sub)) {
        throw unauthorized('The session token names no user; sign in again');
      }
      if (typeof payload.sid !== 'string' || !UUID.test(payload.sid)) {
        throw unauthorized(SESSION_ENDED);
      }
      return { id: payload.sub, sessionId: payload.sid };
    }

    /**
     * Finds the token (Bearer header first, then the cookie), verifies it with the verifier
     * built once at start-up (`request.jwtVerify()` would merge options and decode the token
     * twice on every request), then checks that its session still exists on the server: logout
     * and a password change end sessions before their tokens expire.
     */
    fastify.decorate('authenticate', async function authenticate(request: FastifyRequest) {
      const session = verifiedSession(request);
      if (!(await sessions.isActive(session.sessionId, session.id)))
        throw unauthorized(SESSION_ENDED);
      request.user = session;
    } satisfies preHandlerAsyncHookHandler);

    fastify.decorate('startSession', async function startSession(reply: FastifyReply, user: User) {
      const expiresAt = new Date(Date.now() + expiresInSeconds * 1000);
      const sessionId = await sessions.start(user.id, expiresAt);
      const token = fastify.jwt.sign({ sub: user.id, sid: sessionId });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
        path: '/',
        expires: expiresAt,
      });
      return { user, token, expiresAt: expiresAt.toISOString() };
    });

    fastify.decorate(
      'endSession',
      async function endSession(request: FastifyRequest, reply: FastifyReply) {
        let session: { id: string; sessionId: string } | undefined;
        try {
          session = verifiedSession(request);
        } catch {
          // No valid token: nothing to end on the server; the cookie is cleared all the same.
        }
        if (session) await sessions.end(session.sessionId, session.id);
        reply.clearCookie(SESSION_COOKIE, {
          httpOnly: true,
          sameSite: 'lax',
          secure: 'auto',
          path: '/',
        });
      },
    );
  },
  { name: 'auth', dependencies: ['config'] },
);
