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
