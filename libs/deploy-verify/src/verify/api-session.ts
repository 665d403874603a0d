import {
  API_PORT,
  API_ROUTES,
  type AuthResponse,
  type ErrorResponse,
  type RegisterBody,
} from '@pakaura/contract';
import { randomBytes } from 'node:crypto';
import { openPortForward, type ForwardedPort } from '@pakaura/deploy-kube/kube';
import { name, readyPods } from './cluster';
import { httpRequest, parseJson } from './http';
import { CheckFailedError, type CheckContext } from './types';

/** A throwaway user a check registers; its password never leaves the process. */
export interface TestUser {
  email: string;
  password: string;
  token: string;
}

/**
 * The API as a client outside the cluster sees it: a port-forward to a Ready API pod and JSON
 * requests with the test user's bearer token. Every unexpected answer becomes a CheckFailedError
 * naming the route, the status and the API's message.
 */
export class ApiSession {
  user?: TestUser;

  private constructor(
    private readonly ctx: CheckContext,
    private forward: ForwardedPort & { lastError(): string | undefined },
    readonly pod: string,
  ) {}

  static async open(ctx: CheckContext): Promise<ApiSession> {
    const [pod] = await readyPods(ctx, 'api');
    const forward = await openPortForward(ctx.kc, ctx.namespace, name(pod), API_PORT);
    ctx.evidence(`API reached through a port-forward to ${name(pod)}:${API_PORT}`);
    return new ApiSession(ctx, forward, name(pod));
  }

  /** Sends a request and returns the status and parsed body, whatever the status. */
  async send<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body?: T; text: string }> {
    try {
      const response = await httpRequest(`${this.forward.url}${path}`, {
        method,
        body,
        timeoutMs: this.ctx.timeouts.requestMs,
        headers: this.user ? { authorization: `Bearer ${this.user.token}` } : {},
      });
      return { status: response.status, body: parseJson<T>(response.text), text: response.text };
    } catch (error) {
      const detail = this.forward.lastError() ?? (error as Error).message;
      throw new CheckFailedError(
        `${method} ${path} through the port-forward to ${this.pod} failed: ${detail}`,
        {
          cause: error,
        },
      );
    }
  }

  /** Like send(), but anything other than `expected` fails the check with the API's message. */
  async expect<T>(
    method: string,
    path: string,
    expected: number | readonly number[],
    body?: unknown,
  ): Promise<T> {
    const response = await this.send<T>(method, path, body);
    const allowed = typeof expected === 'number' ? [expected] : expected;
    if (!allowed.includes(response.status)) {
      const message =
        (response.body as ErrorResponse | undefined)?.message ?? response.text.slice(0, 200);
      throw new CheckFailedError(
        `${method} ${path} answered ${response.status}, expected ${allowed.join(' or ')}: ${message}`,
      );
    }
    return response.body as T;
  }

  /** Registers a fresh user (`verify-<random>@pakaura.test`) and keeps its token. */
  async registerTestUser(purpose: string): Promise<TestUser> {
    const id = randomBytes(6).toString('hex');
    const account: RegisterBody = {
      email: `verify-${id}@pakaura.test`,
      password: randomBytes(18).toString('base64url'),
      name: `verify ${purpose}`,
    };
    const auth = await this.expect<AuthResponse>('POST', API_ROUTES.register, [200, 201], account);
    this.user = { email: account.email, password: account.password, token: auth.token };
    this.ctx.addSecrets([account.password, auth.token]);
    this.ctx.evidence(`registered test user ${account.email}`);
    return this.user;
  }

  async close(): Promise<void> {
    await this.forward.close();
  }
}
