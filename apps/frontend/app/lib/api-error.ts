/**
 * What went wrong with a call to the API, in terms the UI can act on. The API answers every error
 * with `{ message }`; a network failure or a timeout never reaches it.
 */
export type ApiErrorKind =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'rate-limited'
  | 'invalid'
  | 'not-found'
  | 'conflict'
  | 'server';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    message: string,
    /** Seconds the API asked us to wait (`Retry-After`), when it said so. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function kindForStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 429) return 'rate-limited';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 504) return 'timeout';
  if (status >= 500) return 'server';
  return 'invalid';
}

const NETWORK_MESSAGE = "We can't reach Pakaura right now. Check your connection and try again.";
const TIMEOUT_MESSAGE = 'Pakaura is taking too long to answer. Try again in a moment.';
const SERVER_MESSAGE = 'Something went wrong on our side. Try again in a moment.';

/** Reads `Retry-After` (seconds or an HTTP date) into whole seconds. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Turns an error answer into an ApiError. The API's own sentence is kept for 4xx answers (it says
 * which field is wrong); 5xx text is replaced, because the server hides its details anyway.
 */
export function errorFromResponse(status: number, body: unknown, retryAfter: string | null) {
  const kind = kindForStatus(status);
  const apiMessage =
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { message?: unknown }).message === 'string'
      ? (body as { message: string }).message.trim()
      : '';
  const retryAfterSeconds = parseRetryAfter(retryAfter);
  let message: string;
  if (kind === 'server')
    message = status === 502 || status === 503 ? NETWORK_MESSAGE : SERVER_MESSAGE;
  else if (kind === 'timeout') message = TIMEOUT_MESSAGE;
  else if (kind === 'rate-limited') message = waitMessage('Too many requests', retryAfterSeconds);
  else message = apiMessage || `The request failed (HTTP ${status}).`;
  return new ApiError(kind, status, message, retryAfterSeconds);
}

/** "<What happened>. Wait 30 seconds and try again.", from the API's `Retry-After`. */
function waitMessage(what: string, seconds: number | undefined): string {
  const wait = seconds && seconds > 0 ? formatWait(seconds) : 'a minute';
  return `${what}. Wait ${wait} and try again.`;
}

/** A failure before any answer: the connection, or our own deadline. */
export function errorFromFailure(cause: unknown): ApiError {
  const name = (cause as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ApiError('timeout', 0, TIMEOUT_MESSAGE);
  }
  return new ApiError('network', 0, NETWORK_MESSAGE);
}

/** The sentence to show for any error, whatever threw it. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return SERVER_MESSAGE;
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'unauthorized';
}

/** The sign-in form's wording: a wrong password and a throttled login read differently. */
export function describeSignInError(error: unknown): string {
  if (error instanceof ApiError && error.kind === 'unauthorized') {
    return 'That email and password do not match. Check them and try again.';
  }
  if (error instanceof ApiError && error.kind === 'rate-limited') {
    return waitMessage('Too many sign-in attempts', error.retryAfterSeconds);
  }
  return describeError(error);
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
