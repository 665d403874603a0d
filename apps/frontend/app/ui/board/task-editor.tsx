'use client';

import type { Task, UpdateTaskBody } from '@pakaura/contract';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { describeError } from '@/app/lib/api-error';
import { changedFields, draftFromTask } from '@/app/lib/task-changes';
import { hasErrors } from '@/app/lib/validation';
import { TaskFields } from '@/app/ui/board/task-fields';
import { useTaskDraft } from '@/app/ui/board/use-task-draft';
import { buttonPrimary, buttonSecondary } from '@/app/ui/common/class-names';

interface TaskEditorProps {
  task: Task;
  onSave: (changes: UpdateTaskBody) => Promise<void>;
  onClose: () => void;
}

/** Edits a task in place: Enter saves from the title, Escape cancels. */
export function TaskEditor({ task, onSave, onClose }: TaskEditorProps) {
  const { draft, errors, change, validate } = useTaskDraft(() => draftFromTask(task));
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);

  // The editor opens because the person asked for it: put them in the title, ready to type.
  useEffect(() => titleRef.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    if (hasErrors(validate())) return;
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
      <TaskFields
        idPrefix={`edit-${task.id}`}
        titleLabel="Title"
        draft={draft}
        errors={errors}
        onChange={change}
        titleRef={titleRef}
        onKeyDown={onKeyDown}
      />
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
