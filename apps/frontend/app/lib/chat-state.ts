import type { ChatAction, ChatResponse, Conversation } from '@pakaura/contract';

/** One bubble of the conversation. A person's message stays on screen until it was answered. */
export interface ChatEntry {
  id: number;
  role: 'user' | 'assistant';
  content: string;
  actions: ChatAction[];
  status: 'pending' | 'sent' | 'failed';
  /** Why a message was not sent, for a failed one. */
  error?: string;
}

export interface ChatState {
  conversationId: string | null;
  entries: ChatEntry[];
}

/** Entry ids come from the caller (a counter), so it can follow its own message. */
export type ChatEvent =
  | { type: 'sent'; id: number; content: string }
  | { type: 'answered'; id: number; replyId: number; response: ChatResponse }
  | { type: 'failed'; id: number; error: string }
  | { type: 'retried'; id: number }
  | { type: 'withdrawn'; id: number }
  | { type: 'restarted' };

export function initialChatState(conversation: Conversation | null): ChatState {
  const entries: ChatEntry[] = (conversation?.messages ?? []).map((message, index) => ({
    id: index + 1,
    role: message.role,
    content: message.content,
    actions: message.actions,
    status: 'sent',
  }));
  return { conversationId: conversation?.id ?? null, entries };
}

export function chatReducer(state: ChatState, event: ChatEvent): ChatState {
  switch (event.type) {
    case 'sent':
      return {
        ...state,
        entries: [
          ...state.entries,
          { id: event.id, role: 'user', content: event.content, actions: [], status: 'pending' },
        ],
      };
    case 'answered': {
      const { response } = event;
      return {
        conversationId: response.conversationId,
        entries: [
          ...withStatus(state.entries, event.id, 'sent'),
          {
            id: event.replyId,
            role: 'assistant',
            content: response.reply,
            actions: response.actions,
            status: 'sent',
          },
        ],
      };
    }
    case 'failed':
      return { ...state, entries: withStatus(state.entries, event.id, 'failed', event.error) };
    case 'retried':
      return { ...state, entries: withStatus(state.entries, event.id, 'pending') };
    case 'withdrawn':
      return { ...state, entries: state.entries.filter((entry) => entry.id !== event.id) };
    case 'restarted':
      return { conversationId: null, entries: [] };
  }
}

/** The assistant is answering while any message is on its way. */
export function isWaiting(state: ChatState): boolean {
  return state.entries.some((entry) => entry.status === 'pending');
}

/** The first id a caller may hand out: after the ids of a loaded conversation. */
export function firstFreeId(state: ChatState): number {
  return state.entries.reduce((max, entry) => Math.max(max, entry.id), 0) + 1;
}

export function findEntry(state: ChatState, id: number): ChatEntry | undefined {
  return state.entries.find((entry) => entry.id === id);
}

function withStatus(
  entries: ChatEntry[],
  id: number,
  status: ChatEntry['status'],
  error?: string,
): ChatEntry[] {
  return entries.map((entry) => (entry.id === id ? { ...entry, status, error } : entry));
}
