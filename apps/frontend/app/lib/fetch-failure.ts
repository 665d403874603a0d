/**
 * Why a server-side fetch to the API got no answer, for the log: the system error code when
 * there is one (ECONNREFUSED, ENOTFOUND...), else undici's own reason ("bad port"...).
 */
export function fetchFailureReason(error: unknown): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError') return 'no answer before the deadline';
  return err.cause?.code ?? err.cause?.message ?? err.message;
}
