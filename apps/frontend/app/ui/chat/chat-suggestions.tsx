import { SparklesIcon } from '@/app/ui/common/icons';

/** The seed's demo sentences: a first-time user sees what the assistant understands. */
export const SUGGESTIONS = [
  'Add a task to demo Kubernetes',
  'Show my tasks',
  'Complete the Kubernetes task',
  'Delete completed tasks',
];

export function ChatSuggestions({ onPick }: { onPick: (text: string) => void }) {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-4 px-2 text-center">
      <span className="grid size-11 place-items-center rounded-full bg-brand-50 text-brand-600">
        <SparklesIcon className="size-5" />
      </span>
      <div className="space-y-1">
        <p className="text-sm font-medium text-slate-900">Ask me to manage your tasks</p>
        <p className="text-sm text-slate-600">I can add, list, complete and delete them for you.</p>
      </div>
      <ul aria-label="Suggestions" className="flex flex-wrap justify-center gap-2">
        {SUGGESTIONS.map((text) => (
          <li key={text}>
            <button
              type="button"
              onClick={() => onPick(text)}
              className="rounded-full border border-brand-200 bg-brand-50 px-3 py-1.5 text-sm text-brand-700 transition-colors hover:bg-brand-100"
            >
              {text}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
