import { describe, expect, it } from 'vitest';
import { makeTask } from '@/test/fixtures';
import { changedFields, createBody, draftFromTask, EMPTY_DRAFT } from '@/app/lib/task-changes';

describe('createBody', () => {
  it('trims the text and leaves out empty optional fields', () => {
    expect(createBody({ ...EMPTY_DRAFT, title: '  Demo  ', description: '   ' })).toEqual({
      title: 'Demo',
      priority: 'medium',
    });
  });

  it('sends the description, priority and due date when given', () => {
    expect(
      createBody({
        title: 'Demo',
        description: ' notes ',
        priority: 'high',
        dueDate: '2026-03-01',
      }),
    ).toEqual({ title: 'Demo', description: 'notes', priority: 'high', dueDate: '2026-03-01' });
  });
});

describe('changedFields', () => {
  it('is empty when nothing changed', () => {
    const task = makeTask({ description: 'x', dueDate: '2026-01-01' });
    expect(changedFields(task, draftFromTask(task))).toEqual({});
  });

  it('sends only what changed, and null to clear the due date', () => {
    const task = makeTask({ title: 'Old', dueDate: '2026-01-01', priority: 'low' });
    const draft = {
      ...draftFromTask(task),
      title: ' New ',
      dueDate: '',
      priority: 'high' as const,
    };
    expect(changedFields(task, draft)).toEqual({ title: 'New', dueDate: null, priority: 'high' });
  });
});
