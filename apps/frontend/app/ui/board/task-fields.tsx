'use client';

import { DESCRIPTION_MAX_LENGTH, PRIORITIES, TITLE_MAX_LENGTH } from '@pakaura/contract/browser';
import type { Priority } from '@pakaura/contract';
import type { KeyboardEvent, ReactNode, Ref } from 'react';
import { PRIORITY_LABELS } from '@/app/lib/format';
import type { TaskDraft } from '@/app/lib/task-changes';
import type { FieldErrors, TaskTextFields } from '@/app/lib/validation';
import { fieldInput } from '@/app/ui/common/class-names';

export type TaskFieldErrors = FieldErrors<keyof TaskTextFields>;

interface TaskFieldsProps {
  /** Prefix of every field's id (`<prefix>-title`, `<prefix>-details`...), unique on the page. */
  idPrefix: string;
  draft: TaskDraft;
  errors: TaskFieldErrors;
  onChange: <K extends keyof TaskDraft>(name: K, value: TaskDraft[K]) => void;
  titleRef?: Ref<HTMLInputElement>;
  /** The composer keeps its title label for screen readers only and shows a placeholder. */
  compact?: boolean;
  titleLabel: string;
  /** Buttons on the title's row (the composer's Details and Add). */
  titleActions?: ReactNode;
  /** More ids that describe the title, such as the form's own error. */
  titleDescribedBy?: string;
  /** Description, priority and due date folded away (the composer's Details button). */
  detailsHidden?: boolean;
  onKeyDown?: (event: KeyboardEvent) => void;
}

const label = 'text-xs font-medium text-slate-600';
const errorText = 'text-xs font-medium text-rose-600';

/**
 * The fields of a task, the same in the composer and the editor: title, description, priority
 * and due date, each labelled, with its error tied to it for assistive technology.
 */
export function TaskFields({
  idPrefix,
  draft,
  errors,
  onChange,
  titleRef,
  compact = false,
  titleLabel,
  titleActions,
  titleDescribedBy,
  detailsHidden = false,
  onKeyDown,
}: TaskFieldsProps) {
  const ids = {
    title: `${idPrefix}-title`,
    titleError: `${idPrefix}-title-error`,
    details: `${idPrefix}-details`,
    description: `${idPrefix}-description`,
    descriptionError: `${idPrefix}-description-error`,
    priority: `${idPrefix}-priority`,
    due: `${idPrefix}-due`,
  };
  const describedBy = [errors.title && ids.titleError, titleDescribedBy].filter(Boolean).join(' ');

  const title = (
    <input
      ref={titleRef}
      id={ids.title}
      name="title"
      placeholder={compact ? 'Add a task…' : undefined}
      autoComplete="off"
      maxLength={TITLE_MAX_LENGTH}
      value={draft.title}
      onChange={(e) => onChange('title', e.target.value)}
      onKeyDown={onKeyDown}
      aria-invalid={errors.title ? true : undefined}
      aria-describedby={describedBy || undefined}
      className={fieldInput}
    />
  );

  return (
    <>
      <div className={compact ? 'flex gap-2' : 'space-y-1'}>
        <label htmlFor={ids.title} className={compact ? 'sr-only' : label}>
          {titleLabel}
        </label>
        {title}
        {titleActions}
      </div>
      {errors.title ? (
        <p id={ids.titleError} className={errorText}>
          {errors.title}
        </p>
      ) : null}
      <div
        id={ids.details}
        hidden={detailsHidden}
        className={`grid gap-3 sm:grid-cols-2 ${compact ? 'rounded-xl bg-slate-50 p-3' : ''}`}
      >
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor={ids.description} className={label}>
            Description
          </label>
          <textarea
            id={ids.description}
            name="description"
            rows={compact ? 3 : 2}
            maxLength={DESCRIPTION_MAX_LENGTH}
            value={draft.description}
            onChange={(e) => onChange('description', e.target.value)}
            onKeyDown={onKeyDown}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={errors.description ? ids.descriptionError : undefined}
            className={`${fieldInput} resize-y`}
            placeholder="Notes, links, anything useful"
          />
          {errors.description ? (
            <p id={ids.descriptionError} className={errorText}>
              {errors.description}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor={ids.priority} className={label}>
            Priority
          </label>
          <select
            id={ids.priority}
            name="priority"
            value={draft.priority}
            onChange={(e) => onChange('priority', e.target.value as Priority)}
            onKeyDown={onKeyDown}
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
          <label htmlFor={ids.due} className={label}>
            Due date
          </label>
          <input
            id={ids.due}
            name="dueDate"
            type="date"
            value={draft.dueDate}
            onChange={(e) => onChange('dueDate', e.target.value)}
            onKeyDown={onKeyDown}
            className={fieldInput}
          />
        </div>
      </div>
    </>
  );
}
