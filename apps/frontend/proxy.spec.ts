import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { config, proxy } from '@/proxy';

describe('proxy', () => {
  it('runs for pages, API forwarding, health and static files alike', () => {
    for (const url of ['/', '/signup', '/api/v1/auth/login', '/healthz', '/_next/static/a.js']) {
      expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(true);
    }
  });

  it('answers with a fresh nonce policy and the security headers', () => {
    const first = proxy(new NextRequest('http://127.0.0.1:3000/'));
    const second = proxy(new NextRequest('http://127.0.0.1:3000/'));

    const policy = first.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(second.headers.get('content-security-policy')).not.toBe(policy);
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('referrer-policy')).toBe('same-origin');
    expect(first.headers.get('x-frame-options')).toBe('DENY');
  });
});
