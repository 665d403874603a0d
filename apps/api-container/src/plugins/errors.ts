import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { BODY_LIMIT_BYTES } from '../fastify-options';
import { describeDatabaseError, errorCode, isDatabaseUnavailable } from '../db/errors';

/** Seconds a 429 without its own wait asks the client to wait. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** Seconds a client is asked to wait after a 503 before trying again. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** An error whose message is written for the caller, even with a 5xx status (e.g. 502, 503). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Messages for Fastify's own 4xx codes that say what to do rather than what broke. */
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: `The request body is larger than the ${BODY_LIMIT_BYTES / 1024} KiB limit`,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send the body as JSON (Content-Type: application/json)',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON',
};

/** SQLSTATEs that mean the caller sent something the database refused, not a server fault. */
const CLIENT_DATA_ERRORS: Record<string, { status: number; message: string }> = {
  // A session token for an account that no longer exists (its rows are gone).
  '23503': { status: 401, message: 'Your account no longer exists; sign in again' },
  // Text PostgreSQL cannot store (a NUL character).
  '22021': { status: 400, message: 'The request contains characters that cannot be stored' },
  '22P05': { status: 400, message: 'The request contains characters that cannot be stored' },
};

/**
 * One error shape for every route, `{ message }`. 4xx messages tell the caller what to fix; the
 * text of unexpected 5xx errors stays in the log (with the request id) and the caller sees a
 * generic sentence.
 */
export default fp(
  async function errors(fastify) {
    fastify.setErrorHandler(async function handleError(error: FastifyError, request, reply) {
      if (error instanceof HttpError) {
        if (error.statusCode >= 500) request.log.warn({ status: error.statusCode }, error.message);
        const retryAfter = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
        if (retryAfter !== undefined) reply.header('retry-after', retryAfter);
        else if (error.statusCode === 429) reply.header('retry-after', DEFAULT_RETRY_AFTER_SECONDS);
        return reply.status(error.statusCode).send({ message: error.message });
      }
      const code = errorCode(error);
      const dataError = code ? CLIENT_DATA_ERRORS[code] : undefined;
      if (dataError) {
        request.log.info({ sqlState: code }, dataError.message);
        return reply.status(dataError.status).send({ message: dataError.message });
      }
      if (isDatabaseUnavailable(error)) {
        request.log.error(
          { errorType: error.name, errorCode: code, reason: describeDatabaseError(error) },
          'database unavailable',
        );
        return reply
          .status(503)
          .header('retry-after', UNAVAILABLE_RETRY_AFTER_SECONDS)
          .send({ message: 'The database is not answering right now; try again in a moment' });
      }
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      if (status < 500) {
        if (status === 429 && !reply.hasHeader('retry-after'))
          reply.header('retry-after', DEFAULT_RETRY_AFTER_SECONDS);
        const message = (error.code && FRAMEWORK_MESSAGES[error.code]) || error.message;
        return reply.status(status).send({ message });
      }
      // Never log the raw error: drizzle's message repeats the query's parameters.
      request.log.error(
        {
          errorType: error.name,
          errorCode: code,
          reason: describeDatabaseError(error),
          // Frames only: the lines before them are the message, which may quote parameters.
          stack: error.stack
            ?.split('\n')
            .filter((line) => line.startsWith('    at '))
            .slice(0, 5)
            .join('\n'),
        },
        'request failed',
      );
      return reply
        .status(status)
        .send({ message: 'Something went wrong on our side; try again in a moment' });
    });

    fastify.setNotFoundHandler(async function notFound(request, reply) {
      return reply
        .status(404)
        .send({ message: `No route for ${request.method} ${request.url.split('?')[0]}` });
    });
  },
  { name: 'errors' },
);
