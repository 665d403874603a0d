import { describe, expect, it } from 'vitest';
import { makeTask } from '@/test/fixtures';
import { taskPageFrom, taskPageRoute } from '@/app/lib/task-page';

describe('taskPageRoute', () => {
  it('asks for the first page with the API default page size', () => {
    expect(taskPageRoute()).toBe('/api/v1/tasks');
    expect(taskPageRoute({ status: 'all', search: '  ' })).toBe('/api/v1/tasks');
  });

  it('carries the filter, the trimmed search and the cursor, and never a page size', () => {
    const route = taskPageRoute({ status: 'active', search: ' oat milk ', cursor: 'a+b/c=' });
    const url = new URL(route, 'http://localhost');

    expect(url.pathname).toBe('/api/v1/tasks');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      status: 'active',
      search: 'oat milk',
      cursor: 'a+b/c=',
    });
  });
});

describe('taskPageFrom', () => {
  it('reads an answer without nextCursor, from an API that does not page, as the last page', () => {
    const tasks = [makeTask()];
    expect(taskPageFrom({ tasks })).toEqual({ tasks, nextCursor: null });
    expect(taskPageFrom({ tasks, nextCursor: null })).toEqual({ tasks, nextCursor: null });
    expect(taskPageFrom({ tasks, nextCursor: 'next' })).toEqual({ tasks, nextCursor: 'next' });
  });
});
