import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  API_ROUTES,
  ChatRequest,
  ChatResponse,
  Conversation,
  ConversationList,
  ConversationListQuery,
  ConversationQuery,
  IdParams,
} from '@pakaura/contract';
import { Type } from '@sinclair/typebox';
import { ConcurrencyGate, GateFullError } from '../../chat/concurrency-gate';
import { ConversationStore } from '../../chat/conversation-store';
import type { ChatProvider } from '../../chat/provider';
import { ChatTaskQueries } from '../../chat/task-queries';
import { ChatToolbox } from '../../chat/tools';
import { HttpError } from '../../plugins/errors';
import { TaskStore } from '../../tasks/task-store';
import { errorResponses } from '../error-responses';

export interface ChatRoutesOptions {
  provider: ChatProvider;
  /** The clock relative dates count from. */
  now: () => Date;
}

const NOT_FOUND = 'No conversation with this id';
/** Chat messages worked on at once per process, and how many more may wait (see ConcurrencyGate). */
export const CHAT_ACTIVE = 4;
export const CHAT_QUEUED = 64;
const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];

/** The task assistant: one request in, the reply and the tool calls it made out; history kept. */
const chat: FastifyPluginAsyncTypebox<ChatRoutesOptions> = async (fastify, { provider, now }) => {
  const { db } = fastify.database;
  const gate = new ConcurrencyGate(CHAT_ACTIVE, CHAT_QUEUED);
  fastify.addHook('preHandler', fastify.authenticate);

  fastify.post(
    API_ROUTES.chat,
    {
      schema: {
        tags: ['chat'],
        summary: 'Ask the assistant to add, list, complete, change or delete tasks',
        operationId: 'sendChatMessage',
        description:
          "Sends one message to the assistant, which may add, list, complete, change or delete the caller's tasks; the answer lists each action it took. Limited per user and per client address.",
        security,
        body: ChatRequest,
        response: {
          200: ChatResponse,
          ...errorResponses(400, 401, 404, 413, 415, 429, 502, 503, 504),
        },
      },
      preHandler: fastify.rateLimitHooks.chat,
    },
    async (request, reply) => {
      try {
        return await gate.run(() => answer(request.body, request.user.id));
      } catch (error) {
        if (!(error instanceof GateFullError)) throw error;
        reply.header('retry-after', '1');
        throw new HttpError(
          503,
          'The assistant is busy with other requests; try again in a moment',
        );
      }
    },
  );

  async function answer(
    { message, conversationId }: { message: string; conversationId?: string },
    userId: string,
  ): Promise<ChatResponse> {
    const conversations = new ConversationStore(db, userId);
    if (conversationId && !(await conversations.exists(conversationId)))
      throw new HttpError(404, NOT_FOUND);
    const history = conversationId ? await conversations.recentTurns(conversationId) : [];
    const today = now();
    const toolbox = new ChatToolbox(
      new TaskStore(db, userId),
      new ChatTaskQueries(db, userId, today),
    );
    const answered = await provider.respond({ message, history, toolbox, now: today });
    for (const action of answered.actions)
      fastify.chatActionsCounter.inc({ tool: action.tool, ok: String(action.ok) });
    const id = await conversations.record(conversationId, message, answered);
    return {
      conversationId: id,
      reply: answered.reply,
      actions: answered.actions,
      provider: provider.name,
    };
  }

  fastify.get(
    API_ROUTES.conversations,
    {
      schema: {
        tags: ['chat'],
        summary: 'Conversations, most recently used first, a page at a time',
        operationId: 'listConversations',
        description:
          "The caller's conversations with the assistant, most recently used first, a page at a time (`limit`, `cursor`).",
        security,
        querystring: ConversationListQuery,
        response: { 200: ConversationList, ...errorResponses(400, 401) },
      },
    },
    async (request) => new ConversationStore(db, request.user.id).list(request.query),
  );

  fastify.get(
    `${API_ROUTES.conversations}/:id`,
    {
      schema: {
        tags: ['chat'],
        summary: 'One conversation with a page of its messages and the actions taken',
        operationId: 'getConversation',
        description:
          'One conversation, with a page of its messages (the newest; `cursor` for earlier ones) and the actions the assistant took.',
        security,
        params: IdParams,
        querystring: ConversationQuery,
        response: { 200: Conversation, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const conversation = await new ConversationStore(db, request.user.id).get(
        request.params.id,
        request.query,
      );
      if (!conversation) throw new HttpError(404, NOT_FOUND);
      return conversation;
    },
  );

  fastify.delete(
    `${API_ROUTES.conversations}/:id`,
    {
      schema: {
        tags: ['chat'],
        summary: 'Delete a conversation (the tasks it changed stay as they are)',
        operationId: 'deleteConversation',
        description: 'Deletes a conversation; the tasks it changed stay as they are.',
        security,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      if (!(await new ConversationStore(db, request.user.id).remove(request.params.id)))
        throw new HttpError(404, NOT_FOUND);
      return reply.status(204).send(null);
    },
  );
};

export default chat;
