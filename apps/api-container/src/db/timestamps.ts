/** PostgreSQL's text form of a UTC timestamptz: `2030-01-09 15:00:00.123456+00`. */
const UTC_TEXT = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

/**
 * A timestamptz as the API answers it, ISO 8601 in UTC with milliseconds. The database sends
 * UTC text (the pool asks for TimeZone=UTC), which is rearranged without building a Date;
 * any other offset goes through Date.
 */
export function isoTimestamp(value: string): string {
  const match = UTC_TEXT.exec(value);
  if (!match) return new Date(value).toISOString();
  return `${match[1]}T${match[2]}.${(match[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
}
