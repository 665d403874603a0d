'use client';

import { TASK_STATUSES, TITLE_MAX_LENGTH } from '@pakaura/contract/browser';
import type { TaskStatus } from '@pakaura/contract';
import type { TaskCount } from '@/app/lib/board-state';
import { fieldInput } from '@/app/ui/common/class-names';
import { SearchIcon } from '@/app/ui/common/icons';

const LABELS: Record<TaskStatus, string> = { all: 'All', active: 'Active', completed: 'Completed' };

interface TaskFiltersProps {
  filter: TaskStatus;
  /** "50+" while there may be more than the tasks loaded so far. */
  counts: Record<TaskStatus, TaskCount>;
  search: string;
  onFilter: (filter: TaskStatus) => void;
  onSearch: (search: string) => void;
}

export function TaskFilters({ filter, counts, search, onFilter, onSearch }: TaskFiltersProps) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <div role="group" aria-label="Show tasks" className="inline-flex rounded-lg bg-slate-100 p-1">
        {TASK_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            aria-pressed={filter === status}
            onClick={() => onFilter(status)}
            className="inline-flex flex-1 items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 transition-colors hover:text-slate-900 aria-pressed:bg-white aria-pressed:text-slate-900 aria-pressed:shadow-sm sm:flex-none"
          >
            {LABELS[status]}
            <span className="min-w-5 rounded-full bg-slate-200/80 px-1.5 text-xs tabular-nums text-slate-600">
              {counts[status].count}
              {counts[status].more ? '+' : ''}
            </span>
          </button>
        ))}
      </div>
      <div className="relative sm:w-64">
        <label htmlFor="task-search" className="sr-only">
          Search tasks
        </label>
        <SearchIcon className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-400" />
        <input
          id="task-search"
          type="search"
          placeholder="Search tasks"
          autoComplete="off"
          maxLength={TITLE_MAX_LENGTH}
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          className={`${fieldInput} pl-9`}
        />
      </div>
    </div>
  );
}
