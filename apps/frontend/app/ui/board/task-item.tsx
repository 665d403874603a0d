'use client';

import type { Task, UpdateTaskBody } from '@pakaura/contract';
import { useEffect, useRef, useState } from 'react';
import { dueState } from '@/app/lib/format';
import { iconButton } from '@/app/ui/common/class-names';
import { PencilIcon, TrashIcon } from '@/app/ui/common/icons';
import { DueBadge, PriorityBadge } from '@/app/ui/board/task-badges';
import { TaskEditor } from '@/app/ui/board/task-editor';

interface TaskItemProps {
  task: Task;
  today: string | null;
  onToggle: (task: Task) => void;
  onSave: (task: Task, changes: UpdateTaskBody) => Promise<void>;
  onDelete: (task: Task) => void;
}

export function TaskItem({ task, today, onToggle, onSave, onDelete }: TaskItemProps) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const closeEditor = () => {
    returnFocus.current = true;
    setEditing(false);
  };

  if (editing) {
    return (
      <li data-testid="task-item" data-task-id={task.id}>
        <TaskEditor task={task} onSave={(changes) => onSave(task, changes)} onClose={closeEditor} />
      </li>
    );
  }

  const checkboxId = `task-${task.id}-done`;
  return (
    <li
      data-testid="task-item"
      data-task-id={task.id}
      data-completed={task.completed}
      className="group flex items-start gap-3 rounded-xl border border-slate-200 bg-white px-3 py-3 transition-colors hover:border-slate-300"
    >
      <input
        id={checkboxId}
        type="checkbox"
        checked={task.completed}
        onChange={() => onToggle(task)}
        aria-label={`${task.completed ? 'Mark as not done' : 'Mark as done'}: ${task.title}`}
        className="mt-0.5 size-5 shrink-0 cursor-pointer rounded accent-brand-600"
      />
      <div className="min-w-0 flex-1">
        <p
          className={`break-words text-sm font-medium ${task.completed ? 'text-slate-500 line-through' : 'text-slate-900'}`}
          data-testid="task-title"
        >
          {task.title}
        </p>
        {task.description ? (
          <p className="mt-0.5 whitespace-pre-line break-words text-sm text-slate-600">
            {task.description}
          </p>
        ) : null}
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <PriorityBadge priority={task.priority} />
          {task.dueDate ? (
            <DueBadge date={task.dueDate} state={dueState(task.dueDate, today, task.completed)} />
          ) : null}
        </div>
      </div>
      <div className="flex shrink-0 gap-0.5 transition-opacity [@media(hover:hover)]:opacity-0 [@media(hover:hover)]:group-hover:opacity-100 [@media(hover:hover)]:group-focus-within:opacity-100">
        <button
          ref={editButton}
          type="button"
          className={iconButton}
          onClick={() => setEditing(true)}
          aria-label={`Edit: ${task.title}`}
          title="Edit"
        >
          <PencilIcon />
        </button>
        <button
          type="button"
          className={`${iconButton} hover:bg-rose-50 hover:text-rose-600`}
          onClick={() => onDelete(task)}
          aria-label={`Delete: ${task.title}`}
          title="Delete"
        >
          <TrashIcon />
        </button>
      </div>
    </li>
  );
}
