import { describe, expect, it } from 'vitest';
import { maskCredentials } from './redact';

describe('maskCredentials', () => {
  it('hides the password of a URL and keeps the rest readable', () => {
    expect(
      maskCredentials('connect postgres://pakaura:s3cr3t@postgresql:5432/pakaura failed'),
    ).toBe('connect postgres://pakaura:***@postgresql:5432/pakaura failed');
    expect(maskCredentials('redis://:nouser@cache:6379 and https://x.test/a:b')).toBe(
      'redis://:***@cache:6379 and https://x.test/a:b',
    );
  });
});
