import {
  API_ROUTES,
  SESSION_COOKIE,
  TITLE_MAX_LENGTH,
  taskRoute,
  type Task,
} from '@pakaura/contract';
import { asc } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tasks, users } from '../../src/db/schema';
import {
  buildTestApp,
  newCredentials,
  register,
  TEST_JWT_SECRET,
  type Session,
  type TestApp,
} from '../helpers/app';
import { craftToken } from '../helpers/jwt';

/**
 * Every kind of bad input the API must survive: each answers 4xx with a sentence naming the
 * problem, never 5xx, and leaves what is stored exactly as it was.
 */
describe('bad input', () => {
  let ctx: TestApp;
  let owner: Session;
  let other: Session;
  let task: Task;
  let done: Task;

  const dump = async () => ({
    tasks: await ctx.app.database.db.select().from(tasks).orderBy(asc(tasks.id)),
    users: await ctx.app.database.db.select().from(users).orderBy(asc(users.id)),
  });

  beforeAll(async () => {
    ctx = await buildTestApp();
    owner = await register(ctx.app, { ...newCredentials('Owner'), email: 'owner@example.test' });
    other = await register(ctx.app);
    const created = (payload: object) =>
      ctx.app.inject({
        method: 'POST',
        url: API_ROUTES.tasks,
        headers: { authorization: owner.bearer },
        payload,
      });
    task = (await created({ title: 'Keep me exactly as I am', priority: 'high' })).json();
    done = (await created({ title: 'Completed one' })).json();
    await ctx.app.inject({
      method: 'PATCH',
      url: taskRoute(done.id),
      headers: { authorization: owner.bearer },
      payload: { completed: true },
    });
  });
  afterAll(() => ctx.close());

  const authed = (options: InjectOptions): InjectOptions => ({
    ...options,
    headers: { authorization: owner.bearer, ...options.headers },
  });
  const json = (method: 'POST' | 'PATCH', url: string, raw: string) =>
    authed({ method, url, payload: raw, headers: { 'content-type': 'application/json' } });

  type Case = [name: string, request: () => InjectOptions, status: number, message: RegExp];
  const cases: Case[] = [
    // Malformed JSON
    [
      'a truncated JSON body',
      () => json('POST', API_ROUTES.tasks, '{"title": "x",'),
      400,
      /not valid JSON/,
    ],
    [
      'JSON with a trailing comma on update',
      () => json('PATCH', taskRoute(task.id), '{"title": "x",}'),
      400,
      /not valid JSON/,
    ],
    [
      'a JSON array instead of an object',
      () => json('POST', API_ROUTES.tasks, '[{"title": "x"}]'),
      400,
      /body must be an object/,
    ],
    [
      'a prototype-poisoning key',
      () => json('PATCH', taskRoute(task.id), '{"__proto__": {"completed": true}}'),
      400,
      /not valid JSON/,
    ],
    [
      'a body that is not JSON',
      () =>
        authed({
          method: 'POST',
          url: API_ROUTES.tasks,
          payload: 'title=x',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      415,
      /application\/json/,
    ],
    // Wrong types
    [
      'a number as title',
      () => authed({ method: 'POST', url: API_ROUTES.tasks, payload: { title: 123 } }),
      400,
      /body\.title must be a string/,
    ],
    [
      'a string as completed',
      () => authed({ method: 'PATCH', url: taskRoute(task.id), payload: { completed: 'true' } }),
      400,
      /body\.completed must be a boolean/,
    ],
    [
      'an unknown priority',
      () => authed({ method: 'PATCH', url: taskRoute(task.id), payload: { priority: 'urgent' } }),
      400,
      /body\.priority must be one of "low", "medium", "high"/,
    ],
    [
      'a due date that is not a date',
      () => authed({ method: 'PATCH', url: taskRoute(task.id), payload: { dueDate: 'tomorrow' } }),
      400,
      /body\.dueDate must be a calendar date/,
    ],
    [
      'a due date that does not exist',
      () =>
        authed({ method: 'PATCH', url: taskRoute(task.id), payload: { dueDate: '2030-02-30' } }),
      400,
      /body\.dueDate must be a calendar date/,
    ],
    [
      'an object as email',
      () => ({
        method: 'POST',
        url: API_ROUTES.login,
        payload: { email: { $ne: '' }, password: 'x' },
      }),
      400,
      /body\.email must be a string/,
    ],
    // Missing fields
    [
      'a task without a title',
      () => authed({ method: 'POST', url: API_ROUTES.tasks, payload: { description: 'no title' } }),
      400,
      /body is missing the field "title"/,
    ],
    [
      'a task without a body',
      () => authed({ method: 'POST', url: API_ROUTES.tasks }),
      400,
      /body must be an object/,
    ],
    [
      'an update with no fields',
      () => authed({ method: 'PATCH', url: taskRoute(task.id), payload: {} }),
      400,
      /at least 1 field/,
    ],
    [
      'a registration without a password',
      () => ({
        method: 'POST',
        url: API_ROUTES.register,
        payload: { email: 'new@example.test', name: 'New' },
      }),
      400,
      /missing the field "password"/,
    ],
    [
      'a sign-in without an email',
      () => ({ method: 'POST', url: API_ROUTES.login, payload: { password: 'x' } }),
      400,
      /missing the field "email"/,
    ],
    // Sizes and blanks
    [
      'a 1 MB title',
      () =>
        authed({
          method: 'POST',
          url: API_ROUTES.tasks,
          payload: { title: 'x'.repeat(1024 * 1024) },
        }),
      413,
      /larger than the 64 KiB limit/,
    ],
    [
      'a title one character too long',
      () =>
        authed({
          method: 'PATCH',
          url: taskRoute(task.id),
          payload: { title: 'x'.repeat(TITLE_MAX_LENGTH + 1) },
        }),
      400,
      /at most 200 characters/,
    ],
    [
      'a blank title',
      () => authed({ method: 'PATCH', url: taskRoute(task.id), payload: { title: '   ' } }),
      400,
      /body\.title must not be blank/,
    ],
    [
      'an empty title',
      () => authed({ method: 'POST', url: API_ROUTES.tasks, payload: { title: '' } }),
      400,
      /body\.title must not be empty/,
    ],
    [
      'a blank name',
      () => ({
        method: 'POST',
        url: API_ROUTES.register,
        payload: { ...newCredentials(), name: '  ' },
      }),
      400,
      /name must not be blank/,
    ],
    [
      'a NUL character in a title',
      () => authed({ method: 'PATCH', url: taskRoute(task.id), payload: { title: 'a\u0000b' } }),
      400,
      /cannot be stored/,
    ],
    [
      'a short password',
      () => ({
        method: 'POST',
        url: API_ROUTES.register,
        payload: { ...newCredentials(), password: 'short' },
      }),
      400,
      /password must be at least 8 characters/,
    ],
    [
      'an invalid email',
      () => ({
        method: 'POST',
        url: API_ROUTES.register,
        payload: { ...newCredentials(), email: 'not-an-email' },
      }),
      400,
      /email must be a valid email address/,
    ],
    // Unknown fields
    [
      'an unknown field on create',
      () =>
        authed({
          method: 'POST',
          url: API_ROUTES.tasks,
          payload: { title: 'x', userId: other.user.id },
        }),
      400,
      /unknown field "userId"/,
    ],
    [
      'an unknown field on update',
      () =>
        authed({ method: 'PATCH', url: taskRoute(task.id), payload: { title: 'x', id: done.id } }),
      400,
      /unknown field "id"/,
    ],
    [
      'an unknown field on registration',
      () => ({
        method: 'POST',
        url: API_ROUTES.register,
        payload: { ...newCredentials(), role: 'admin' },
      }),
      400,
      /unknown field "role"/,
    ],
    [
      'an unknown query parameter',
      () => authed({ method: 'GET', url: `${API_ROUTES.tasks}?owner=someone` }),
      400,
      /unknown field "owner"/,
    ],
    [
      'an unknown status filter',
      () => authed({ method: 'GET', url: `${API_ROUTES.tasks}?status=deleted` }),
      400,
      /querystring\.status must be one of/,
    ],
    // SQL metacharacters where they cannot be data
    [
      'SQL in a task id',
      () => authed({ method: 'GET', url: taskRoute("1' OR '1'='1") }),
      400,
      /params\.id must be a UUID/,
    ],
    [
      'SQL in a task id on delete',
      () => authed({ method: 'DELETE', url: taskRoute('1; DROP TABLE tasks; --') }),
      400,
      /params\.id must be a UUID/,
    ],
    [
      'SQL in the email of a sign-in',
      () => ({
        method: 'POST',
        url: API_ROUTES.login,
        payload: { email: "' OR 1=1 --", password: 'x' },
      }),
      400,
      /valid email address/,
    ],
    // Tokens
    [
      'a forged token on delete-completed',
      () => ({
        method: 'DELETE',
        url: API_ROUTES.completedTasks,
        headers: {
          authorization: `Bearer ${craftToken({ sub: owner.user.id }, { secret: 'guessed' })}`,
        },
      }),
      401,
      /not valid/,
    ],
    [
      'an expired token on update',
      () => ({
        method: 'PATCH',
        url: taskRoute(task.id),
        payload: { title: 'x' },
        headers: {
          authorization: `Bearer ${craftToken({ sub: owner.user.id, exp: 1 }, { secret: TEST_JWT_SECRET })}`,
        },
      }),
      401,
      /expired/,
    ],
    [
      'a tampered cookie on delete',
      () => ({
        method: 'DELETE',
        url: taskRoute(task.id),
        headers: { cookie: `${SESSION_COOKIE}=${owner.token.slice(0, -4)}AAAA` },
      }),
      401,
      /not valid/,
    ],
    [
      'no session on delete-completed',
      () => ({ method: 'DELETE', url: API_ROUTES.completedTasks }),
      401,
      /Sign in first/,
    ],
    // Another user's ids
    [
      "another user's task on update",
      () => ({
        method: 'PATCH',
        url: taskRoute(task.id),
        payload: { completed: false, title: 'mine now' },
        headers: { authorization: other.bearer },
      }),
      404,
      /No task with this id/,
    ],
    [
      "another user's task on delete",
      () => ({
        method: 'DELETE',
        url: taskRoute(done.id),
        headers: { authorization: other.bearer },
      }),
      404,
      /No task with this id/,
    ],
    [
      "another user's completed tasks on delete-completed",
      () => ({
        method: 'DELETE',
        url: API_ROUTES.completedTasks,
        headers: { authorization: other.bearer },
      }),
      200,
      /^$/,
    ],
    // Registering an existing account
    [
      'a registration for a taken email',
      () => ({
        method: 'POST',
        url: API_ROUTES.register,
        payload: { ...newCredentials('Intruder'), email: 'OWNER@example.test' },
      }),
      409,
      /already exists/,
    ],
  ];

  it.each(cases)('%s', async (_name, request, status, message) => {
    const before = await dump();
    const response = await ctx.app.inject(request());
    expect(response.statusCode).toBe(status);
    const body = response.json();
    if (status >= 400) expect(body.message).toMatch(message);
    else expect(body).toEqual({ deleted: 0 });
    expect(await dump()).toEqual(before);
  });

  it('stores SQL metacharacters in a title as plain text and finds them literally', async () => {
    const title = `Robert'); DROP TABLE tasks; -- "quoted" \\ 100%_`;
    const created = await ctx.app.inject(
      authed({ method: 'POST', url: API_ROUTES.tasks, payload: { title } }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json<Task>().title).toBe(title);
    const search = await ctx.app.inject(
      authed({
        method: 'GET',
        url: `${API_ROUTES.tasks}?search=${encodeURIComponent("'); DROP TABLE")}`,
      }),
    );
    expect(search.json().tasks.map((t: Task) => t.title)).toEqual([title]);
    const all = await ctx.app.inject(authed({ method: 'GET', url: API_ROUTES.tasks }));
    expect(all.json().tasks).toHaveLength(3);
  });

  it('answers unknown routes with 404 and a message', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/nope?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ message: 'No route for GET /api/v1/nope' });
  });
});
