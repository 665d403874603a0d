import type { ErrorResponse } from '@pakaura/contract';
import { apiRouteUrl } from '@/app/lib/api-url';
import { fetchFailureReason } from '@/app/lib/fetch-failure';
import {
  isForwardingHeader,
  isResponseSecurityHeader,
  type ClientConnection,
} from '@/app/lib/security-headers';

/** Headers that describe one connection, not the message: never copied across a proxy. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** fetch decodes compressed bodies, so the length and encoding it was given no longer apply. */
const DECODED_BODY_HEADERS = new Set(['content-encoding', 'content-length']);

export interface ForwardOptions {
  /**
   * How long the API may take before the browser gets a 504. Longer than the browser client's
   * own deadlines (15 s, 60 s for the chatbot), so those decide and this only stops a hung call.
   */
  timeoutMs?: number;
  /** Where failures are reported (the server log). */
  log?: (line: string) => void;
  /**
   * The browser's connection as this server saw it: the API gets it as `X-Forwarded-For`,
   * `-Proto` and `-Host` (its rate limits count per client), never what the browser claimed.
   */
  client?: ClientConnection;
}

function jsonError(status: number, message: string): Response {
  const body: ErrorResponse = { message };
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * Sends a browser's `/api/...` request to the API and streams the answer back unchanged
 * (status, body, every `Set-Cookie`). Used for local runs and containers; in Kubernetes the
 * ingress routes `/api` to the API itself. When the API cannot be reached the browser gets the
 * API's own error shape, `{ message }`, with 502 (refused) or 504 (too slow).
 */
export async function forwardToApi(
  request: Request,
  apiBase: URL,
  options: ForwardOptions = {},
): Promise<Response> {
  const { timeoutMs = 75_000, log = console.error, client = {} } = options;
  const incoming = new URL(request.url);
  const target = apiRouteUrl(apiBase, `${incoming.pathname}${incoming.search}`);

  // Cookie, Origin and Sec-Fetch-Site pass through: the API checks them on state changes.
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (HOP_BY_HOP.has(name) || isForwardingHeader(name) || isResponseSecurityHeader(name)) return;
    headers.set(name, value);
  });
  if (client.address) headers.set('x-forwarded-for', client.address);
  if (client.proto) headers.set('x-forwarded-proto', client.proto);
  if (client.host) headers.set('x-forwarded-host', client.host);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';

  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: 'manual',
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]),
    });
  } catch (error) {
    const reason = fetchFailureReason(error);
    log(`[api-forward] ${request.method} ${incoming.pathname} -> ${apiBase.origin}: ${reason}`);
    if ((error as Error).name === 'TimeoutError') {
      return jsonError(504, 'The Pakaura API took too long to answer. Try again in a moment.');
    }
    return jsonError(502, 'The Pakaura API is not reachable right now. Try again in a moment.');
  }

  const responseHeaders = new Headers();
  upstream.headers.forEach((value, name) => {
    if (name === 'set-cookie' || HOP_BY_HOP.has(name) || DECODED_BODY_HEADERS.has(name)) return;
    responseHeaders.set(name, value);
  });
  for (const cookie of upstream.headers.getSetCookie())
    responseHeaders.append('set-cookie', cookie);

  return new Response(request.method === 'HEAD' ? null : upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: responseHeaders,
  });
}
