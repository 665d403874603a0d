import type { FastifySchemaValidationError } from 'fastify/types/schema';

const FORMAT_HINTS: Record<string, string> = {
  email: 'a valid email address',
  uuid: 'a UUID',
  date: 'a calendar date (YYYY-MM-DD)',
  'date-time': 'an ISO 8601 date-time',
};

/** `body` + `/dueDate` → `body.dueDate`; array indexes stay readable (`body.items.0`). */
function locate(dataVar: string, instancePath: string): string {
  return instancePath ? `${dataVar}${instancePath.replace(/\//g, '.')}` : dataVar;
}

function describe(
  error: FastifySchemaValidationError,
  all: FastifySchemaValidationError[],
  where: string,
): string {
  const params = error.params;
  switch (error.keyword) {
    case 'required':
      return `${where} is missing the field "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `${where} has an unknown field "${String(params.additionalProperty)}"`;
    case 'type':
      return `${where} must be ${article(String(params.type))}`;
    case 'minLength':
      return params.limit === 1
        ? `${where} must not be empty`
        : `${where} must be at least ${String(params.limit)} characters long`;
    case 'maxLength':
      return `${where} must be at most ${String(params.limit)} characters long`;
    case 'pattern':
      return params.pattern === '\\S'
        ? `${where} must not be blank`
        : `${where} must match ${String(params.pattern)}`;
    case 'format':
      return `${where} must be ${FORMAT_HINTS[String(params.format)] ?? `in ${String(params.format)} format`}`;
    case 'minProperties':
      return `${where} must contain at least ${String(params.limit)} field(s)`;
    case 'const':
    case 'anyOf': {
      const allowed = all
        .filter((other) => other.keyword === 'const' && other.instancePath === error.instancePath)
        .map((other) => JSON.stringify(other.params.allowedValue));
      return allowed.length > 0
        ? `${where} must be one of ${allowed.join(', ')}`
        : `${where} ${error.message}`;
    }
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

function article(type: string): string {
  if (type.includes(',')) return `one of: ${type}`;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * Turns AJV's errors into one sentence naming the field and what is wrong with it (`body.title
 * must be at most 200 characters long`); the error handler answers it as `{ message }` with 400.
 */
export function formatSchemaErrors(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const first = errors[0];
  return new Error(describe(first, errors, locate(dataVar, first.instancePath)));
}
