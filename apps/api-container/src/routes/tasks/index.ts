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
        operationId: 'listTasks',
        description:
          "One page of the caller's tasks, newest first, optionally filtered by status and by words in the title. Pass the `nextCursor` of a page as `cursor` to read the next one; it is null on the last page.",
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
        operationId: 'createTask',
        description:
          "Adds a task to the caller's board. An account holds at most 10,000 tasks: past that the answer is 409 with the reason.",
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
        operationId: 'deleteCompletedTasks',
        description: 'Deletes every completed task of the caller and says how many.',
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
        operationId: 'getTask',
        description:
          "One of the caller's tasks. Another user's task answers 404, exactly like an unknown id.",
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
        operationId: 'updateTask',
        description:
          "Changes the given fields of one of the caller's tasks; `dueDate: null` clears the due date, `completed` records or clears the completion time.",
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
        operationId: 'deleteTask',
        description: "Deletes one of the caller's tasks.",
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
