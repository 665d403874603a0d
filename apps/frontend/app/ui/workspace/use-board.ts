'use client';

import type { TaskStatus } from '@pakaura/contract';
import { useCallback, useEffect, useReducer } from 'react';
import { api } from '@/app/lib/api-client';
import { describeError } from '@/app/lib/api-error';
import { boardReducer, initialBoardState, type TaskQuery } from '@/app/lib/board-state';
import type { TaskPage } from '@/app/lib/task-page';

/** How long typing must pause before a search goes to the server. */
export const SEARCH_PAUSE_MS = 300;

type Authed = <T>(operation: () => Promise<T>) => Promise<T>;

/**
 * The board's state and the server's pages behind it: a new filter or search shows the matching
 * known tasks at once and asks the server for the rest (unless every such task is known), and
 * `loadMore` reads the next page.
 */
export function useBoard(initialPage: TaskPage | null, authed: Authed) {
  const [board, dispatch] = useReducer(boardReducer, initialPage, initialBoardState);
  const { query, request, nextCursor } = board.paging;

  const loadPage = useCallback(
    async (pageQuery: TaskQuery, cursor: string | null) => {
      try {
        const page = await authed(() =>
          api.listTasks({ status: pageQuery.filter, search: pageQuery.search, cursor }),
        );
        dispatch({ type: 'page-loaded', query: pageQuery, first: cursor === null, page });
      } catch (error) {
        dispatch({ type: 'page-failed', query: pageQuery, error: describeError(error) });
      }
    },
    [authed],
  );

  const { filter, search } = query;
  useEffect(() => {
    if (request !== 'first') return;
    const timer = setTimeout(
      () => void loadPage({ filter, search }, null),
      search.trim() ? SEARCH_PAUSE_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [filter, search, request, loadPage]);

  const loadMore = () => {
    if (!nextCursor || request !== 'idle') return;
    dispatch({ type: 'more-requested' });
    void loadPage(query, nextCursor);
  };

  return {
    board,
    dispatch,
    loadMore,
    reload: useCallback(() => dispatch({ type: 'reload-requested' }), []),
    setFilter: (value: TaskStatus) => dispatch({ type: 'query-changed', filter: value }),
    setSearch: (value: string) => dispatch({ type: 'query-changed', search: value }),
  };
}
