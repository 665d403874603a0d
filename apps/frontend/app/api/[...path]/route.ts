import { forwardToApi } from '@/app/lib/api-forward';
import { resolveApiUrl } from '@/app/lib/api-url';
import { connectionOf } from '@/app/lib/security-headers';

// Read API_URL per request: the same build runs against whichever API its deployment names.
export const dynamic = 'force-dynamic';

// proxy.ts removed the forwarding headers the browser sent; those left are the connection's.
const forward = (request: Request) =>
  forwardToApi(request, resolveApiUrl(), { client: connectionOf(request.headers) });

export {
  forward as GET,
  forward as HEAD,
  forward as POST,
  forward as PUT,
  forward as PATCH,
  forward as DELETE,
  forward as OPTIONS,
};
