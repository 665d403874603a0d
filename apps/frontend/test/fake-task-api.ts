import type { Task } from '@pakaura/contract';
import { API_ROUTES } from '@pakaura/contract/browser';

/** The page size the shared contract gives `GET /api/v1/tasks` when no `limit` is sent. */
export const CONTRACT_DEFAULT_PAGE_SIZE = 50;

export interface FakeTaskApi {
  fetch: typeof fetch;
  /** Every URL the browser code asked for, in order. */
  urls: string[];
  /** Makes the next list request fail with this HTTP status. */
  failNext: (status: number) => void;
}

/**
 * `fetch` at the network boundary, answering `GET /api/v1/tasks` as the pagination contract
 * says: newest first, `status` and `search` (in titles) filters, pages of 50 with an opaque
 * `nextCursor` (null on the last page), 400 for a bad cursor. `paged: false` answers like an API
 * from before paging: every task and no `nextCursor`.
 */
export function fakeTaskApi(tasks: Task[], options: { paged?: boolean } = {}): FakeTaskApi {
  const paged = options.paged ?? true;
  const urls: string[] = [];
  let failure: number | undefined;
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  const fakeFetch = async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    urls.push(`${url.pathname}${url.search}`);
    if (url.pathname !== API_ROUTES.tasks) return json(404, { message: 'Not found' });
    if (failure) {
      const status = failure;
      failure = undefined;
      return json(status, { message: 'Failed' });
    }
    const status = url.searchParams.get('status') ?? 'all';
    const search = url.searchParams.get('search')?.toLowerCase() ?? '';
    const matching = [...tasks]
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
      .filter((task) => status === 'all' || task.completed === (status === 'completed'))
      .filter((task) => task.title.toLowerCase().includes(search));
    if (!paged) return json(200, { tasks: matching });
    const cursor = url.searchParams.get('cursor');
    const offset = cursor === null ? 0 : Number(/^after-(\d+)$/.exec(cursor)?.[1] ?? NaN);
    if (Number.isNaN(offset)) return json(400, { message: 'Bad cursor' });
    const limit = Number(url.searchParams.get('limit') ?? CONTRACT_DEFAULT_PAGE_SIZE);
    const end = offset + limit;
    return json(200, {
      tasks: matching.slice(offset, end),
      nextCursor: end < matching.length ? `after-${end}` : null,
    });
  };

  return { fetch: fakeFetch as typeof fetch, urls, failNext: (status) => (failure = status) };
}
