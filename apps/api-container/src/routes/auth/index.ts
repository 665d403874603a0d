import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { API_ROUTES, AuthResponse, LoginBody, MeResponse, RegisterBody } from '@pakaura/contract';
import { Type } from '@sinclair/typebox';
import {
  burnPasswordCheck,
  hashPassword,
  verifyPassword,
  type ScryptParams,
} from '../../auth/password';
import { HttpError } from '../../plugins/errors';
import { EmailTakenError, toUser, UserStore } from '../../users/user-store';
import { errorResponses } from '../error-responses';

export interface AuthRoutesOptions {
  loginRateLimit: { max: number; timeWindowMs: number };
  passwordCost: ScryptParams;
}

const auth: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (fastify, options) => {
  const { loginRateLimit, passwordCost } = options;
  const users = new UserStore(fastify.database.db);

  fastify.post(
    API_ROUTES.register,
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an account and start a session',
        body: RegisterBody,
        response: { 201: AuthResponse, ...errorResponses(400, 409, 413, 415) },
      },
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
        return reply.status(201).send(fastify.startSession(reply, toUser(row)));
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
        body: LoginBody,
        response: { 200: AuthResponse, ...errorResponses(400, 401, 413, 415, 429) },
      },
      config: {
        rateLimit: {
          max: loginRateLimit.max,
          timeWindow: loginRateLimit.timeWindowMs,
          errorResponseBuilder: (_request, context) =>
            new HttpError(429, `Too many sign-in attempts; try again in ${context.after}`),
        },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const row = await users.findByEmail(email);
      if (!row) {
        await burnPasswordCheck(password, passwordCost);
      } else if (await verifyPassword(password, row.passwordHash)) {
        return fastify.startSession(reply, toUser(row));
      }
      throw new HttpError(401, 'Email or password is incorrect');
    },
  );

  fastify.post(
    API_ROUTES.logout,
    {
      schema: {
        tags: ['auth'],
        summary: 'End the browser session (clears the cookie)',
        response: { 204: Type.Null() },
      },
    },
    async (_request, reply) => {
      fastify.endSession(reply);
      return reply.status(204).send(null);
    },
  );

  fastify.get(
    API_ROUTES.me,
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        security: [{ bearer: [] as string[] }, { cookie: [] as string[] }],
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
};

export default auth;
