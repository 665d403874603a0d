import type { TaskStatus } from '@pakaura/contract';
import type { Paging } from '@/app/lib/board-state';
import { buttonSecondary } from '@/app/ui/common/class-names';
import { RefreshIcon, SparklesIcon } from '@/app/ui/common/icons';

/** Placeholder rows while the list is fetched again, the same height as real ones. */
export function BoardSkeleton() {
  return (
    <div role="status" aria-live="polite" className="space-y-2">
      <span className="sr-only">Loading your tasks…</span>
      {[0, 1, 2].map((row) => (
        <div
          key={row}
          aria-hidden="true"
          className="flex h-[4.75rem] items-start gap-3 rounded-xl border border-slate-200 bg-white px-3 py-3"
        >
          <span className="size-5 rounded bg-slate-200 motion-safe:animate-pulse" />
          <span className="flex-1 space-y-2">
            <span className="block h-3.5 w-2/3 rounded bg-slate-200 motion-safe:animate-pulse" />
            <span className="block h-3 w-1/4 rounded bg-slate-100 motion-safe:animate-pulse" />
          </span>
        </div>
      ))}
    </div>
  );
}

export function BoardLoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div
      role="alert"
      className="rounded-xl border border-rose-200 bg-rose-50 px-4 py-6 text-center"
    >
      <p className="text-sm font-medium text-rose-800">We couldn&apos;t load your tasks.</p>
      <p className="mt-1 text-sm text-rose-700">{message}</p>
      <button type="button" className={`${buttonSecondary} mt-4`} onClick={onRetry}>
        <RefreshIcon />
        Try again
      </button>
    </div>
  );
}

interface EmptyBoardProps {
  /** The person has no task at all. */
  noTasks: boolean;
  filter: TaskStatus;
  search: string;
  onClearSearch: () => void;
}

/** What an empty list means depends on why it is empty: say so, and what to do next. */
export function EmptyBoard({ noTasks, filter, search, onClearSearch }: EmptyBoardProps) {
  if (noTasks) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 px-6 py-10 text-center">
        <span className="mx-auto grid size-10 place-items-center rounded-full bg-brand-50 text-brand-600">
          <SparklesIcon className="size-5" />
        </span>
        <p className="mt-3 text-sm font-medium text-slate-900">No tasks yet</p>
        <p className="mt-1 text-sm text-slate-600">
          Add one above, or ask the assistant: &ldquo;Add a task to demo Kubernetes&rdquo;.
        </p>
      </div>
    );
  }
  let message = 'Nothing here.';
  if (search.trim()) message = `No tasks match “${search.trim()}”.`;
  else if (filter === 'active') message = 'All caught up: every task is done.';
  else if (filter === 'completed') message = 'No completed tasks yet.';
  return (
    <div className="rounded-xl border border-dashed border-slate-300 px-6 py-8 text-center">
      <p className="text-sm text-slate-600">{message}</p>
      {search.trim() ? (
        <button type="button" className={`${buttonSecondary} mt-3`} onClick={onClearSearch}>
          Clear search
        </button>
      ) : null}
    </div>
  );
}

interface MoreTasksProps {
  paging: Paging;
  onLoadMore: () => void;
  onRetry: () => void;
}

/** Below the list: the next page on request, or why the list may not be whole yet. */
export function MoreTasks({ paging, onLoadMore, onRetry }: MoreTasksProps) {
  if (paging.error) {
    const more = paging.loaded && paging.nextCursor !== null;
    return (
      <div
        role="alert"
        className="mt-3 flex flex-wrap items-center justify-center gap-3 text-sm text-rose-700"
      >
        <p>
          {more ? "Couldn't load more tasks." : "Couldn't look through all your tasks."}{' '}
          {paging.error}
        </p>
        <button type="button" className={buttonSecondary} onClick={more ? onLoadMore : onRetry}>
          <RefreshIcon />
          Try again
        </button>
      </div>
    );
  }
  if (!paging.loaded) {
    return (
      <p role="status" className="mt-3 text-center text-sm text-slate-500">
        Looking through all your tasks…
      </p>
    );
  }
  if (!paging.nextCursor) return null;
  // Stays focusable while the page loads (aria-disabled, not disabled): a keyboard user keeps
  // their place and can ask again once it is in.
  const loading = paging.request === 'more';
  return (
    <div className="mt-3 flex justify-center">
      <button
        type="button"
        className={buttonSecondary}
        aria-disabled={loading}
        onClick={loading ? undefined : onLoadMore}
      >
        {loading ? 'Loading more tasks…' : 'Load more tasks'}
      </button>
    </div>
  );
}
