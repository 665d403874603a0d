import { API_ROUTES, conversationRoute, taskRoute } from '@pakaura/contract/browser';
import type {
  AuthResponse,
  ChatRequest,
  ChatResponse,
  Conversation,
  ConversationList,
  CreateTaskBody,
  DeleteCompletedResponse,
  LoginBody,
  MeResponse,
  RegisterBody,
  Task,
  UpdateTaskBody,
} from '@pakaura/contract';
import { errorFromFailure, errorFromResponse } from '@/app/lib/api-error';
import {
  taskPageFrom,
  taskPageRoute,
  type TaskListAnswer,
  type TaskPage,
  type TaskPageRequest,
} from '@/app/lib/task-page';

export interface ApiClientOptions {
  /** Origin of the API; the browser leaves it empty and calls its own origin under `/api`. */
  baseUrl?: string;
  /** Deadline for ordinary calls. */
  timeoutMs?: number;
  /** Deadline for the chatbot, which may call a language model. */
  chatTimeoutMs?: number;
}

interface RequestOptions {
  body?: unknown;
  timeoutMs: number;
  /** Lets the request finish while the page unloads (a delete waiting for its undo window). */
  keepalive?: boolean;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The browser's typed client for the API: one method per route it uses, errors as ApiError. */
export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const timeoutMs = options.timeoutMs ?? 15_000;
  const chatTimeoutMs = options.chatTimeoutMs ?? 60_000;

  async function request<T>(method: string, path: string, opts: RequestOptions): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        credentials: 'same-origin',
        headers: opts.body === undefined ? undefined : { 'content-type': 'application/json' },
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: AbortSignal.timeout(opts.timeoutMs),
        keepalive: opts.keepalive,
        cache: 'no-store',
      });
    } catch (cause) {
      throw errorFromFailure(cause);
    }
    const text = await response.text().catch(() => '');
    const body = parseJson(text);
    if (!response.ok) {
      throw errorFromResponse(response.status, body, response.headers.get('retry-after'));
    }
    return body as T;
  }

  const call = <T>(method: string, path: string, body?: unknown) =>
    request<T>(method, path, { body, timeoutMs });

  return {
    signIn: (body: LoginBody) => call<AuthResponse>('POST', API_ROUTES.login, body),
    signUp: (body: RegisterBody) => call<AuthResponse>('POST', API_ROUTES.register, body),
    signOut: () => call<unknown>('POST', API_ROUTES.logout),
    me: () => call<MeResponse>('GET', API_ROUTES.me),
    /** One page of tasks: the first, or the one after `cursor`. */
    listTasks: async (page: TaskPageRequest = {}): Promise<TaskPage> =>
      taskPageFrom(await call<TaskListAnswer>('GET', taskPageRoute(page))),
    createTask: (body: CreateTaskBody) => call<Task>('POST', API_ROUTES.tasks, body),
    updateTask: (id: string, body: UpdateTaskBody) => call<Task>('PATCH', taskRoute(id), body),
    deleteTask: (id: string, opts: { keepalive?: boolean } = {}) =>
      request<unknown>('DELETE', taskRoute(id), { timeoutMs, keepalive: opts.keepalive }),
    deleteCompleted: () => call<DeleteCompletedResponse>('DELETE', API_ROUTES.completedTasks),
    sendChat: (body: ChatRequest) =>
      request<ChatResponse>('POST', API_ROUTES.chat, { body, timeoutMs: chatTimeoutMs }),
    listConversations: () => call<ConversationList>('GET', API_ROUTES.conversations),
    getConversation: (id: string) => call<Conversation>('GET', conversationRoute(id)),
  };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The browser's client: same origin, `/api/...`. */
export const api = createApiClient();
