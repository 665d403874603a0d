import { randomUUID } from 'node:crypto';
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyLoggerOptions, FastifyServerOptions } from 'fastify';
import type { Config } from './config/config';
import { SCRUBBED_FROM_LEVEL, scrubValue } from './log-scrub';
import { formatSchemaErrors } from './plugins/validation-messages';
import { RequestLog } from './request-logging';

/** Bodies are small JSON documents: a task, a chat message. Anything larger is refused (413). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Values of these keys never reach a log line, wherever they appear. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.secret',
  '*.apiKey',
];

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** A caller's (or the ingress's) `x-request-id` is kept when it looks sane; otherwise a new one. */
export function requestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

export function fastifyOptions(
  config: Config,
  logger: FastifyServerOptions['logger'] = loggerOptions(config),
): FastifyServerOptions {
  return {
    logger,
    genReqId: (request) => requestId(request.headers['x-request-id']),
    logController: new RequestLog(),
    bodyLimit: BODY_LIMIT_BYTES,
    // The ingress (or Next's /api forwarder) sits in front: its X-Forwarded-* name the client.
    // Only from trusted peers: anyone else could name any address and dodge the login limit.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    return503OnClosing: true,
    ajv: {
      customOptions: {
        // Unknown fields are an error (4xx), not silently dropped; wrong types are never coerced.
        removeAdditional: false,
        coerceTypes: false,
        allErrors: false,
      },
    },
    schemaController: { compilersFactory: { buildValidator: buildUrlCoercingValidator } },
    schemaErrorFormatter: formatSchemaErrors,
  };
}

const ajvCompilers = AjvCompiler();

/**
 * Bodies keep their JSON types as sent (`"title": 123` is refused, not turned into "123"), but a
 * query string or a path has only text: `?limit=20` is read as the integer its schema declares.
 */
const buildUrlCoercingValidator: typeof ajvCompilers = (externalSchemas, options = {}) => {
  const strict = ajvCompilers(externalSchemas, options);
  const coercing = ajvCompilers(externalSchemas, {
    ...options,
    customOptions: { ...options.customOptions, coerceTypes: true },
  } as typeof options);
  return (route) =>
    (route.httpPart === 'querystring' || route.httpPart === 'params' ? coercing : strict)(route);
};

type LoggerOptions = FastifyLoggerOptions & {
  redact: { paths: string[]; censor: string };
  hooks: {
    logMethod(
      this: unknown,
      args: unknown[],
      method: (...args: unknown[]) => void,
      level: number,
    ): void;
  };
};

/**
 * JSON lines on stdout (pino); DEBUG=true adds debug lines. Known secret fields are redacted by
 * name; on warnings and errors every string is also scrubbed of parameters, emails, password
 * hashes, tokens and URL passwords, whichever library wrote it.
 */
export function loggerOptions(config: Config): LoggerOptions {
  return {
    level: config.debug ? 'debug' : 'info',
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    hooks: {
      logMethod(args, method, level) {
        if (level < SCRUBBED_FROM_LEVEL) return method.apply(this, args);
        return method.apply(
          this,
          args.map((arg) => scrubValue(arg)),
        );
      },
    },
  };
}
