/**
 * The assistant's tools as plain constants (no TypeBox), so the browser bundle can import them
 * through `@pakaura/contract/browser`.
 */

/** The tools the chatbot may call; each acts only on the caller's tasks. */
export const CHAT_TOOLS = [
  'add_task',
  'list_tasks',
  'complete_task',
  'update_task',
  'delete_task',
  'delete_completed_tasks',
  'count_tasks',
  'update_tasks',
  'delete_tasks',
] as const;
export type ChatToolName = (typeof CHAT_TOOLS)[number];

/** Tools whose `tasks` are the tasks they removed (as they were just before). */
export const CHAT_REMOVING_TOOLS = [
  'delete_task',
  'delete_completed_tasks',
  'delete_tasks',
] as const satisfies readonly ChatToolName[];

/** Tools that only read: their `tasks` change nothing on the board. */
export const CHAT_READING_TOOLS = [
  'list_tasks',
  'count_tasks',
] as const satisfies readonly ChatToolName[];
