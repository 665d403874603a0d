import { DESCRIPTION_MAX_LENGTH } from '@pakaura/contract/browser';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TaskComposer } from '@/app/ui/board/task-composer';
import { TaskEditor } from '@/app/ui/board/task-editor';
import { makeTask } from '@/test/fixtures';

const tooLong = 'x'.repeat(DESCRIPTION_MAX_LENGTH + 1);

function renderComposer(onAdd = vi.fn(async () => undefined)) {
  render(<TaskComposer onAdd={onAdd} />);
  return { form: screen.getByRole('form', { name: 'Add a task' }), onAdd };
}

function renderEditor(onSave = vi.fn(async () => undefined), onClose = vi.fn()) {
  const task = makeTask({ title: 'Draft the agenda', description: 'For Monday' });
  render(<TaskEditor task={task} onSave={onSave} onClose={onClose} />);
  return {
    form: screen.getByRole('form', { name: 'Edit task: Draft the agenda' }),
    onSave,
    onClose,
  };
}

describe.each([
  ['composer', () => renderComposer().form, 'Task title'],
  ['editor', () => renderEditor().form, 'Title'],
])('the task %s', (_name, renderForm, titleLabel) => {
  it('offers the same labelled fields: title, description, priority and due date', () => {
    const form = within(renderForm());

    expect(form.getByLabelText(titleLabel)).toHaveAttribute('maxLength', '200');
    expect(form.getByLabelText('Description')).toBeInstanceOf(HTMLTextAreaElement);
    const priority = form.getByLabelText('Priority') as HTMLSelectElement;
    expect([...priority.options].map((option) => option.text)).toEqual(['Low', 'Medium', 'High']);
    expect(form.getByLabelText('Due date')).toHaveAttribute('type', 'date');
  });

  it("ties each field's error to the field and clears it as the person types", async () => {
    const form = within(renderForm());
    const title = form.getByLabelText(titleLabel);
    const description = form.getByLabelText('Description');
    await userEvent.clear(title);
    fireEvent.change(description, { target: { value: tooLong } });

    fireEvent.submit(screen.getByRole('form'));

    expect(title).toHaveAccessibleDescription('Give the task a title.');
    expect(description).toHaveAccessibleDescription(
      `Keep the description under ${DESCRIPTION_MAX_LENGTH + 1} characters.`,
    );
    await userEvent.type(title, 'A');
    expect(title).not.toHaveAttribute('aria-invalid');
    expect(description).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('the task composer', () => {
  it('sends the trimmed task with its details, then starts over', async () => {
    const { form, onAdd } = renderComposer();
    const fields = within(form);
    await userEvent.type(fields.getByLabelText('Task title'), '  Book the venue ');
    await userEvent.click(fields.getByRole('button', { name: 'Details' }));
    await userEvent.selectOptions(fields.getByLabelText('Priority'), 'high');
    fireEvent.change(fields.getByLabelText('Due date'), { target: { value: '2030-05-17' } });
    await userEvent.click(fields.getByRole('button', { name: 'Add' }));

    expect(onAdd).toHaveBeenCalledWith({
      title: 'Book the venue',
      priority: 'high',
      dueDate: '2030-05-17',
    });
    expect(fields.getByLabelText('Task title')).toHaveValue('');
    expect(fields.getByLabelText('Priority')).not.toBeVisible();
  });
});

describe('the task editor', () => {
  it('saves only what changed, and Escape closes it without saving', async () => {
    const { form, onSave, onClose } = renderEditor();
    const fields = within(form);
    await userEvent.selectOptions(fields.getByLabelText('Priority'), 'low');
    await userEvent.click(fields.getByRole('button', { name: 'Save' }));

    expect(onSave).toHaveBeenCalledWith({ priority: 'low' });
    expect(onClose).toHaveBeenCalledTimes(1);

    await userEvent.type(fields.getByLabelText('Description'), '{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(onSave).toHaveBeenCalledTimes(1);
  });
});
