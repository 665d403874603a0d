'use client';

import type { Task } from '@pakaura/contract';
import { CloseIcon } from '@/app/ui/common/icons';

interface UndoToastProps {
  task: Task | null;
  onUndo: () => void;
  onDismiss: () => void;
}

/** "Task deleted · Undo": the delete is sent when this closes, not before. */
export function UndoToast({ task, onUndo, onDismiss }: UndoToastProps) {
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-4 z-20 flex justify-center px-4"
    >
      {task ? (
        <div className="pointer-events-auto flex max-w-md items-center gap-3 rounded-xl bg-slate-900 py-2 pl-4 pr-2 text-sm text-white shadow-lg">
          <span className="min-w-0 truncate">
            Deleted <span className="font-medium">&ldquo;{task.title}&rdquo;</span>
          </span>
          <button
            type="button"
            onClick={onUndo}
            className="rounded-md px-2 py-1 font-semibold text-brand-200 hover:bg-white/10 hover:text-white"
          >
            Undo
          </button>
          <button
            type="button"
            onClick={onDismiss}
            aria-label="Dismiss"
            className="grid size-7 place-items-center rounded-md text-slate-300 hover:bg-white/10 hover:text-white"
          >
            <CloseIcon />
          </button>
        </div>
      ) : null}
    </div>
  );
}
