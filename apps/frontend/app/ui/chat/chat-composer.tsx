'use client';

import { MESSAGE_MAX_LENGTH } from '@pakaura/contract/browser';
import type { FormEvent, KeyboardEvent, Ref } from 'react';
import { SendIcon } from '@/app/ui/common/icons';

interface ChatComposerProps {
  draft: string;
  onDraft: (draft: string) => void;
  onSend: (text: string) => void;
  /** While the assistant answers, typing goes on but sending waits. */
  busy: boolean;
  inputRef: Ref<HTMLTextAreaElement>;
}

/** Enter sends, Shift+Enter starts a new line. */
export function ChatComposer({ draft, onDraft, onSend, busy, inputRef }: ChatComposerProps) {
  const text = draft.trim();
  const canSend = text.length > 0 && !busy;

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (canSend) onSend(text);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form
      onSubmit={submit}
      aria-label="Message the assistant"
      className="border-t border-slate-200 p-3"
    >
      <div className="flex items-end gap-2 rounded-xl border border-slate-300 bg-white p-1.5 shadow-sm focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-200">
        <label htmlFor="chat-input" className="sr-only">
          Message
        </label>
        <textarea
          ref={inputRef}
          id="chat-input"
          rows={2}
          maxLength={MESSAGE_MAX_LENGTH}
          value={draft}
          onChange={(e) => onDraft(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Ask the assistant… e.g. “Add a task to call Sam tomorrow”"
          className="max-h-40 min-h-[2.75rem] flex-1 resize-none bg-transparent px-2 py-1.5 text-sm placeholder:text-slate-400 focus:outline-none"
        />
        <button
          type="submit"
          disabled={!canSend}
          aria-label="Send"
          className="grid size-9 shrink-0 place-items-center rounded-lg bg-brand-600 text-white transition-colors hover:bg-brand-700 disabled:bg-slate-300"
        >
          <SendIcon />
        </button>
      </div>
    </form>
  );
}
