'use client';

import { useEffect, useRef, useState } from 'react';
import type { ChatEntry, ChatState } from '@/app/lib/chat-state';
import { buttonGhost } from '@/app/ui/common/class-names';
import { SparklesIcon } from '@/app/ui/common/icons';
import { ChatComposer } from '@/app/ui/chat/chat-composer';
import { ChatMessage } from '@/app/ui/chat/chat-message';
import { ChatSuggestions } from '@/app/ui/chat/chat-suggestions';
import { TypingIndicator } from '@/app/ui/chat/typing-indicator';

interface ChatPanelProps {
  state: ChatState;
  waiting: boolean;
  onSend: (text: string) => void;
  onRetry: (entry: ChatEntry) => void;
  onWithdraw: (entry: ChatEntry) => void;
  onRestart: () => void;
}

export function ChatPanel({
  state,
  waiting,
  onSend,
  onRetry,
  onWithdraw,
  onRestart,
}: ChatPanelProps) {
  const [draft, setDraft] = useState('');
  const log = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const lastEntry = state.entries.at(-1);

  useEffect(() => {
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [state.entries.length, lastEntry?.status, waiting]);

  const send = (text: string) => {
    setDraft('');
    onSend(text);
  };

  /** A message that failed goes back into the box, as it was typed. */
  const edit = (entry: ChatEntry) => {
    onWithdraw(entry);
    setDraft((current) => (current.trim() ? `${current}\n${entry.content}` : entry.content));
    input.current?.focus();
  };

  const empty = state.entries.length === 0;
  return (
    <section
      aria-labelledby="chat-title"
      className="flex h-[34rem] min-w-0 flex-col rounded-2xl border border-slate-200 bg-white shadow-sm lg:sticky lg:top-20 lg:h-[calc(100dvh-6.5rem)]"
    >
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <div className="flex min-w-0 items-center gap-2.5">
          <span className="grid size-8 shrink-0 place-items-center rounded-lg bg-brand-50 text-brand-600">
            <SparklesIcon />
          </span>
          <div className="min-w-0">
            <h2 id="chat-title" className="text-sm font-semibold">
              Assistant
            </h2>
            <p className="truncate text-xs text-slate-500">Manages your tasks when you ask</p>
          </div>
        </div>
        <button
          type="button"
          className={`${buttonGhost} shrink-0 whitespace-nowrap`}
          onClick={onRestart}
          disabled={empty || waiting}
        >
          New chat
        </button>
      </div>
      <div
        ref={log}
        role="log"
        aria-label="Conversation with the assistant"
        aria-live="polite"
        className="flex-1 space-y-3 overflow-y-auto px-4 py-4"
      >
        {empty ? (
          <ChatSuggestions onPick={send} />
        ) : (
          state.entries.map((entry) => (
            <ChatMessage key={entry.id} entry={entry} onRetry={onRetry} onEdit={edit} />
          ))
        )}
        {waiting ? <TypingIndicator /> : null}
      </div>
      <ChatComposer
        draft={draft}
        onDraft={setDraft}
        onSend={send}
        busy={waiting}
        inputRef={input}
      />
    </section>
  );
}
