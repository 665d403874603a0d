import type { Priority } from '@pakaura/contract';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `2026-01-05` → `Jan 5, 2026`. Computed from the string alone, so the server and the browser
 * render the same text whatever their time zones (no hydration mismatch, no layout shift).
 */
export function formatDueDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  return `${MONTHS[Number(month) - 1] ?? month} ${Number(day)}, ${year}`;
}

/** Today in the browser's time zone, as `YYYY-MM-DD` (the form due dates use). */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type DueState = 'overdue' | 'today' | 'upcoming';

/** How urgent a due date is, for an open task; unknown (null) until the browser knows the day. */
export function dueState(dueDate: string | null, today: string | null, completed: boolean) {
  if (!dueDate || !today || completed) return null;
  if (dueDate < today) return 'overdue' satisfies DueState;
  if (dueDate === today) return 'today' satisfies DueState;
  return 'upcoming' satisfies DueState;
}

export const PRIORITY_LABELS: Record<Priority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};
