import type { Task } from '@pakaura/contract';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '@/app/lib/api-client';
import type { TaskPage } from '@/app/lib/task-page';
import { Board } from '@/app/ui/board/board';
import { useBoard } from '@/app/ui/workspace/use-board';
import { CONTRACT_DEFAULT_PAGE_SIZE, fakeTaskApi, type FakeTaskApi } from '@/test/fake-task-api';
import { makeTask } from '@/test/fixtures';

const noop = async () => undefined;

/** The board as the workspace wires it: the real hook, the real component, fetch faked. */
function BoardHarness({ initialPage }: { initialPage: TaskPage | null }) {
  const { board, loadMore, reload, setFilter, setSearch } = useBoard(initialPage, (op) => op());
  return (
    <Board
      state={board}
      onAdd={noop}
      onToggle={noop}
      onSave={noop}
      onDelete={noop}
      onFilter={setFilter}
      onSearch={setSearch}
      onReload={reload}
      onLoadMore={loadMore}
    />
  );
}

/** `count` tasks, the newest first, as the server's first page would hold them. */
function manyTasks(count: number, overrides: (index: number) => Partial<Task> = () => ({})) {
  return Array.from({ length: count }, (_, index) =>
    makeTask({ title: `Task number ${index + 1}`, ...overrides(index) }),
  ).reverse();
}

async function serve(tasks: Task[], options: { paged?: boolean } = {}) {
  const server = fakeTaskApi(tasks, options);
  vi.stubGlobal('fetch', server.fetch);
  const first = await api.listTasks();
  server.urls.length = 0;
  render(<BoardHarness initialPage={first} />);
  return server;
}

const listed = () => within(screen.getByRole('list', { name: 'Tasks' })).getAllByRole('listitem');

afterEach(() => vi.unstubAllGlobals());

// Lists of a hundred tasks rendered in jsdom: slow on a loaded machine, not stuck.
describe('the board, page by page', { timeout: 30_000 }, () => {
  it('shows the first page, then the next ones on request, without sending a page size', async () => {
    const server: FakeTaskApi = await serve(manyTasks(120));

    expect(listed()).toHaveLength(CONTRACT_DEFAULT_PAGE_SIZE);
    expect(screen.getByText('50+ open')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load more tasks' }));
    await waitFor(() => expect(listed()).toHaveLength(100));
    await userEvent.click(screen.getByRole('button', { name: 'Load more tasks' }));
    await waitFor(() => expect(listed()).toHaveLength(120));

    expect(screen.queryByRole('button', { name: 'Load more tasks' })).not.toBeInTheDocument();
    expect(screen.getByText('120 open')).toBeInTheDocument();
    expect(server.urls).toEqual([
      '/api/v1/tasks?cursor=after-50',
      '/api/v1/tasks?cursor=after-100',
    ]);
    expect(listed()[119]).toHaveTextContent('Task number 1');
  });

  it('takes an answer without nextCursor (an API that does not page) as the whole list', async () => {
    await serve(manyTasks(70), { paged: false });

    expect(listed()).toHaveLength(70);
    expect(screen.queryByRole('button', { name: 'Load more tasks' })).not.toBeInTheDocument();
    expect(screen.getByText('70 open')).toBeInTheDocument();
  });

  it('keeps the list when the next page fails, says why, and tries again', async () => {
    const server = await serve(manyTasks(60));
    server.failNext(503);

    await userEvent.click(screen.getByRole('button', { name: 'Load more tasks' }));

    expect(await screen.findByText(/^Couldn't load more tasks\./)).toHaveTextContent(
      "Couldn't load more tasks. We can't reach Pakaura right now.",
    );
    expect(listed()).toHaveLength(50);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(listed()).toHaveLength(60));
    expect(screen.queryByText(/^Couldn't load more tasks/)).not.toBeInTheDocument();
  });

  it('asks the server for matches among the tasks not loaded yet once typing pauses', async () => {
    const server = await serve(
      manyTasks(80, (index) => (index === 0 ? { title: 'Renew the passport' } : {})),
    );

    await userEvent.type(screen.getByLabelText('Search tasks'), 'passport');

    await waitFor(() => expect(listed()).toHaveLength(1));
    expect(listed()[0]).toHaveTextContent('Renew the passport');
    expect(server.urls).toEqual(['/api/v1/tasks?search=passport']);
  });

  it('filters by status on the server while tasks are missing, and locally once all are known', async () => {
    const server = await serve(manyTasks(60, (index) => ({ completed: index < 5 })));

    await userEvent.click(screen.getByRole('button', { name: /^Completed/ }));
    await waitFor(() => expect(listed()).toHaveLength(5));
    expect(server.urls).toEqual(['/api/v1/tasks?status=completed']);
    expect(screen.getByRole('button', { name: /^Completed/ })).toHaveTextContent('Completed5');

    await userEvent.click(screen.getByRole('button', { name: /^All/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Load more tasks' }));
    await waitFor(() => expect(listed()).toHaveLength(60));
    await userEvent.click(screen.getByRole('button', { name: /^Active/ }));
    expect(listed()).toHaveLength(55);
    expect(server.urls).toEqual([
      '/api/v1/tasks?status=completed',
      '/api/v1/tasks?cursor=after-50',
    ]);
  });

  it('offers to try again when the first page could not be loaded', async () => {
    const server = fakeTaskApi(manyTasks(3));
    vi.stubGlobal('fetch', server.fetch);
    render(<BoardHarness initialPage={null} />);

    expect(screen.getByText("We couldn't load your tasks.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    await waitFor(() => expect(listed()).toHaveLength(3));
  });
});
