import { ErrorResponse } from '@pakaura/contract';
import { Type } from '@sinclair/typebox';

const ErrorRef = Type.Ref(ErrorResponse);

/** `{ message }` for each listed status, documented in OpenAPI through the shared schema. */
export function errorResponses<const C extends number>(...codes: C[]): Record<C, typeof ErrorRef> {
  return Object.fromEntries(codes.map((code) => [code, ErrorRef])) as Record<C, typeof ErrorRef>;
}
