import { forwardToApi } from '@/app/lib/api-forward';
import { resolveApiUrl } from '@/app/lib/api-url';

// Read API_URL per request: the same build runs against whichever API its deployment names.
export const dynamic = 'force-dynamic';

const forward = (request: Request) => forwardToApi(request, resolveApiUrl());

export {
  forward as GET,
  forward as HEAD,
  forward as POST,
  forward as PUT,
  forward as PATCH,
  forward as DELETE,
  forward as OPTIONS,
};
