'use client';

import { DESCRIPTION_MAX_LENGTH, PRIORITIES, TITLE_MAX_LENGTH } from '@pakaura/contract/browser';
import type { Priority, Task, UpdateTaskBody } from '@pakaura/contract';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { describeError } from '@/app/lib/api-error';
import { PRIORITY_LABELS } from '@/app/lib/format';
import { changedFields, draftFromTask, type TaskDraft } from '@/app/lib/task-changes';
import { hasErrors, validateTask, type FieldErrors, type TaskFields } from '@/app/lib/validation';
import { buttonPrimary, buttonSecondary, fieldInput } from '@/app/ui/common/class-names';

interface TaskEditorProps {
  task: Task;
  onSave: (changes: UpdateTaskBody) => Promise<void>;
  onClose: () => void;
}

/** Edits a task in place: Enter saves from the title, Escape cancels. */
export function TaskEditor({ task, onSave, onClose }: TaskEditorProps) {
  const [draft, setDraft] = useState<TaskDraft>(() => draftFromTask(task));
  const [errors, setErrors] = useState<FieldErrors<keyof TaskFields>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const id = `edit-${task.id}`;
  const titleRef = useRef<HTMLInputElement>(null);

  // The editor opens because the person asked for it: put them in the title, ready to type.
  useEffect(() => titleRef.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateTask(draft);
    setErrors(found);
    setFormError(null);
    if (hasErrors(found)) return;
    const changes = changedFields(task, draft);
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    setPending(true);
    try {
      await onSave(changes);
      onClose();
    } catch (error) {
      setPending(false);
      setFormError(describeError(error));
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  }

  return (
    <form
      noValidate
      onSubmit={submit}
      aria-label={`Edit task: ${task.title}`}
      className="space-y-3 rounded-xl border border-brand-200 bg-brand-50/40 p-3"
    >
      <div className="space-y-1">
        <label htmlFor={`${id}-title`} className="text-xs font-medium text-slate-600">
          Title
        </label>
        <input
          ref={titleRef}
          id={`${id}-title`}
          onKeyDown={onKeyDown}
          maxLength={TITLE_MAX_LENGTH}
          value={draft.title}
          onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? `${id}-title-error` : undefined}
          className={fieldInput}
        />
        {errors.title ? (
          <p id={`${id}-title-error`} className="text-xs font-medium text-rose-600">
            {errors.title}
          </p>
        ) : null}
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-description`} className="text-xs font-medium text-slate-600">
          Description
        </label>
        <textarea
          id={`${id}-description`}
          onKeyDown={onKeyDown}
          rows={2}
          maxLength={DESCRIPTION_MAX_LENGTH}
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          className={`${fieldInput} resize-y`}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-priority`} className="text-xs font-medium text-slate-600">
            Priority
          </label>
          <select
            id={`${id}-priority`}
            onKeyDown={onKeyDown}
            value={draft.priority}
            onChange={(e) => setDraft({ ...draft, priority: e.target.value as Priority })}
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
          <label htmlFor={`${id}-due`} className="text-xs font-medium text-slate-600">
            Due date
          </label>
          <input
            id={`${id}-due`}
            onKeyDown={onKeyDown}
            type="date"
            value={draft.dueDate}
            onChange={(e) => setDraft({ ...draft, dueDate: e.target.value })}
            className={fieldInput}
          />
        </div>
      </div>
      <div role="alert">
        {formError ? <p className="text-sm font-medium text-rose-600">{formError}</p> : null}
      </div>
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonSecondary} onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className={buttonPrimary} disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
