type Json = Record<string, unknown>;
interface Operation {
  security?: Array<Record<string, string[]>>;
  responses?: Record<string, Json>;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const ERROR_CONTENT = {
  'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } },
};

const integerHeader = (description: string) => ({
  description,
  schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 1_000_000 },
});
const RATE_LIMIT_RESPONSE_HEADERS = {
  'RateLimit-Limit': integerHeader('Requests allowed in the current window by the tightest limit'),
  'RateLimit-Remaining': integerHeader('Requests left in that window'),
  'RateLimit-Reset': integerHeader('Seconds until that window starts over'),
};
const RETRY_AFTER = { 'Retry-After': integerHeader('Seconds to wait before trying again') };
/** Sent with every answer to a request whose Origin is a frontend origin (FRONTEND_URL). */
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': {
    description: "The request's Origin, when it is one of the frontend's origins (FRONTEND_URL)",
    schema: { type: 'string', format: 'uri', maxLength: 2048 },
  },
};

/** The statuses every operation may answer besides its own, with what they mean. */
const COMMON_RESPONSES: Record<string, Json> = {
  '500': {
    description:
      'An unexpected failure: a generic sentence; the detail is in the server log under the x-request-id',
    content: ERROR_CONTENT,
  },
  '503': {
    description: 'The database is not answering (unreachable, overloaded or too slow); try again',
    headers: { ...RETRY_AFTER, ...CORS_HEADERS },
    content: ERROR_CONTENT,
  },
};

const DESCRIPTIONS: Record<string, string> = {
  '400': 'The request is malformed: the message names the field and the rule',
  '401': 'No session, or one that ended or expired: sign in again',
  '403': 'Refused: the message says why',
  '404': 'Nothing with this id belongs to the caller',
  '409': 'Conflicts with what is stored: the message says what to do',
  '413': 'The body is larger than 64 KiB',
  '415': 'The body is not JSON',
  '429': 'Over a rate limit: wait for Retry-After seconds',
};

/**
 * Completes the document @fastify/swagger builds from the routes' schemas with what the routes
 * share, so that it tells client generators and gateways the truth: every operation may answer
 * 500 and 503 (with Retry-After); public operations say `security: []`; an operation that can
 * answer 429 declares the RateLimit-* headers on its 2xx and 4xx answers and Retry-After on the
 * 429 (see plugins/rate-limits.ts). Routes without a limit declare no limit headers: they have
 * none, and are bounded per request instead (page size, the per-user task cap).
 */
export function completeOpenApiDocument<T>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, Operation>> }).paths ?? {};
  for (const item of Object.values(paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operation.security ??= [];
      const responses = (operation.responses ??= {});
      for (const [status, common] of Object.entries(COMMON_RESPONSES))
        responses[status] ??= structuredClone(common);
      for (const [status, response] of Object.entries(responses)) {
        if (
          DESCRIPTIONS[status] &&
          (!response.description || response.description === 'Default Response')
        )
          response.description = DESCRIPTIONS[status];
      }
      if (!responses['429']) continue;
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[24]/.test(status)) continue;
        response.headers = {
          ...(response.headers as Json | undefined),
          ...CORS_HEADERS,
          ...RATE_LIMIT_RESPONSE_HEADERS,
          ...(status === '429' && RETRY_AFTER),
        };
      }
    }
  }
  return document;
}
