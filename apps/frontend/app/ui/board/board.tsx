'use client';

import type { CreateTaskBody, Task, TaskStatus, UpdateTaskBody } from '@pakaura/contract';
import { countTasks, visibleTasks, type BoardState } from '@/app/lib/board-state';
import { useToday } from '@/app/ui/common/use-today';
import { BoardLoadError, BoardSkeleton, EmptyBoard, MoreTasks } from '@/app/ui/board/board-states';
import { TaskComposer } from '@/app/ui/board/task-composer';
import { TaskFilters } from '@/app/ui/board/task-filters';
import { TaskItem } from '@/app/ui/board/task-item';

interface BoardProps {
  state: BoardState;
  onAdd: (body: CreateTaskBody) => Promise<void>;
  onToggle: (task: Task) => void;
  onSave: (task: Task, changes: UpdateTaskBody) => Promise<void>;
  onDelete: (task: Task) => void;
  onFilter: (filter: TaskStatus) => void;
  onSearch: (search: string) => void;
  onReload: () => void;
  onLoadMore: () => void;
}

export function Board({
  state,
  onAdd,
  onToggle,
  onSave,
  onDelete,
  onFilter,
  onSearch,
  onReload,
  onLoadMore,
}: BoardProps) {
  const today = useToday();
  const counts = countTasks(state);
  const tasks = visibleTasks(state);
  const { paging } = state;
  const waitingForFirstPage = !paging.loaded && paging.request === 'first';

  let content;
  if (tasks.length === 0 && !paging.loaded) {
    content = paging.error ? (
      <BoardLoadError message={paging.error} onRetry={onReload} />
    ) : (
      <BoardSkeleton />
    );
  } else if (tasks.length === 0 && !paging.nextCursor) {
    content = (
      <EmptyBoard
        noTasks={state.tasks.length === 0 && state.complete.all}
        filter={state.filter}
        search={state.search}
        onClearSearch={() => onSearch('')}
      />
    );
  } else {
    content = (
      <>
        <ul aria-label="Tasks" className="space-y-2">
          {tasks.map((task) => (
            <TaskItem
              key={task.id}
              task={task}
              today={today}
              onToggle={onToggle}
              onSave={onSave}
              onDelete={onDelete}
            />
          ))}
        </ul>
        <MoreTasks paging={paging} onLoadMore={onLoadMore} onRetry={onReload} />
      </>
    );
  }

  const open = counts.active;
  return (
    <section
      aria-labelledby="board-title"
      className="flex min-w-0 flex-col gap-5 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <div className="flex items-baseline justify-between gap-4">
        <h1 id="board-title" className="text-xl font-semibold tracking-tight">
          Your tasks
        </h1>
        <p className="text-sm text-slate-500" aria-live="polite">
          {open.count === 0 && !open.more
            ? 'Nothing open'
            : `${open.count}${open.more ? '+' : ''} open`}
        </p>
      </div>
      <TaskComposer onAdd={onAdd} />
      <TaskFilters
        filter={state.filter}
        counts={counts}
        search={state.search}
        onFilter={onFilter}
        onSearch={onSearch}
      />
      <div aria-busy={waitingForFirstPage}>{content}</div>
    </section>
  );
}
