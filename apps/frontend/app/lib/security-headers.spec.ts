import { describe, expect, it } from 'vitest';
import {
  connectionOf,
  contentSecurityPolicy,
  createNonce,
  withoutForwardingHeaders,
} from '@/app/lib/security-headers';

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split('; ').map((directive) => {
      const [name, ...sources] = directive.split(' ');
      return [name, sources];
    }),
  );

describe('contentSecurityPolicy', () => {
  it('runs only scripts that carry the nonce, and forbids framing', () => {
    const policy = directives(contentSecurityPolicy('abc123'));

    expect(policy['script-src']).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy['style-src']).toEqual(["'self'", "'nonce-abc123'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'self'"]);
    expect(policy['form-action']).toEqual(["'self'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(Object.values(policy).flat()).not.toContain("'unsafe-inline'");
    expect(Object.values(policy).flat()).not.toContain("'unsafe-eval'");
  });

  it('lets the development server evaluate code and inject styles', () => {
    const policy = directives(contentSecurityPolicy('abc123', { development: true }));

    expect(policy['script-src']).toContain("'unsafe-eval'");
    expect(policy['style-src']).toContain("'unsafe-inline'");
  });
});

describe('createNonce', () => {
  it('is 128 random bits in base64, new every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));

    expect(nonces.size).toBe(100);
    for (const nonce of nonces) {
      expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    }
  });
});

describe('withoutForwardingHeaders', () => {
  it('drops every header a client could use to pose as another address, host or scheme', () => {
    const kept = withoutForwardingHeaders(
      new Headers({
        'X-Forwarded-For': '203.0.113.7',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        'x-forwarded-port': '443',
        'x-forwarded-prefix': '/admin',
        forwarded: 'for=198.51.100.1',
        'x-real-ip': '198.51.100.2',
        'true-client-ip': '198.51.100.3',
        cookie: 'pakaura_session=abc',
        origin: 'http://127.0.0.1:3000',
        'sec-fetch-site': 'same-origin',
      }),
    );

    expect([...kept.keys()].sort()).toEqual(['cookie', 'origin', 'sec-fetch-site']);
  });
});

describe('connectionOf', () => {
  it('reads the address, scheme and host the server recorded', () => {
    expect(
      connectionOf(
        new Headers({
          'x-forwarded-for': '127.0.0.1',
          'x-forwarded-proto': 'http',
          'x-forwarded-host': 'localhost:3000',
        }),
      ),
    ).toEqual({ address: '127.0.0.1', proto: 'http', host: 'localhost:3000' });
    expect(connectionOf(new Headers())).toEqual({});
  });
});
