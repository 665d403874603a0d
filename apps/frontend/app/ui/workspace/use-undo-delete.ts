'use client';

import type { Task } from '@pakaura/contract';
import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a deleted task can be brought back before the delete is sent. */
export const UNDO_WINDOW_MS = 6_000;

interface UndoDeleteOptions {
  /** Takes the task off the board at once. */
  hide: (task: Task) => void;
  /** Puts it back (undo, or the delete failed). */
  restore: (task: Task) => void;
  /** Sends the delete; `keepalive` when the page is going away. */
  commit: (task: Task, keepalive: boolean) => void;
}

/**
 * Delete with undo: the task leaves the board immediately and the delete is sent when the undo
 * window closes, when another task is deleted, or when the page is left.
 */
export function useUndoDelete({ hide, restore, commit }: UndoDeleteOptions) {
  const [pending, setPending] = useState<Task | null>(null);
  const pendingRef = useRef<Task | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const settle = useCallback(
    (keepalive: boolean) => {
      clearTimeout(timer.current);
      const task = pendingRef.current;
      pendingRef.current = null;
      setPending(null);
      if (task) commit(task, keepalive);
    },
    [commit],
  );

  const remove = useCallback(
    (task: Task) => {
      settle(false);
      hide(task);
      pendingRef.current = task;
      setPending(task);
      timer.current = setTimeout(() => settle(false), UNDO_WINDOW_MS);
    },
    [hide, settle],
  );

  const undo = useCallback(() => {
    clearTimeout(timer.current);
    const task = pendingRef.current;
    pendingRef.current = null;
    setPending(null);
    if (task) restore(task);
  }, [restore]);

  useEffect(() => {
    const onLeave = () => settle(true);
    window.addEventListener('pagehide', onLeave);
    return () => window.removeEventListener('pagehide', onLeave);
  }, [settle]);

  return { pending, remove, undo, flush: () => settle(false) };
}
