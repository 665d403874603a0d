import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  API_ROUTES,
  AuthResponse,
  ChangePasswordBody,
  LoginBody,
  MeResponse,
  RegisterBody,
} from '@pakaura/contract';
import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import {
  burnPasswordCheck,
  hashPassword,
  verifyPassword,
  type ScryptParams,
} from '../../auth/password';
import { users as usersTable } from '../../db/schema';
import { HttpError } from '../../plugins/errors';
import { RateLimitedError } from '../../plugins/rate-limits';
import { EmailTakenError, normalizeEmail, toUser, UserStore } from '../../users/user-store';
import { errorResponses } from '../error-responses';

export interface AuthRoutesOptions {
  passwordCost: ScryptParams;
}

const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];

const auth: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (fastify, options) => {
  const { passwordCost } = options;
  const { rateLimits: limits, rateLimitStore: counters } = fastify;
  const users = new UserStore(fastify.database.db);
  const bodyEmail = (request: { body: unknown }) =>
    normalizeEmail((request.body as { email: string }).email);

  fastify.post(
    API_ROUTES.register,
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an account and start a session',
        operationId: 'register',
        description:
          'Creates an account and starts a session: the answer carries the session token, and browsers also get it as an httpOnly cookie. Limited per client address and per email address.',
        body: RegisterBody,
        response: { 201: AuthResponse, ...errorResponses(400, 409, 413, 415, 429) },
      },
      preHandler: fastify.rateLimit(
        {
          scope: 'register-client',
          limit: limits.registerPerClient,
          per: 'client',
          refusal: 'Too many accounts created from your address',
        },
        {
          scope: 'register-email',
          limit: limits.registerPerEmail,
          per: bodyEmail,
          refusal: 'Too many registrations for this email address',
        },
      ),
    },
    async (request, reply) => {
      const { email, password, name } = request.body;
      if (!name.trim()) throw new HttpError(400, 'body.name must not be blank');
      try {
        const row = await users.create({
          email,
          name,
          passwordHash: await hashPassword(password, passwordCost),
        });
        return reply.status(201).send(await fastify.startSession(reply, toUser(row)));
      } catch (error) {
        if (error instanceof EmailTakenError)
          throw new HttpError(409, `${error.message}; sign in instead`);
        throw error;
      }
    },
  );

  fastify.post(
    API_ROUTES.login,
    {
      schema: {
        tags: ['auth'],
        summary: 'Start a session with email and password (rate-limited)',
        operationId: 'login',
        description:
          'Starts a session with email and password. Limited per client address, and per account with a growing wait after repeated failures.',
        body: LoginBody,
        response: { 200: AuthResponse, ...errorResponses(400, 401, 413, 415, 429) },
      },
      preHandler: fastify.rateLimit({
        scope: 'login-client',
        limit: limits.loginPerClient,
        per: 'client',
        refusal: 'Too many sign-in attempts from your address',
      }),
    },
    async (request, reply) => {
      const { email, password } = request.body;
      // Failures count per account, whichever address they come from (unknown emails too, so
      // that the answer does not tell which accounts exist).
      const account = counters.key('login-account', normalizeEmail(email));
      const blockedMs = await counters.blockedFor(account);
      if (blockedMs > 0)
        throw new RateLimitedError(
          Math.ceil(blockedMs / 1000),
          'Too many failed sign-ins for this account',
        );
      const row = await users.findByEmail(email);
      if (!row) {
        await burnPasswordCheck(password, passwordCost);
      } else if (await verifyPassword(password, row.passwordHash)) {
        await counters.clear(account);
        return fastify.startSession(reply, toUser(row));
      }
      await counters.recordFailure(account, limits.loginPerAccount);
      throw new HttpError(401, 'Email or password is incorrect');
    },
  );

  fastify.post(
    API_ROUTES.logout,
    {
      schema: {
        tags: ['auth'],
        summary: 'End the session on the server and clear the cookie',
        operationId: 'logout',
        description:
          'Ends the session the request carries (its token stops working at once) and clears the cookie. Answers 204 even without a session.',
        security: [],
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await fastify.endSession(request, reply);
      return reply.status(204).send(null);
    },
  );

  fastify.get(
    API_ROUTES.me,
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        operationId: 'getCurrentUser',
        description: 'The account the session belongs to.',
        security,
        response: { 200: MeResponse, ...errorResponses(401) },
      },
      preHandler: fastify.authenticate,
    },
    async (request) => {
      const row = await users.findById(request.user.id);
      if (!row) throw new HttpError(401, 'Your account no longer exists; sign in again');
      return { user: toUser(row) };
    },
  );

  fastify.post(
    API_ROUTES.password,
    {
      schema: {
        tags: ['auth'],
        summary: 'Change the password; ends every session and starts a new one',
        operationId: 'changePassword',
        description:
          'Changes the password after checking the current one, ends every session of the account (other devices are signed out) and starts a new one.',
        security,
        body: ChangePasswordBody,
        response: { 200: AuthResponse, ...errorResponses(400, 401, 403, 413, 415, 429) },
      },
      preHandler: [
        fastify.authenticate,
        fastify.rateLimit({
          scope: 'password-user',
          limit: limits.passwordChangePerUser,
          per: 'user',
          refusal: 'Too many password changes for this account',
        }),
      ],
    },
    async (request, reply) => {
      const row = await users.findById(request.user.id);
      if (!row) throw new HttpError(401, 'Your account no longer exists; sign in again');
      if (!(await verifyPassword(request.body.currentPassword, row.passwordHash)))
        throw new HttpError(403, 'The current password is not correct');
      await fastify.database.db
        .update(usersTable)
        .set({ passwordHash: await hashPassword(request.body.newPassword, passwordCost) })
        .where(eq(usersTable.id, row.id));
      await fastify.sessions.endAll(row.id);
      return fastify.startSession(reply, toUser(row));
    },
  );
};

export default auth;
