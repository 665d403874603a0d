import { DrizzleQueryError } from 'drizzle-orm/errors';

interface CodedError extends Error {
  code?: string;
  constraint?: string;
}

/**
 * The driver's own error under drizzle's wrapper. drizzle's message repeats the query and its
 * parameters (emails, password hashes), so it must never reach a log line: use this instead.
 */
export function driverError(error: unknown): CodedError | undefined {
  let current: unknown = error;
  while (current instanceof DrizzleQueryError) current = current.cause;
  return current instanceof Error ? (current as CodedError) : undefined;
}

/** SQLSTATE or Node's system error code (`ECONNREFUSED`), whichever the failure carries. */
export function errorCode(error: unknown): string | undefined {
  const inner = driverError(error);
  if (inner?.code) return inner.code;
  if (inner instanceof AggregateError) return (inner.errors[0] as CodedError | undefined)?.code;
  return undefined;
}

const SYSTEM_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
};

/**
 * SQLSTATE classes and codes that mean "the database cannot serve right now" rather than "this
 * request is wrong": connection exceptions (08), too many connections, the server shutting down
 * or starting, a statement cancelled by statement_timeout.
 */
const UNAVAILABLE_SQLSTATES = new Set(['53300', '57014', '57P01', '57P02', '57P03']);
const UNAVAILABLE_SYSTEM_CODES = new Set([...Object.keys(SYSTEM_ERRORS), 'EPIPE']);
/** node-postgres's own messages for a connection or an answer that did not come in time. */
const UNAVAILABLE_MESSAGES = [
  /^timeout exceeded when trying to connect$/,
  /^Connection terminated/,
  /^Query read timeout$/,
  /is not queryable$/,
  /^the database did not answer within/,
];

/** True when the failure is the database being unreachable, overloaded, or too slow to answer. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = errorCode(error);
  if (code && (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code))) return true;
  if (code && UNAVAILABLE_SYSTEM_CODES.has(code)) return true;
  const message = driverError(error)?.message ?? '';
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}

/** A short, parameter-free description of a database failure, safe to log. */
export function describeDatabaseError(error: unknown): string {
  const code = errorCode(error);
  if (code && SYSTEM_ERRORS[code]) return SYSTEM_ERRORS[code];
  const inner = driverError(error);
  const message = inner?.message || (inner instanceof AggregateError ? 'connection failed' : '');
  return (message || String(error)).split('\n')[0];
}

/** One line for a person: a database failure without its query, or an error's own message. */
export function oneLineError(error: unknown): string {
  if (errorCode(error) || error instanceof DrizzleQueryError) return describeDatabaseError(error);
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
