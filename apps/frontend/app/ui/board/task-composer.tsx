'use client';

import { DESCRIPTION_MAX_LENGTH, PRIORITIES, TITLE_MAX_LENGTH } from '@pakaura/contract/browser';
import type { CreateTaskBody, Priority } from '@pakaura/contract';
import { useRef, useState, type FormEvent } from 'react';
import { describeError } from '@/app/lib/api-error';
import { PRIORITY_LABELS } from '@/app/lib/format';
import { createBody, EMPTY_DRAFT, type TaskDraft } from '@/app/lib/task-changes';
import { hasErrors, validateTask, type FieldErrors, type TaskFields } from '@/app/lib/validation';
import { buttonPrimary, buttonSecondary, fieldInput } from '@/app/ui/common/class-names';
import { PlusIcon } from '@/app/ui/common/icons';

interface TaskComposerProps {
  /** Resolves once the task exists; the form is cleared only then. */
  onAdd: (body: CreateTaskBody) => Promise<void>;
}

export function TaskComposer({ onAdd }: TaskComposerProps) {
  const [draft, setDraft] = useState<TaskDraft>(EMPTY_DRAFT);
  const [showDetails, setShowDetails] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<keyof TaskFields>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);

  const change = <K extends keyof TaskDraft>(name: K, value: TaskDraft[K]) => {
    setDraft((current) => ({ ...current, [name]: value }));
    if (name === 'title' || name === 'description') {
      setErrors((current) => ({ ...current, [name]: undefined }));
    }
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateTask(draft);
    setErrors(found);
    setFormError(null);
    if (hasErrors(found)) {
      if (found.description) setShowDetails(true);
      else titleRef.current?.focus();
      return;
    }
    setPending(true);
    try {
      await onAdd(createBody(draft));
      setDraft(EMPTY_DRAFT);
      setShowDetails(false);
      titleRef.current?.focus();
    } catch (error) {
      setFormError(describeError(error));
    } finally {
      setPending(false);
    }
  }

  const titleDescribedBy = [errors.title && 'new-task-title-error', formError && 'new-task-error']
    .filter(Boolean)
    .join(' ');

  return (
    <form noValidate onSubmit={submit} aria-label="Add a task" className="space-y-3">
      <div className="flex gap-2">
        <label htmlFor="new-task-title" className="sr-only">
          Task title
        </label>
        <input
          ref={titleRef}
          id="new-task-title"
          name="title"
          placeholder="Add a task…"
          autoComplete="off"
          maxLength={TITLE_MAX_LENGTH}
          value={draft.title}
          onChange={(e) => change('title', e.target.value)}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={titleDescribedBy || undefined}
          className={fieldInput}
        />
        <button
          type="button"
          className={`${buttonSecondary} shrink-0`}
          aria-expanded={showDetails}
          aria-controls="new-task-details"
          onClick={() => setShowDetails((open) => !open)}
        >
          Details
        </button>
        <button type="submit" className={`${buttonPrimary} shrink-0`} disabled={pending}>
          <PlusIcon />
          <span>{pending ? 'Adding…' : 'Add'}</span>
        </button>
      </div>
      {errors.title ? (
        <p id="new-task-title-error" className="text-xs font-medium text-rose-600">
          {errors.title}
        </p>
      ) : null}
      <div
        id="new-task-details"
        hidden={!showDetails}
        className="grid gap-3 rounded-xl bg-slate-50 p-3 sm:grid-cols-[1fr_10rem_11rem]"
      >
        <div className="space-y-1">
          <label htmlFor="new-task-description" className="text-xs font-medium text-slate-600">
            Description
          </label>
          <textarea
            id="new-task-description"
            name="description"
            rows={3}
            maxLength={DESCRIPTION_MAX_LENGTH}
            value={draft.description}
            onChange={(e) => change('description', e.target.value)}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={errors.description ? 'new-task-description-error' : undefined}
            className={`${fieldInput} resize-y`}
            placeholder="Notes, links, anything useful"
          />
          {errors.description ? (
            <p id="new-task-description-error" className="text-xs font-medium text-rose-600">
              {errors.description}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor="new-task-priority" className="text-xs font-medium text-slate-600">
            Priority
          </label>
          <select
            id="new-task-priority"
            name="priority"
            value={draft.priority}
            onChange={(e) => change('priority', e.target.value as Priority)}
            className={fieldInput}
          >
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {PRIORITY_LABELS[priority]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="new-task-due" className="text-xs font-medium text-slate-600">
            Due date
          </label>
          <input
            id="new-task-due"
            name="dueDate"
            type="date"
            value={draft.dueDate}
            onChange={(e) => change('dueDate', e.target.value)}
            className={fieldInput}
          />
        </div>
      </div>
      <div role="alert">
        {formError ? (
          <p id="new-task-error" className="text-sm font-medium text-rose-600">
            {formError} Your task is still here; try again.
          </p>
        ) : null}
      </div>
    </form>
  );
}
