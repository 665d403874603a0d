'use client';

import type { CreateTaskBody } from '@pakaura/contract';
import { useRef, useState, type FormEvent } from 'react';
import { describeError } from '@/app/lib/api-error';
import { createBody, EMPTY_DRAFT } from '@/app/lib/task-changes';
import { hasErrors } from '@/app/lib/validation';
import { TaskFields } from '@/app/ui/board/task-fields';
import { useTaskDraft } from '@/app/ui/board/use-task-draft';
import { buttonPrimary, buttonSecondary } from '@/app/ui/common/class-names';
import { PlusIcon } from '@/app/ui/common/icons';

interface TaskComposerProps {
  /** Resolves once the task exists; the form is cleared only then. */
  onAdd: (body: CreateTaskBody) => Promise<void>;
}

export function TaskComposer({ onAdd }: TaskComposerProps) {
  const { draft, setDraft, errors, change, validate } = useTaskDraft(EMPTY_DRAFT);
  const [showDetails, setShowDetails] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate();
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

  return (
    <form noValidate onSubmit={submit} aria-label="Add a task" className="space-y-3">
      <TaskFields
        idPrefix="new-task"
        compact
        titleLabel="Task title"
        draft={draft}
        errors={errors}
        onChange={change}
        titleRef={titleRef}
        titleDescribedBy={formError ? 'new-task-error' : undefined}
        detailsHidden={!showDetails}
        titleActions={
          <>
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
          </>
        }
      />
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
