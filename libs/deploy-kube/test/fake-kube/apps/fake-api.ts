import {
  API_ROUTES,
  APP_VERSION,
  type ChatAction,
  type ChatResponse,
  type HealthResponse,
  type Task,
} from '@pakaura/contract';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Pakaura API behind a pod's port, for the broken variants the real API cannot
 * show on demand: a database that loses its data, a chatbot that answers without acting, an
 * unhealthy readiness route. It speaks the contract's routes and shapes.
 */
export class FakeApi {
  health: HealthResponse['status'] = 'healthy';
  version = APP_VERSION;
  /** When false, the chatbot replies "Done!" and changes nothing. */
  chatActs = true;
  private readonly users = new Map<string, { email: string; tasks: Task[] }>();
  private server?: Server;

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  static async start(): Promise<FakeApi> {
    const api = new FakeApi();
    api.server = createServer((req, res) => void api.handle(req, res));
    await new Promise<void>((resolve) => api.server?.listen(0, '127.0.0.1', resolve));
    return api;
  }

  /** The database came back empty: every user and task is gone. */
  forgetData(): void {
    this.users.clear();
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://api');
    const body = await readBody(req);
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    };
    if (url.pathname === API_ROUTES.health) {
      const healthy = this.health === 'healthy';
      return send(healthy ? 200 : 503, {
        status: this.health,
        database: healthy ? 'ok' : 'error',
        version: this.version,
        engine: 'postgres',
      });
    }
    if (url.pathname === API_ROUTES.register && req.method === 'POST') {
      const token = randomUUID();
      this.users.set(token, { email: String(body['email']), tasks: [] });
      const user = { id: randomUUID(), email: body['email'], name: body['name'], createdAt: now() };
      return send(201, { user, token, expiresAt: now() });
    }
    const user = this.users.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (!user) return send(401, { message: 'Sign in first: the session is missing or expired.' });
    if (url.pathname === API_ROUTES.tasks && req.method === 'GET')
      return send(200, { tasks: user.tasks, nextCursor: null });
    if (url.pathname === API_ROUTES.tasks && req.method === 'POST') {
      const task = newTask(String(body['title']));
      user.tasks.push(task);
      return send(201, task);
    }
    if (url.pathname.startsWith(`${API_ROUTES.tasks}/`) && req.method === 'DELETE') {
      user.tasks = user.tasks.filter((t) => t.id !== url.pathname.split('/').pop());
      return send(204, {});
    }
    if (url.pathname === API_ROUTES.chat && req.method === 'POST') {
      return send(
        200,
        this.chat(user, String(body['message']), body['conversationId'] as string | undefined),
      );
    }
    return send(404, { message: `Route ${req.method} ${url.pathname} not found` });
  }

  /** Just enough intent matching for the four seed sentences. */
  private chat(
    user: { tasks: Task[] },
    message: string,
    conversationId: string = randomUUID(),
  ): ChatResponse {
    const act = (tool: ChatAction['tool'], tasks: Task[], summary: string): ChatResponse => ({
      conversationId,
      reply: summary,
      actions: [{ tool, args: {}, ok: true, summary, tasks }],
      provider: 'builtin',
    });
    if (!this.chatActs) return { conversationId, reply: 'Done!', actions: [], provider: 'builtin' };
    const add = /^add a task to (.+)$/i.exec(message);
    if (add) {
      const task = newTask(add[1].replace(/^./, (c) => c.toUpperCase()));
      user.tasks.push(task);
      return act('add_task', [task], `Added "${task.title}".`);
    }
    if (/show my tasks/i.test(message)) {
      return act(
        'list_tasks',
        user.tasks,
        `Your tasks: ${user.tasks.map((t) => t.title).join(', ')}`,
      );
    }
    const complete = /^complete the (\w+) task$/i.exec(message);
    if (complete) {
      const done = user.tasks.filter((t) =>
        t.title.toLowerCase().includes(complete[1].toLowerCase()),
      );
      for (const task of done) Object.assign(task, { completed: true, completedAt: now() });
      return act('complete_task', done, `Completed ${done.length} task(s).`);
    }
    if (/delete completed tasks/i.test(message)) {
      const gone = user.tasks.filter((t) => t.completed);
      user.tasks = user.tasks.filter((t) => !t.completed);
      return act('delete_completed_tasks', gone, `Deleted ${gone.length} completed task(s).`);
    }
    return { conversationId, reply: 'I did not understand.', actions: [], provider: 'builtin' };
  }
}

function newTask(title: string): Task {
  return {
    id: randomUUID(),
    title,
    description: '',
    completed: false,
    priority: 'medium',
    dueDate: null,
    createdAt: now(),
    updatedAt: now(),
    completedAt: null,
  };
}

function now(): string {
  return new Date().toISOString();
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
