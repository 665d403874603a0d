import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Uuid } from './common';
import {
  CHAT_ACTIONS_MAX,
  CHAT_REPLY_MAX_LENGTH,
  CONVERSATION_MESSAGES_MAX,
  CONVERSATIONS_LISTED_MAX,
  MESSAGE_MAX_LENGTH,
  TASKS_PER_USER_MAX,
} from './limits';
import { Task } from './tasks';

export { MESSAGE_MAX_LENGTH };

/** The tools the chatbot may call; each acts only on the caller's tasks. */
export const CHAT_TOOLS = [
  'add_task',
  'list_tasks',
  'complete_task',
  'update_task',
  'delete_task',
  'delete_completed_tasks',
] as const;
export const ChatToolName = Type.Union(CHAT_TOOLS.map((t) => Type.Literal(t)));
export type ChatToolName = (typeof CHAT_TOOLS)[number];

export const CHAT_PROVIDERS = ['builtin', 'cohere'] as const;
export const ChatProvider = Type.Union(CHAT_PROVIDERS.map((p) => Type.Literal(p)));
export type ChatProvider = (typeof CHAT_PROVIDERS)[number];

export const ChatRequest = Type.Object(
  {
    message: Type.String({ minLength: 1, maxLength: MESSAGE_MAX_LENGTH, pattern: '\\S' }),
    conversationId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ChatRequest = Static<typeof ChatRequest>;

/** One tool call the agent made, with what it did: the frontend refreshes the board from these. */
export const ChatAction = Type.Object(
  {
    tool: ChatToolName,
    args: Type.Record(Type.String(), Type.Unknown()),
    ok: Type.Boolean(),
    summary: Type.String({ maxLength: CHAT_REPLY_MAX_LENGTH }),
    /** Tasks the call created, changed, listed or removed (as they were just before removal). */
    tasks: Type.Array(Task, { maxItems: TASKS_PER_USER_MAX }),
  },
  { additionalProperties: false },
);
export type ChatAction = Static<typeof ChatAction>;

export const ChatResponse = Type.Object(
  {
    conversationId: Uuid,
    reply: Type.String({ maxLength: CHAT_REPLY_MAX_LENGTH }),
    actions: Type.Array(ChatAction, { maxItems: CHAT_ACTIONS_MAX }),
    provider: ChatProvider,
  },
  { additionalProperties: false },
);
export type ChatResponse = Static<typeof ChatResponse>;

export const ChatMessage = Type.Object(
  {
    role: Type.Union([Type.Literal('user'), Type.Literal('assistant')]),
    content: Type.String({ maxLength: CHAT_REPLY_MAX_LENGTH }),
    actions: Type.Array(ChatAction, { maxItems: CHAT_ACTIONS_MAX }),
    createdAt: DateTime,
  },
  { additionalProperties: false },
);
export type ChatMessage = Static<typeof ChatMessage>;

export const Conversation = Type.Object(
  {
    id: Uuid,
    messages: Type.Array(ChatMessage, { maxItems: CONVERSATION_MESSAGES_MAX }),
    createdAt: DateTime,
  },
  { additionalProperties: false },
);
export type Conversation = Static<typeof Conversation>;

export const ConversationSummary = Type.Object(
  {
    id: Uuid,
    title: Type.String({ maxLength: MESSAGE_MAX_LENGTH }),
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);
export const ConversationList = Type.Object(
  { conversations: Type.Array(ConversationSummary, { maxItems: CONVERSATIONS_LISTED_MAX }) },
  { additionalProperties: false },
);
export type ConversationList = Static<typeof ConversationList>;
