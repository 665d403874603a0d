import { describe, expect, it } from 'vitest';
import { API_PREFIX, API_ROUTES, taskRoute } from './routes';

describe('API routes', () => {
  it('keeps every API route under the prefix the ingress forwards, except metrics', () => {
    const outside = Object.entries(API_ROUTES)
      .filter(([, path]) => !path.startsWith(`${API_PREFIX}/`))
      .map(([name]) => name);
    expect(outside).toEqual(['metrics']);
  });

  it('encodes a task id into its route', () => {
    expect(taskRoute('a/b')).toBe(`${API_PREFIX}/tasks/a%2Fb`);
  });
});
