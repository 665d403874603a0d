import type { ChatEntry } from '@/app/lib/chat-state';
import { CheckIcon, CloseIcon } from '@/app/ui/common/icons';

interface ChatMessageProps {
  entry: ChatEntry;
  onRetry: (entry: ChatEntry) => void;
  onEdit: (entry: ChatEntry) => void;
}

export function ChatMessage({ entry, onRetry, onEdit }: ChatMessageProps) {
  if (entry.role === 'user') {
    const failed = entry.status === 'failed';
    return (
      <div className="flex flex-col items-end gap-1" data-testid="chat-message" data-role="user">
        <p
          className={`max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-md px-4 py-2 text-sm ${
            failed ? 'border border-rose-300 bg-rose-50 text-rose-900' : 'bg-brand-600 text-white'
          } ${entry.status === 'pending' ? 'opacity-80' : ''}`}
        >
          <span className="sr-only">You: </span>
          {entry.content}
        </p>
        {failed ? (
          <div
            role="alert"
            className="flex flex-wrap items-center justify-end gap-2 text-xs text-rose-700"
          >
            <span>Not sent. {entry.error}</span>
            <button
              type="button"
              onClick={() => onRetry(entry)}
              className="rounded px-1.5 py-0.5 font-semibold text-rose-800 underline-offset-2 hover:underline"
            >
              Retry
            </button>
            <button
              type="button"
              onClick={() => onEdit(entry)}
              className="rounded px-1.5 py-0.5 font-semibold text-rose-800 underline-offset-2 hover:underline"
            >
              Edit
            </button>
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <div
      className="flex flex-col items-start gap-1.5"
      data-testid="chat-message"
      data-role="assistant"
    >
      <p className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-bl-md bg-slate-100 px-4 py-2 text-sm text-slate-900">
        <span className="sr-only">Assistant: </span>
        {entry.content}
      </p>
      {entry.actions.length > 0 ? (
        <ul aria-label="What the assistant did" className="max-w-[85%] space-y-1">
          {entry.actions.map((action, index) => (
            <li
              key={index}
              className={`flex items-start gap-1.5 text-xs ${action.ok ? 'text-emerald-700' : 'text-rose-700'}`}
            >
              {action.ok ? (
                <CheckIcon className="mt-px size-3.5 shrink-0" />
              ) : (
                <CloseIcon className="mt-px size-3.5 shrink-0" />
              )}
              <span>{action.summary}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
