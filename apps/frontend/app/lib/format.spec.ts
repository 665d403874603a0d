import { describe, expect, it } from 'vitest';
import { dueState, formatDueDate, localDate } from '@/app/lib/format';

describe('formatDueDate', () => {
  it('formats from the string alone, the same on server and browser', () => {
    expect(formatDueDate('2026-01-05')).toBe('Jan 5, 2026');
    expect(formatDueDate('2026-12-31')).toBe('Dec 31, 2026');
  });

  it('shows an unexpected value as it is', () => {
    expect(formatDueDate('soon')).toBe('soon');
  });
});

describe('localDate', () => {
  it("writes the browser's day as YYYY-MM-DD", () => {
    expect(localDate(new Date(2026, 1, 3, 23, 59))).toBe('2026-02-03');
  });
});

describe('dueState', () => {
  it('is unknown until the browser knows the day, and for finished or undated tasks', () => {
    expect(dueState('2026-01-01', null, false)).toBeNull();
    expect(dueState('2026-01-01', '2026-02-01', true)).toBeNull();
    expect(dueState(null, '2026-02-01', false)).toBeNull();
  });

  it('tells overdue, today and upcoming apart', () => {
    expect(dueState('2026-01-31', '2026-02-01', false)).toBe('overdue');
    expect(dueState('2026-02-01', '2026-02-01', false)).toBe('today');
    expect(dueState('2026-02-02', '2026-02-01', false)).toBe('upcoming');
  });
});
