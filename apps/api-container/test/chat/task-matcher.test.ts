import type { Task } from '@pakaura/contract';
import { describe, expect, it } from 'vitest';
import { editDistance, findTask, words } from '../../src/chat/task-matcher';

let next = 0;
const task = (title: string, completed = false): Task => ({
  id: `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`,
  title,
  description: '',
  completed,
  priority: 'medium',
  dueDate: null,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
  completedAt: null,
});

const board = [
  task('Demo Kubernetes'),
  task('Write the Helm chart'),
  task('Buy oat milk'),
  task('Call the bank about the mortgage'),
  task('Prepare the quarterly report'),
  task('Demo Helm upgrade'),
];
const titleFor = (reference: string) => {
  const match = findTask(reference, board);
  return match.kind === 'one' ? match.task.title : match.kind;
};

describe('words', () => {
  it('drops filler words, punctuation, accents and a plural s', () => {
    expect(words('The Kubernetes task!')).toEqual(['kubernete']);
    expect(words('Café-crème for my tasks')).toEqual(['cafe', 'creme']);
  });
});

describe('editDistance', () => {
  it.each([
    ['chart', 'chart', 0],
    ['chrat', 'chart', 1],
    ['kubernets', 'kubernetes', 1],
    ['milk', 'silk', 1],
    ['bank', 'report', 6],
  ])('counts %s → %s as %i edits', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('findTask', () => {
  it.each([
    ['Kubernetes', 'Demo Kubernetes'],
    ['the kubernetes task', 'Demo Kubernetes'],
    ['kubernets', 'Demo Kubernetes'],
    ['demo k8s kubernetes', 'Demo Kubernetes'],
    ['helm chart', 'Write the Helm chart'],
    ['the chrat', 'Write the Helm chart'],
    ['milk', 'Buy oat milk'],
    ['bank', 'Call the bank about the mortgage'],
    ['mortgage call', 'Call the bank about the mortgage'],
    ['quarterly', 'Prepare the quarterly report'],
    ['repor', 'Prepare the quarterly report'],
    ['DEMO KUBERNETES', 'Demo Kubernetes'],
  ])('finds %j as %j', (reference, title) => {
    expect(titleFor(reference)).toBe(title);
  });

  it('finds a task by its id', () => {
    expect(findTask(board[2].id, board)).toEqual({ kind: 'one', task: board[2] });
  });

  it('reports several candidates rather than guessing', () => {
    const match = findTask('demo', board);
    expect(match.kind).toBe('several');
    expect(match.kind === 'several' && match.tasks.map((t) => t.title).sort()).toEqual([
      'Demo Helm upgrade',
      'Demo Kubernetes',
    ]);
  });

  it.each(['dentist', 'call mom', 'the task', ''])('finds nothing for %j', (reference) => {
    expect(findTask(reference, board).kind).toBe('none');
  });
});
