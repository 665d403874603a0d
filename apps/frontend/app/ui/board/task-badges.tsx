import type { Priority } from '@pakaura/contract';
import { formatDueDate, PRIORITY_LABELS, type DueState } from '@/app/lib/format';
import { CalendarIcon } from '@/app/ui/common/icons';

const PRIORITY_STYLES: Record<Priority, string> = {
  low: 'bg-slate-100 text-slate-600 ring-slate-200',
  medium: 'bg-amber-50 text-amber-700 ring-amber-200',
  high: 'bg-rose-50 text-rose-700 ring-rose-200',
};

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${PRIORITY_STYLES[priority]}`}
    >
      <span className="sr-only">Priority: </span>
      {PRIORITY_LABELS[priority]}
    </span>
  );
}

const DUE_STYLES: Record<DueState | 'unknown', string> = {
  overdue: 'text-rose-700',
  today: 'text-amber-700',
  upcoming: 'text-slate-600',
  unknown: 'text-slate-600',
};

const DUE_WORDS: Record<DueState, string> = {
  overdue: 'Overdue, was due',
  today: 'Due today,',
  upcoming: 'Due',
};

/** The due date; its colour (never its size) changes once the browser knows today's date. */
export function DueBadge({ date, state }: { date: string; state: DueState | null }) {
  return (
    <span
      className={`inline-flex items-center gap-1 text-xs font-medium ${DUE_STYLES[state ?? 'unknown']}`}
    >
      <CalendarIcon className="size-3.5" />
      <span className="sr-only">{state ? DUE_WORDS[state] : 'Due'} </span>
      <time dateTime={date}>{formatDueDate(date)}</time>
    </span>
  );
}
