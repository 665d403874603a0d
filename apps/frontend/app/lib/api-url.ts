import { API_PORT, API_PREFIX } from '@pakaura/contract/browser';

/** Where the API answers when `API_URL` is not set: a local run of both apps on one machine. */
export const DEFAULT_API_URL = `http://127.0.0.1:${API_PORT}`;

/**
 * The API's base URL from `API_URL`, read at run time (Kubernetes sets it per deployment). The
 * frontend appends the contract's routes (`/api/v1/...`) to it, so it must not carry them itself.
 * Throws one sentence that names the variable and the fix.
 */
export function resolveApiUrl(value: string | undefined = process.env.API_URL): URL {
  const raw = value?.trim() || DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `API_URL="${raw}" is not a URL: set it to the API's base URL, e.g. ${DEFAULT_API_URL}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(
      `API_URL="${raw}" must start with http:// or https://, e.g. ${DEFAULT_API_URL}`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(
      `API_URL="${raw}" must not carry credentials, a query or a fragment, e.g. ${DEFAULT_API_URL}`,
    );
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (path.endsWith(API_PREFIX) || path.endsWith('/api')) {
    throw new Error(
      `API_URL="${raw}" ends with an API path: set it to the API's base URL (${url.origin}); the frontend appends ${API_PREFIX}/... itself`,
    );
  }
  url.pathname = path;
  return url;
}

/** The full URL of an API route (`/api/v1/...`) under the base URL. */
export function apiRouteUrl(base: URL, routeWithQuery: string): string {
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}${routeWithQuery}`;
}
