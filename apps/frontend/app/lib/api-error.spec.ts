import { describe, expect, it } from 'vitest';
import {
  ApiError,
  describeError,
  describeSignInError,
  errorFromFailure,
  errorFromResponse,
  kindForStatus,
  parseRetryAfter,
} from '@/app/lib/api-error';

describe('kindForStatus', () => {
  it.each([
    [400, 'invalid'],
    [401, 'unauthorized'],
    [404, 'not-found'],
    [409, 'conflict'],
    [422, 'invalid'],
    [429, 'rate-limited'],
    [500, 'server'],
    [502, 'server'],
    [504, 'timeout'],
  ])('classifies HTTP %i as %s', (status, kind) => {
    expect(kindForStatus(status)).toBe(kind);
  });
});

describe('errorFromResponse', () => {
  it("keeps the API's own sentence for a 4xx answer", () => {
    const error = errorFromResponse(400, { message: 'title must not be empty' }, null);
    expect(error).toMatchObject({
      kind: 'invalid',
      status: 400,
      message: 'title must not be empty',
    });
  });

  it('replaces the text of a 5xx answer with a safe sentence', () => {
    const error = errorFromResponse(500, { message: 'relation "tasks" does not exist' }, null);
    expect(error.message).not.toContain('relation');
    expect(error.message).toMatch(/went wrong on our side/);
  });

  it('says the service cannot be reached for a 502 from the forwarder', () => {
    expect(errorFromResponse(502, { message: 'x' }, null).message).toMatch(/can't reach Pakaura/);
  });

  it('falls back to the status when an error answer has no message', () => {
    expect(errorFromResponse(418, 'teapot', null).message).toBe('The request failed (HTTP 418).');
  });

  it('reads Retry-After into the error', () => {
    expect(errorFromResponse(429, { message: 'slow down' }, '42').retryAfterSeconds).toBe(42);
  });

  it('says how long to wait on any rate-limited answer, from Retry-After', () => {
    expect(errorFromResponse(429, { message: 'Rate limit exceeded' }, '42').message).toBe(
      'Too many requests. Wait 42 seconds and try again.',
    );
    expect(errorFromResponse(429, {}, '1').message).toBe(
      'Too many requests. Wait 1 second and try again.',
    );
    expect(errorFromResponse(429, {}, '600').message).toBe(
      'Too many requests. Wait 10 minutes and try again.',
    );
    expect(errorFromResponse(429, {}, null).message).toBe(
      'Too many requests. Wait a minute and try again.',
    );
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('errorFromFailure', () => {
  it('tells a timeout from a refused connection', () => {
    const timeout = Object.assign(new Error('t'), { name: 'TimeoutError' });
    expect(errorFromFailure(timeout).kind).toBe('timeout');
    expect(errorFromFailure(new TypeError('fetch failed')).kind).toBe('network');
  });
});

describe('describeSignInError', () => {
  it('explains a wrong password without saying which field was wrong', () => {
    const error = new ApiError('unauthorized', 401, 'Invalid email or password');
    expect(describeSignInError(error)).toBe(
      'That email and password do not match. Check them and try again.',
    );
  });

  it('says how long to wait when sign-in is rate limited', () => {
    expect(describeSignInError(new ApiError('rate-limited', 429, 'x', 30))).toBe(
      'Too many sign-in attempts. Wait 30 seconds and try again.',
    );
    expect(describeSignInError(new ApiError('rate-limited', 429, 'x', 61))).toBe(
      'Too many sign-in attempts. Wait 2 minutes and try again.',
    );
    expect(describeSignInError(new ApiError('rate-limited', 429, 'x'))).toMatch(/Wait a minute/);
  });

  it('falls back to the general wording for anything else', () => {
    expect(describeSignInError(new ApiError('network', 0, 'offline'))).toBe('offline');
    expect(describeError(new Error('boom'))).toMatch(/went wrong on our side/);
  });
});
