import { API_ROUTES, SESSION_COOKIE, conversationRoute } from '@pakaura/contract/browser';
import type { Conversation, ConversationList, MeResponse, User } from '@pakaura/contract';
import { apiRouteUrl } from '@/app/lib/api-url';
import { fetchFailureReason } from '@/app/lib/fetch-failure';
import { taskPageFrom, type TaskListAnswer, type TaskPage } from '@/app/lib/task-page';

/** What the root URL shows: the sign-in form, the person's workspace, or a retry message. */
export type HomeView =
  | { kind: 'signed-out' }
  | { kind: 'unavailable' }
  | {
      kind: 'signed-in';
      user: User;
      /** The first page of the tasks; null when it could not be loaded: the board offers a retry. */
      tasks: TaskPage | null;
      /** The latest conversation, or null for a fresh start. */
      conversation: Conversation | null;
    };

export interface LoadHomeOptions {
  timeoutMs?: number;
  log?: (line: string) => void;
}

type Answer<T> = { ok: true; body: T } | { ok: false; status: number; reason: string };

/**
 * Loads everything the first paint of `/` needs, on the server, so the board arrives filled in
 * (no loading flash, no layout shift). Any API trouble is logged here in detail and becomes a
 * view the page can explain to the person.
 */
export async function loadHome(
  sessionToken: string | undefined,
  apiBase: URL,
  options: LoadHomeOptions = {},
): Promise<HomeView> {
  if (!sessionToken) return { kind: 'signed-out' };
  const { timeoutMs = 5_000, log = console.error } = options;

  const get = async <T>(route: string): Promise<Answer<T>> => {
    try {
      const response = await fetch(apiRouteUrl(apiBase, route), {
        headers: { cookie: `${SESSION_COOKIE}=${sessionToken}`, accept: 'application/json' },
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) {
        const text = await response.text().catch(() => '');
        return { ok: false, status: response.status, reason: `HTTP ${response.status} ${text}` };
      }
      return { ok: true, body: (await response.json()) as T };
    } catch (error) {
      return { ok: false, status: 0, reason: fetchFailureReason(error) };
    }
  };
  const report = (route: string, answer: { reason: string }) =>
    log(`[home] GET ${route} via ${apiBase.origin} failed: ${answer.reason.trim()}`);

  const [me, tasks, conversations] = await Promise.all([
    get<MeResponse>(API_ROUTES.me),
    get<TaskListAnswer>(API_ROUTES.tasks),
    get<ConversationList>(API_ROUTES.conversations),
  ]);
  if (!me.ok) {
    if (me.status === 401) return { kind: 'signed-out' };
    report(API_ROUTES.me, me);
    return { kind: 'unavailable' };
  }
  if (!tasks.ok) report(API_ROUTES.tasks, tasks);

  let conversation: Conversation | null = null;
  if (!conversations.ok) report(API_ROUTES.conversations, conversations);
  else {
    const latest = latestConversationId(conversations.body);
    if (latest) {
      const answer = await get<Conversation>(conversationRoute(latest));
      if (answer.ok) conversation = answer.body;
      else report(conversationRoute(latest), answer);
    }
  }

  return {
    kind: 'signed-in',
    user: me.body.user,
    tasks: tasks.ok ? taskPageFrom(tasks.body) : null,
    conversation,
  };
}

function latestConversationId(list: ConversationList): string | undefined {
  let latest: ConversationList['conversations'][number] | undefined;
  for (const summary of list.conversations) {
    if (!latest || summary.updatedAt > latest.updatedAt) latest = summary;
  }
  return latest?.id;
}
