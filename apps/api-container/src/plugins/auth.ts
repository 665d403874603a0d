import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import { SESSION_COOKIE, type AuthResponse, type User } from '@pakaura/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** Signs a session token for `user`, sets it as the httpOnly cookie and returns the body. */
    startSession(reply: FastifyReply, user: User): AuthResponse;
    endSession(reply: FastifyReply): void;
  }
}

const unauthorized = (message: string) => new HttpError(401, message);

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
      verify: { algorithms: [algorithm] },
      cookie: { cookieName: SESSION_COOKIE, signed: false },
      formatUser: (payload) => ({ id: payload.sub }),
      messages: {
        badRequestErrorMessage: 'The Authorization header must be "Bearer <token>"',
        badCookieRequestErrorMessage: 'The session cookie could not be read; sign in again',
        noAuthorizationInHeaderMessage: 'Sign in first: no session cookie or Bearer token was sent',
        noAuthorizationInCookieMessage: 'Sign in first: no session cookie or Bearer token was sent',
        authorizationTokenExpiredMessage: 'Your session has expired; sign in again',
        // Called once with `%s`, which each failure fills with fast-jwt's reason.
        authorizationTokenInvalid: (error) =>
          `The session token is not valid (${error.message}); sign in again`,
        authorizationTokenUntrusted: 'The session token is not trusted; sign in again',
        authorizationTokenUnsigned: 'The session token is not signed; sign in again',
      },
    });

    fastify.decorate('authenticate', async function authenticate(request: FastifyRequest) {
      try {
        await request.jwtVerify();
      } catch (error) {
        // @fastify/jwt maps most token faults to 401 but lets some through raw (a token signed
        // with another HMAC algorithm): those are the caller's fault too, never a 500.
        if ((error as { statusCode?: number }).statusCode) throw error;
        throw unauthorized(
          `The session token is not valid (${(error as Error).message.replace(/\.$/, '')}); sign in again`,
        );
      }
      if (typeof request.user?.id !== 'string' || !UUID.test(request.user.id)) {
        throw unauthorized('The session token names no user; sign in again');
      }
    });

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
