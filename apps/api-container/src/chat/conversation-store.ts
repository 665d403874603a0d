import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import {
  CONVERSATION_PAGE_SIZE_DEFAULT,
  type ChatAction,
  type ChatMessage,
  type Conversation,
  type ConversationList,
} from '@pakaura/contract';
import type { Db } from '../db/database';
import { conversations, messages } from '../db/schema';
import { isoTimestamp } from '../db/timestamps';
import { HttpError } from '../plugins/errors';
import type { ChatTurn } from './provider';

const TITLE_LENGTH = 80;
/** Earlier turns a provider sees: enough context, bounded cost. */
export const HISTORY_TURNS = 20;

/** A conversation's title: the first request, shortened on a word boundary. */
export function titleFor(message: string): string {
  const text = message.trim().replace(/\s+/g, ' ');
  if (text.length <= TITLE_LENGTH) return text;
  const cut = text.slice(0, TITLE_LENGTH - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/**
 * What a conversation keeps of an action: what was done and to which task ids, never a copy of
 * the tasks (a listing of hundreds of tasks would otherwise be stored with every message).
 */
export function storedAction(action: ChatAction): ChatAction {
  return { ...action, tasks: [], taskIds: action.taskIds ?? action.tasks.map((task) => task.id) };
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const CURSOR = new RegExp(
  `^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,6})?\\+00)\\|(${UUID})$`,
);

/** An opaque page cursor: the (timestamp, id) of the last row a page showed. */
function encodeCursor(timestamp: string, id: string): string {
  return Buffer.from(`${timestamp}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { timestamp: string; id: string } {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new HttpError(400, 'cursor is not one this API handed out; start without it');
  return { timestamp: match[1], id: match[2] };
}

export interface Page {
  /** As the query string has it: a whole number as text. */
  limit?: string;
  cursor?: string;
}

function pageSize(page: Page): number {
  return page.limit ? Number(page.limit) : CONVERSATION_PAGE_SIZE_DEFAULT;
}

/** One user's chat history; like tasks, another user's conversation id is simply not found. */
export class ConversationStore {
  constructor(
    private readonly db: Db,
    private readonly userId: string,
  ) {}

  async exists(id: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.id, id), eq(conversations.userId, this.userId)));
    return Boolean(row);
  }

  /** The last HISTORY_TURNS turns, oldest first, with the actions (task ids) they took. */
  async recentTurns(id: string): Promise<ChatTurn[]> {
    const rows = await this.db
      .select({ role: messages.role, content: messages.content, actions: messages.actions })
      .from(messages)
      .where(eq(messages.conversationId, id))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(HISTORY_TURNS);
    return rows.reverse();
  }

  /** Stores one exchange, creating the conversation when `id` is undefined; returns its id. */
  async record(
    id: string | undefined,
    request: string,
    answer: { reply: string; actions: ChatAction[] },
  ): Promise<string> {
    return this.db.transaction(async (tx) => {
      let conversationId = id;
      if (conversationId) {
        await tx
          .update(conversations)
          .set({ updatedAt: sql`now()` })
          .where(eq(conversations.id, conversationId));
      } else {
        const [row] = await tx
          .insert(conversations)
          .values({ userId: this.userId, title: titleFor(request) })
          .returning({ id: conversations.id });
        conversationId = row.id;
      }
      // The answer is stored a microsecond after the request so the two always sort in order.
      await tx.insert(messages).values([
        { conversationId, role: 'user', content: request, actions: [] },
        {
          conversationId,
          role: 'assistant',
          content: answer.reply,
          actions: answer.actions.map(storedAction),
          createdAt: sql`now() + interval '1 microsecond'`,
        },
      ]);
      return conversationId;
    });
  }

  /** One page of conversations, most recently used first. */
  async list(page: Page = {}): Promise<Required<ConversationList>> {
    const limit = pageSize(page);
    const after = page.cursor ? decodeCursor(page.cursor) : undefined;
    const rows = await this.db
      .select({
        id: conversations.id,
        title: conversations.title,
        updatedAt: conversations.updatedAt,
      })
      .from(conversations)
      .where(
        and(
          eq(conversations.userId, this.userId),
          after &&
            sql`(${conversations.updatedAt}, ${conversations.id}) < (${after.timestamp}::timestamptz, ${after.id}::uuid)`,
        ) as SQL,
      )
      .orderBy(desc(conversations.updatedAt), desc(conversations.id))
      .limit(limit + 1);
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      conversations: shown.map((row) => ({ ...row, updatedAt: isoTimestamp(row.updatedAt) })),
      nextCursor: rows.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null,
    };
  }

  /** The conversation with one page of its messages: the newest, or those before `cursor`. */
  async get(id: string, page: Page = {}): Promise<Required<Conversation> | undefined> {
    const limit = pageSize(page);
    const before = page.cursor ? decodeCursor(page.cursor) : undefined;
    const [conversation] = await this.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.id, id), eq(conversations.userId, this.userId)));
    if (!conversation) return undefined;
    const rows = await this.db
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, id),
          before &&
            sql`(${messages.createdAt}, ${messages.id}) < (${before.timestamp}::timestamptz, ${before.id}::uuid)`,
        ) as SQL,
      )
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(limit + 1);
    const shown = rows.slice(0, limit).reverse();
    const history: ChatMessage[] = shown.map((row) => ({
      role: row.role,
      content: row.content,
      actions: row.actions.map(storedAction),
      createdAt: isoTimestamp(row.createdAt),
    }));
    const oldest = shown[0];
    return {
      id: conversation.id,
      messages: history,
      createdAt: isoTimestamp(conversation.createdAt),
      nextCursor: rows.length > limit && oldest ? encodeCursor(oldest.createdAt, oldest.id) : null,
    };
  }

  async remove(id: string): Promise<boolean> {
    const rows = await this.db
      .delete(conversations)
      .where(and(eq(conversations.id, id), eq(conversations.userId, this.userId)))
      .returning({ id: conversations.id });
    return rows.length > 0;
  }
}
