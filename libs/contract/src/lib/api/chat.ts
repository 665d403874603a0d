import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Uuid } from './common';
import {
  CHAT_ACTIONS_MAX,
  CHAT_REPLY_MAX_LENGTH,
  MESSAGE_MAX_LENGTH,
  TASKS_PER_USER_MAX,
  TITLE_MAX_LENGTH,
} from './limits';
import { Task } from './tasks';
import { CHAT_TOOLS } from './chat-tools';

export { MESSAGE_MAX_LENGTH };

export { CHAT_READING_TOOLS, CHAT_REMOVING_TOOLS, CHAT_TOOLS } from './chat-tools';
export const ChatToolName = Type.Union(CHAT_TOOLS.map((t) => Type.Literal(t)));
export type ChatToolName = (typeof CHAT_TOOLS)[number];

/** Due-date windows a listing, a count or a bulk change can be limited to. */
export const DUE_WINDOWS = [
  'overdue',
  'today',
  'tomorrow',
  'this_week',
  'next_week',
  'this_month',
  'no_date',
] as const;
export type DueWindow = (typeof DUE_WINDOWS)[number];

/**
 * Bounds on what one chat message may do, so no message costs work proportional to everything
 * a user owns: tasks listed in one answer, tasks a bulk change touches at once (the answer says
 * how many are left), tasks one message may add, and candidates a task reference is matched
 * against (found by the database's trigram index).
 */
export const CHAT_LIST_LIMIT_DEFAULT = 20;
export const CHAT_LIST_LIMIT_MAX = 50;
export const CHAT_BULK_LIMIT = 200;
export const CHAT_ADD_LIMIT = 10;
export const CHAT_CANDIDATE_LIMIT = 20;
/** Counts stop here ("more than 10000"): counting is bounded too. */
export const CHAT_COUNT_LIMIT = 10_000;

/** Messages of a conversation per page (newest page first), and conversations per page. */
export const CONVERSATION_PAGE_SIZE_DEFAULT = 50;
export const CONVERSATION_PAGE_SIZE_MAX = 100;

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
    /**
     * Tasks the call created, changed, listed or removed (as they were just before removal), at
     * most CHAT_BULK_LIMIT. Empty in a stored conversation, which keeps `taskIds` only.
     */
    tasks: Type.Array(Task, { maxItems: CHAT_BULK_LIMIT }),
    /** Ids of the tasks the call was about: the same as `tasks`, also in a stored conversation. */
    taskIds: Type.Optional(Type.Array(Uuid, { maxItems: CHAT_BULK_LIMIT })),
    /** How many tasks matched when `tasks` shows only some (a listing, a count, a bulk change). */
    total: Type.Optional(
      Type.Integer({ minimum: 0, maximum: TASKS_PER_USER_MAX, format: 'int32' }),
    ),
    /** True when the reference fitted several tasks (named in `tasks`) and nothing was changed. */
    ambiguous: Type.Optional(Type.Boolean()),
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

const Cursor = Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' });
/** A query string is text (the API never coerces types): a whole number from 1 to 100. */
const PageSize = Type.String({
  maxLength: 3,
  pattern: '^(?:[1-9]\\d?|100)$',
  description: `Page size, 1 to ${CONVERSATION_PAGE_SIZE_MAX} (default ${CONVERSATION_PAGE_SIZE_DEFAULT})`,
});
const NextCursor = Type.Union([Cursor, Type.Null()]);

/** `GET /chat/conversations/:id?limit=&cursor=`: the newest messages first, older pages after. */
export const ConversationQuery = Type.Object(
  { limit: Type.Optional(PageSize), cursor: Type.Optional(Cursor) },
  { additionalProperties: false },
);
export type ConversationQuery = Static<typeof ConversationQuery>;

export const Conversation = Type.Object(
  {
    id: Uuid,
    /** One page of messages, oldest first: the newest page unless `cursor` asked for an older one. */
    messages: Type.Array(ChatMessage, { maxItems: CONVERSATION_PAGE_SIZE_MAX }),
    createdAt: DateTime,
    /** Cursor of the page of earlier messages; null when this page starts the conversation. */
    nextCursor: Type.Optional(NextCursor),
  },
  { additionalProperties: false },
);
export type Conversation = Static<typeof Conversation>;

export const ConversationSummary = Type.Object(
  {
    id: Uuid,
    title: Type.String({ maxLength: TITLE_MAX_LENGTH }),
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);

/** `GET /chat/conversations?limit=&cursor=`: the most recently used first. */
export const ConversationListQuery = ConversationQuery;
export type ConversationListQuery = Static<typeof ConversationListQuery>;

export const ConversationList = Type.Object(
  {
    conversations: Type.Array(ConversationSummary, { maxItems: CONVERSATION_PAGE_SIZE_MAX }),
    /** Cursor of the next page; null on the last one. */
    nextCursor: Type.Optional(NextCursor),
  },
  { additionalProperties: false },
);
export type ConversationList = Static<typeof ConversationList>;
