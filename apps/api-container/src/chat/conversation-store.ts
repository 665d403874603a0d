import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { ChatAction, ChatMessage, Conversation } from '@pakaura/contract';
import type { Db } from '../db/database';
import { conversations, messages } from '../db/schema';
import { isoTimestamp } from '../db/timestamps';
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

  async recentTurns(id: string): Promise<ChatTurn[]> {
    const rows = await this.db
      .select({ role: messages.role, content: messages.content })
      .from(messages)
      .where(eq(messages.conversationId, id))
      .orderBy(desc(messages.createdAt))
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
          actions: answer.actions,
          createdAt: sql`now() + interval '1 microsecond'`,
        },
      ]);
      return conversationId;
    });
  }

  async list(): Promise<Array<{ id: string; title: string; updatedAt: string }>> {
    const rows = await this.db
      .select({
        id: conversations.id,
        title: conversations.title,
        updatedAt: conversations.updatedAt,
      })
      .from(conversations)
      .where(eq(conversations.userId, this.userId))
      .orderBy(desc(conversations.updatedAt))
      .limit(100);
    return rows.map((row) => ({ ...row, updatedAt: isoTimestamp(row.updatedAt) }));
  }

  async get(id: string): Promise<Conversation | undefined> {
    const [conversation] = await this.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.id, id), eq(conversations.userId, this.userId)));
    if (!conversation) return undefined;
    const rows = await this.db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, id))
      .orderBy(asc(messages.createdAt));
    const history: ChatMessage[] = rows.map((row) => ({
      role: row.role,
      content: row.content,
      actions: row.actions,
      createdAt: isoTimestamp(row.createdAt),
    }));
    return {
      id: conversation.id,
      messages: history,
      createdAt: isoTimestamp(conversation.createdAt),
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
