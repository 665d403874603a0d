import { createHmac } from 'node:crypto';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT built by hand (not by the library under test), for expired, forged and odd tokens. */
export function craftToken(
  payload: Record<string, unknown>,
  options: { secret: string; alg?: 'HS256' | 'HS384' | 'HS512' | 'none' },
): string {
  const alg = options.alg ?? 'HS256';
  const head = `${encode({ alg, typ: 'JWT' })}.${encode(payload)}`;
  if (alg === 'none') return `${head}.`;
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
  return `${head}.${createHmac(hash, options.secret).update(head).digest('base64url')}`;
}

export function decodePart(token: string, index: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString());
}
