/**
 * The API server's own sentence for a failed call (its Status message), or the error's. Every
 * capability file wraps its client errors with it: `Cannot list pods in pakaura: <reason>`, with
 * the error kept as `{ cause }`.
 */
export function reason(error: unknown): string {
  const body = (error as { body?: unknown })?.body;
  if (typeof body === 'string') {
    try {
      const status = JSON.parse(body) as { message?: string };
      if (status.message) return status.message;
    } catch {
      return body.slice(0, 200);
    }
  }
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  // WebSocket failures (exec, port-forward) arrive as ErrorEvents: not Errors, but with a message.
  const event = (error as { message?: unknown } | undefined)?.message;
  const message = typeof event === 'string' ? event : String(error);
  return cause ? `${message} (${cause})` : message;
}
