import { describe, expect, it } from 'vitest';
import { redact, redactArgs } from './redact';

describe('redact', () => {
  it('masks every occurrence of each secret, longest first', () => {
    expect(redact('token abcd1234 and abcd1234xyz', ['abcd1234', 'abcd1234xyz'])).toBe(
      'token *** and ***',
    );
  });

  it('leaves very short values alone', () => {
    expect(redact('a b c', ['a', undefined])).toBe('a b c');
  });

  it('masks the value of a --set whose key names a secret', () => {
    expect(redactArgs(['--set', 'secrets.jwtSecret=s3cr3t', '--set', 'api.replicas=2'])).toEqual([
      '--set',
      'secrets.jwtSecret=***',
      '--set',
      'api.replicas=2',
    ]);
  });
});
