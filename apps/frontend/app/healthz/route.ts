import { APP_VERSION } from '@pakaura/contract/browser';

// Liveness and readiness of the frontend alone: it never calls the API, so a slow API cannot
// make Kubernetes restart healthy frontend pods.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(
    { status: 'ok', version: APP_VERSION },
    { headers: { 'cache-control': 'no-store' } },
  );
}
