/**
 * The frontend's security headers, set by `proxy.ts` on every response, and the request headers
 * it removes before anything else reads them.
 */

/** Sent with every response: no MIME sniffing, no referrer across origins, no framing. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  // `frame-ancestors 'none'` in the CSP says the same to browsers that read CSP level 2.
  'x-frame-options': 'DENY',
};

/**
 * What `proxy.ts` writes on responses. Next.js copies a proxy's response headers onto the request
 * as well, so code that passes a request on must leave these out.
 */
export function isResponseSecurityHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'content-security-policy' || lower in SECURITY_HEADERS;
}

export interface PolicyOptions {
  /** `next dev` evaluates code and injects styles at run time; production does neither. */
  development?: boolean;
}

/**
 * A nonce-based Content-Security-Policy (Next.js puts the nonce on every script it renders when
 * it finds it in the request's policy). `'strict-dynamic'` lets those scripts load the chunks
 * they need and nothing else runs. There is no `upgrade-insecure-requests`: local clusters and
 * `npm start` serve plain HTTP, and the browser would then ask for the app's own files over HTTPS.
 */
export function contentSecurityPolicy(nonce: string, options: PolicyOptions = {}): string {
  const dev = options.development === true;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    'style-src': ["'self'", dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** A fresh, unguessable nonce for one response (128 bits, base64). */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/** Request headers through which a client could claim another address, host or scheme. */
const SPOOFABLE = new Set(['forwarded', 'x-real-ip', 'x-client-ip', 'true-client-ip']);

export function isForwardingHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('x-forwarded-') || SPOOFABLE.has(lower);
}

/**
 * The request's headers without any the client sent about forwarding. What the server then sees
 * in `x-forwarded-for`, `-proto` and `-host` is what Next.js's own server writes when the request
 * has none: the connection's peer address, whether it is TLS, and its Host header.
 */
export function withoutForwardingHeaders(headers: Headers): Headers {
  const kept = new Headers();
  headers.forEach((value, name) => {
    if (!isForwardingHeader(name)) kept.append(name, value);
  });
  return kept;
}

/** Who is on the other end of the connection, as Next.js's server recorded it. */
export interface ClientConnection {
  address?: string;
  proto?: string;
  host?: string;
}

/**
 * Reads the connection Next.js recorded. Only meaningful behind `proxy.ts`, which removed the
 * client's own forwarding headers first, so these values cannot come from the client.
 */
export function connectionOf(headers: Headers): ClientConnection {
  return {
    address: headers.get('x-forwarded-for') ?? undefined,
    proto: headers.get('x-forwarded-proto') ?? undefined,
    host: headers.get('x-forwarded-host') ?? undefined,
  };
}
