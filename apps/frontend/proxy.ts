import { NextResponse, type NextRequest } from 'next/server';
import {
  contentSecurityPolicy,
  createNonce,
  SECURITY_HEADERS,
  withoutForwardingHeaders,
} from '@/app/lib/security-headers';

/**
 * Runs before every request. It drops the forwarding headers a client sent (Next.js's server
 * then records the real connection in their place, which `/api` forwarding passes on), and gives
 * every response a fresh CSP nonce and the security headers.
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(createNonce(), {
    development: process.env.NODE_ENV === 'development',
  });
  const headers = withoutForwardingHeaders(request.headers);
  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  headers.set('content-security-policy', policy);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

// Every path: pages, `/api` forwarding, health, and the static files.
export const config = { matcher: '/:path*' };
