/**
 * The plain values inside the API's schemas (lengths, enumerations), kept free of TypeBox so
 * browser code can import them (through `@pakaura/contract/browser`) without the schema library.
 * The schema files re-export them under the same names.
 */
export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 100;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 2000;
export const PRIORITIES = ['low', 'medium', 'high'] as const;
export const TASK_STATUSES = ['all', 'active', 'completed'] as const;

export const MESSAGE_MAX_LENGTH = 2000;

/**
 * `GET /api/v1/tasks` answers pages: `limit` defaults to TASK_PAGE_SIZE_DEFAULT and may be at most
 * TASK_PAGE_SIZE_MAX; the next page starts at the opaque `nextCursor` of the previous one.
 */
export const TASK_PAGE_SIZE_DEFAULT = 50;
export const TASK_PAGE_SIZE_MAX = 100;
/** Longest `cursor` the API issues or accepts (a timestamp and a UUID, encoded). */
export const TASK_CURSOR_MAX_LENGTH = 128;

/**
 * Tasks one account may hold. A board past this size is unusable anyway, and the cap bounds what
 * any request on one account can touch (deleting completed tasks, the assistant's searches).
 */
export const TASKS_PER_USER_MAX = 10_000;

/** Longest error sentence the API answers with. */
export const ERROR_MESSAGE_MAX_LENGTH = 1000;
/**
 * Bounds the OpenAPI document declares for the assistant's answers: tool calls in one answer, the
 * assistant's reply and each call's summary (pages of conversations are bounded in chat.ts).
 */
export const CHAT_ACTIONS_MAX = 20;
export const CHAT_REPLY_MAX_LENGTH = 20_000;
