/**
 * What may never reach a log line, whatever a failing library puts in its error: drizzle repeats
 * a failed query's parameters (`params: ada@example.com,scrypt$...`), drivers echo values, and a
 * token or connection URL can sit in any message. Applied to every warning and error.
 */
const SECRETS: Array<[RegExp, string]> = [
  // drizzle's "Failed query: ...\nparams: ..." and similar parameter dumps.
  [/\bparams?:[^\n]*/gi, 'params: [redacted]'],
  [/\bscrypt\$[\w$.+/=-]+/g, '[password hash]'],
  [/\beyJ[\w-]*\.[\w-]+\.[\w-]*/g, '[token]'],
  [/\bBearer\s+[\w.~+/=-]+/gi, 'Bearer [token]'],
  [/(\b[a-z][\w+.-]*:\/\/[^:/\s@]+:)[^@\s]+@/gi, '$1[redacted]@'],
  [/[\w.!#$%&'*+/=?^`{|}~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi, '[email]'],
];

export function scrubText(text: string): string {
  let clean = text;
  for (const [pattern, replacement] of SECRETS) clean = clean.replace(pattern, replacement);
  return clean;
}

const MAX_DEPTH = 6;

/** A copy of `value` with every string scrubbed; errors become `{ type, message, stack }`. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (value instanceof Error) {
    return {
      type: value.name,
      message: scrubText(value.message),
      ...(value.stack && { stack: scrubText(value.stack) }),
      ...((value as { code?: unknown }).code !== undefined && {
        code: (value as { code?: unknown }).code,
      }),
    };
  }
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, scrubValue(item, depth + 1)]),
  );
}

/** pino's level number for "warn": scrubbing runs on warnings and above. */
export const SCRUBBED_FROM_LEVEL = 40;
