import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from './common';
import { MESSAGE_MAX_LENGTH } from './limits';
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
    summary: Type.String(),
    /** Tasks the call created, changed, listed or removed (as they were just before removal). */
    tasks: Type.Array(Task),
  },
  { additionalProperties: false },
);
export type ChatAction = Static<typeof ChatAction>;

export const ChatResponse = Type.Object(
  {
    conversationId: Uuid,
    reply: Type.String(),
    actions: Type.Array(ChatAction),
    provider: ChatProvider,
  },
  { additionalProperties: false },
);
export type ChatResponse = Static<typeof ChatResponse>;

export const ChatMessage = Type.Object(
  {
    role: Type.Union([Type.Literal('user'), Type.Literal('assistant')]),
    content: Type.String(),
    actions: Type.Array(ChatAction),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type ChatMessage = Static<typeof ChatMessage>;

export const Conversation = Type.Object(
  {
    id: Uuid,
    messages: Type.Array(ChatMessage),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type Conversation = Static<typeof Conversation>;

export const ConversationSummary = Type.Object(
  {
    id: Uuid,
    title: Type.String(),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export const ConversationList = Type.Object(
  { conversations: Type.Array(ConversationSummary) },
  { additionalProperties: false },
);
export type ConversationList = Static<typeof ConversationList>;
