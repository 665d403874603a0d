import { HttpError } from '../plugins/errors';

/** Where a page ended: the last task's creation time (PostgreSQL's own text, to the µs) and id. */
export interface CursorPosition {
  createdAt: string;
  id: string;
}

const CREATED_AT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?\+00$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque to clients: base64url of `<created_at>|<id>`. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(`${position.createdAt}|${position.id}`).toString('base64url');
}

/** The position a cursor names; anything this API did not issue is a 400 that says what to do. */
export function decodeCursor(cursor: string): CursorPosition {
  const [createdAt = '', id = '', ...rest] = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .split('|');
  if (rest.length > 0 || !CREATED_AT.test(createdAt) || !UUID.test(id)) {
    throw new HttpError(
      400,
      'query.cursor is not a cursor this API issued: pass the nextCursor of the previous page unchanged, or leave it out to start from the first page',
    );
  }
  return { createdAt, id };
}
