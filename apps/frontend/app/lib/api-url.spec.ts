import { API_PORT, API_ROUTES } from '@pakaura/contract/browser';
import { describe, expect, it } from 'vitest';
import { apiRouteUrl, DEFAULT_API_URL, resolveApiUrl } from '@/app/lib/api-url';

describe('resolveApiUrl', () => {
  it('defaults to the API port on this machine', () => {
    expect(resolveApiUrl(undefined).href).toBe(`http://127.0.0.1:${API_PORT}/`);
    expect(resolveApiUrl('  ').origin).toBe(DEFAULT_API_URL);
  });

  it('accepts the in-cluster service URL', () => {
    expect(apiRouteUrl(resolveApiUrl('http://api:8000'), API_ROUTES.tasks)).toBe(
      'http://api:8000/api/v1/tasks',
    );
  });

  it('keeps a path prefix the API is mounted under', () => {
    expect(apiRouteUrl(resolveApiUrl('https://example.com/pakaura/'), '/api/v1/tasks?x=1')).toBe(
      'https://example.com/pakaura/api/v1/tasks?x=1',
    );
  });

  it.each([
    ['api:8000', /must start with http/],
    ['not a url', /is not a URL/],
    ['ftp://api:8000', /must start with http/],
    ['http://api:8000/api/v1', /ends with an API path.*http:\/\/api:8000/],
    ['http://api:8000/api', /ends with an API path/],
    ['http://user:pw@api:8000', /must not carry credentials/],
  ])('rejects API_URL=%s with a sentence that names the fix', (value, message) => {
    expect(() => resolveApiUrl(value)).toThrow(message);
  });
});
