'use client';

import { useState } from 'react';
import type { TaskDraft } from '@/app/lib/task-changes';
import { validateTask } from '@/app/lib/validation';
import type { TaskFieldErrors } from '@/app/ui/board/task-fields';

/**
 * A task form's draft and its field errors: typing in a field clears that field's error, and
 * `validate` checks the whole draft before it is sent.
 */
export function useTaskDraft(initial: TaskDraft | (() => TaskDraft)) {
  const [draft, setDraft] = useState<TaskDraft>(initial);
  const [errors, setErrors] = useState<TaskFieldErrors>({});

  const change = <K extends keyof TaskDraft>(name: K, value: TaskDraft[K]) => {
    setDraft((current) => ({ ...current, [name]: value }));
    if (name === 'title' || name === 'description') {
      setErrors((current) => ({ ...current, [name]: undefined }));
    }
  };

  /** The errors of the draft as it stands, also shown under the fields; empty when it may be sent. */
  const validate = (): TaskFieldErrors => {
    const found = validateTask(draft);
    setErrors(found);
    return found;
  };

  return { draft, setDraft, errors, change, validate };
}
