import type { ChatResponse, Conversation } from '@pakaura/contract';
import { describe, expect, it } from 'vitest';
import { action, makeTask } from '@/test/fixtures';
import { chatReducer, firstFreeId, initialChatState, isWaiting } from '@/app/lib/chat-state';

const CONVERSATION_ID = '33333333-3333-4333-8333-333333333333';

function reply(text: string, actions: ChatResponse['actions'] = []): ChatResponse {
  return { conversationId: CONVERSATION_ID, reply: text, actions, provider: 'builtin' };
}

describe('initialChatState', () => {
  it('starts empty without a conversation', () => {
    expect(initialChatState(null)).toEqual({ conversationId: null, entries: [] });
  });

  it('shows the messages of the loaded conversation, and ids after them are free', () => {
    const conversation: Conversation = {
      id: CONVERSATION_ID,
      createdAt: '2026-01-01T00:00:00.000Z',
      messages: [
        {
          role: 'user',
          content: 'Show my tasks',
          actions: [],
          createdAt: '2026-01-01T00:00:00.000Z',
        },
        {
          role: 'assistant',
          content: 'None yet',
          actions: [],
          createdAt: '2026-01-01T00:00:01.000Z',
        },
      ],
    };
    const state = initialChatState(conversation);
    expect(state.conversationId).toBe(CONVERSATION_ID);
    expect(state.entries.map((e) => [e.role, e.content, e.status])).toEqual([
      ['user', 'Show my tasks', 'sent'],
      ['assistant', 'None yet', 'sent'],
    ]);
    expect(firstFreeId(state)).toBe(3);
  });
});

describe('chatReducer', () => {
  it('shows a sent message at once and waits for the answer', () => {
    const state = chatReducer(initialChatState(null), { type: 'sent', id: 1, content: 'Hi' });
    expect(state.entries).toEqual([
      { id: 1, role: 'user', content: 'Hi', actions: [], status: 'pending' },
    ]);
    expect(isWaiting(state)).toBe(true);
  });

  it('adds the reply with its actions and keeps the conversation id', () => {
    const created = makeTask();
    let state = chatReducer(initialChatState(null), { type: 'sent', id: 1, content: 'Add x' });
    state = chatReducer(state, {
      type: 'answered',
      id: 1,
      replyId: 2,
      response: reply('Added x', [action('add_task', [created])]),
    });
    expect(state.conversationId).toBe(CONVERSATION_ID);
    expect(state.entries[0]?.status).toBe('sent');
    expect(state.entries[1]).toMatchObject({ id: 2, role: 'assistant', content: 'Added x' });
    expect(state.entries[1]?.actions[0]?.tasks).toEqual([created]);
    expect(isWaiting(state)).toBe(false);
  });

  it('keeps a message that failed, with the reason, so nothing typed is lost', () => {
    let state = chatReducer(initialChatState(null), { type: 'sent', id: 1, content: 'Add x' });
    state = chatReducer(state, { type: 'failed', id: 1, error: 'offline' });
    expect(state.entries[0]).toMatchObject({
      content: 'Add x',
      status: 'failed',
      error: 'offline',
    });
    expect(isWaiting(state)).toBe(false);

    state = chatReducer(state, { type: 'retried', id: 1 });
    expect(state.entries[0]).toMatchObject({ status: 'pending', error: undefined });
  });

  it('withdraws a failed message (it goes back into the box) and restarts', () => {
    let state = chatReducer(initialChatState(null), { type: 'sent', id: 1, content: 'a' });
    state = chatReducer(state, { type: 'withdrawn', id: 1 });
    expect(state.entries).toEqual([]);
    state = chatReducer(state, { type: 'sent', id: 2, content: 'b' });
    state = chatReducer(state, { type: 'answered', id: 2, replyId: 3, response: reply('ok') });
    expect(chatReducer(state, { type: 'restarted' })).toEqual({
      conversationId: null,
      entries: [],
    });
  });
});
