import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  API_ROUTES,
  CreateTaskBody,
  DeleteCompletedResponse,
  IdParams,
  ListTasksQuery,
  Task,
  TaskList,
  UpdateTaskBody,
} from '@pakaura/contract';
import { Type } from '@sinclair/typebox';
import { HttpError } from '../../plugins/errors';
import { TaskStore } from '../../tasks/task-store';
import { errorResponses } from '../error-responses';

const NOT_FOUND = 'No task with this id (it may have been deleted)';
const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];

/** The caller's tasks. Another user's task id answers 404, exactly like an unknown id. */
const tasks: FastifyPluginAsyncTypebox = async (fastify) => {
  const { db } = fastify.database;
  const storeFor = (userId: string) => new TaskStore(db, userId);
  fastify.addHook('preHandler', fastify.authenticate);

  fastify.get(
    API_ROUTES.tasks,
    {
      schema: {
        tags: ['tasks'],
        summary: 'List tasks, newest first; filter by status, search titles',
        security,
        querystring: ListTasksQuery,
        response: { 200: TaskList, ...errorResponses(400, 401) },
      },
    },
    async (request) => storeFor(request.user.id).page(request.query),
  );

  fastify.post(
    API_ROUTES.tasks,
    {
      schema: {
        tags: ['tasks'],
        summary: 'Create a task',
        security,
        body: CreateTaskBody,
        response: { 201: Task, ...errorResponses(400, 401, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const task = await storeFor(request.user.id).create(request.body);
      reply.status(201);
      return task;
    },
  );

  fastify.delete(
    API_ROUTES.completedTasks,
    {
      schema: {
        tags: ['tasks'],
        summary: 'Delete every completed task',
        security,
        response: { 200: DeleteCompletedResponse, ...errorResponses(401) },
      },
    },
    async (request) => ({ deleted: (await storeFor(request.user.id).removeCompleted()).length }),
  );

  fastify.get(
    `${API_ROUTES.tasks}/:id`,
    {
      schema: {
        tags: ['tasks'],
        summary: 'One task',
        security,
        params: IdParams,
        response: { 200: Task, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const task = await storeFor(request.user.id).get(request.params.id);
      if (!task) throw new HttpError(404, NOT_FOUND);
      return task;
    },
  );

  fastify.patch(
    `${API_ROUTES.tasks}/:id`,
    {
      schema: {
        tags: ['tasks'],
        summary: 'Change a task: title, description, completed, priority, due date',
        security,
        params: IdParams,
        body: UpdateTaskBody,
        response: { 200: Task, ...errorResponses(400, 401, 404, 413, 415) },
      },
    },
    async (request) => {
      const task = await storeFor(request.user.id).update(request.params.id, request.body);
      if (!task) throw new HttpError(404, NOT_FOUND);
      return task;
    },
  );

  fastify.delete(
    `${API_ROUTES.tasks}/:id`,
    {
      schema: {
        tags: ['tasks'],
        summary: 'Delete a task',
        security,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const task = await storeFor(request.user.id).remove(request.params.id);
      if (!task) throw new HttpError(404, NOT_FOUND);
      return reply.status(204).send(null);
    },
  );
};

export default tasks;
