import { CoreV1Api, NetworkingV1Api, type V1Ingress } from '@kubernetes/client-node';
import { FRONTEND_HEALTH_PATH, K8S_NAMES } from '@pakaura/contract';
import { reason } from '@pakaura/deploy-kube/kube';
import { openPortForward } from '@pakaura/deploy-kube/kube';
import { serviceBackend } from '../../reach/service-backend';
import { name } from '../cluster';
import { httpRequest, type HttpResponse } from '../http';
import { CheckFailedError, type Check, type CheckContext } from '../types';

/** The signed-out root page shows the login form: a password field is the tell. */
const LOGIN_FORM = /<input[^>]*type=["']?password/i;

/** T047: the frontend Service serves the login page, and so does the Ingress when there is one. */
export const frontendCheck: Check = {
  name: 'frontend',
  task: 'T047',
  title: 'frontend Service and Ingress serve the login page',
  disruptive: false,
  async run(ctx) {
    const core = ctx.kc.makeApiClient(CoreV1Api);
    const service = await core
      .readNamespacedService({ name: K8S_NAMES.frontend, namespace: ctx.namespace })
      .catch((error: unknown) => {
        throw new CheckFailedError(`Service ${K8S_NAMES.frontend}: ${reason(error)}`, {
          cause: error,
        });
      });
    const { pod, port } = await serviceBackend(ctx.kc, ctx.namespace, service).catch(
      (error: Error) => {
        throw new CheckFailedError(error.message, { cause: error });
      },
    );
    const forward = await openPortForward(ctx.kc, ctx.namespace, name(pod), port);
    try {
      ctx.evidence(`Service ${K8S_NAMES.frontend} -> pod ${name(pod)}:${port} (port-forward)`);
      const health = await get(`${forward.url}${FRONTEND_HEALTH_PATH}`, ctx, {
        lastError: forward.lastError,
      });
      ctx.evidence(`GET ${FRONTEND_HEALTH_PATH} -> ${health.status}`);
      if (health.status !== 200)
        throw new CheckFailedError(`${FRONTEND_HEALTH_PATH} answered ${health.status}`);
      const page = await get(`${forward.url}/`, ctx, { lastError: forward.lastError });
      expectLoginPage(page, 'the frontend Service', ctx);
    } finally {
      await forward.close();
    }
    await checkIngress(ctx);
  },
};

/** How often the Ingress is read again while its address is not filled in. */
const INGRESS_POLL_MS = 1_000;

async function readIngress(ctx: CheckContext): Promise<V1Ingress | undefined> {
  try {
    return await ctx.kc
      .makeApiClient(NetworkingV1Api)
      .readNamespacedIngress({ name: K8S_NAMES.ingress, namespace: ctx.namespace });
  } catch (error) {
    if ((error as { code?: number }).code === 404) return undefined;
    throw new CheckFailedError(`Ingress ${K8S_NAMES.ingress}: ${reason(error)}`, { cause: error });
  }
}

function ingressAddress(ingress: V1Ingress): string | undefined {
  const address = ingress.status?.loadBalancer?.ingress?.[0];
  return address?.ip ?? address?.hostname;
}

/**
 * The Ingress's address, read again every second up to the deadline: ingress-nginx writes it on
 * its periodic status sync, so a fresh Ingress has none for a while.
 */
async function waitForAddress(ctx: CheckContext, first: V1Ingress): Promise<string> {
  const deadline = Date.now() + ctx.timeouts.ingressAddressMs;
  let ingress: V1Ingress | undefined = first;
  for (;;) {
    const address = ingress ? ingressAddress(ingress) : undefined;
    if (address) return address;
    if (Date.now() >= deadline || ctx.signal.aborted) break;
    await ctx.waiting(new Promise((resolve) => setTimeout(resolve, INGRESS_POLL_MS)));
    ingress = await readIngress(ctx);
  }
  throw new CheckFailedError(
    `Ingress ${K8S_NAMES.ingress} got no address within ${Math.round(ctx.timeouts.ingressAddressMs / 1000)} s. Is the ingress controller running? Run: nx run local-cluster:addon-ingress. Or reach it yourself: --ingress-host=<address>`,
  );
}

async function checkIngress(ctx: CheckContext): Promise<void> {
  const ingress = await readIngress(ctx);
  if (!ingress) {
    ctx.evidence(`no Ingress ${K8S_NAMES.ingress} (ingress disabled): Service checked only`);
    return;
  }
  const rule = ingress.spec?.rules?.[0];
  const routes = (rule?.http?.paths ?? []).map((p) => `${p.path} -> ${p.backend.service?.name}`);
  ctx.evidence(`Ingress ${K8S_NAMES.ingress} host ${rule?.host ?? '*'}: ${routes.join(', ')}`);
  for (const [path, service] of [
    ['/api', K8S_NAMES.api],
    ['/', K8S_NAMES.frontend],
  ]) {
    if (!routes.includes(`${path} -> ${service}`)) {
      throw new CheckFailedError(
        `Ingress ${K8S_NAMES.ingress} does not send ${path} to Service ${service}`,
      );
    }
  }
  const host = ctx.ingressHost ?? (await waitForAddress(ctx, ingress));
  ctx.evidence(
    ctx.ingressHost
      ? `Ingress reached at ${host} (--ingress-host), status address ${ingressAddress(ingress) ?? 'none yet'}`
      : `Ingress address ${host}`,
  );
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${ctx.ingressPort}/`;
  const hint =
    'With the docker driver on macOS/Windows run `minikube tunnel` and pass --ingress-host=127.0.0.1, or pass --ingress-port.';
  const response = await get(url, ctx, { headers: rule?.host ? { host: rule.host } : {} }).catch(
    (error: unknown) => {
      throw new CheckFailedError(
        `The Ingress did not answer: ${(error as Error).message}. ${hint}`,
        { cause: error },
      );
    },
  );
  expectLoginPage(response, `the Ingress at ${url} (Host: ${rule?.host})`, ctx);
}

/**
 * GET that follows up to three redirects (a signed-out `/` may send to the login route), staying
 * on the same address: a Location naming the ingress host is followed on the address in use.
 */
async function get(
  url: string,
  ctx: CheckContext,
  options: { headers?: Record<string, string>; lastError?: () => string | undefined },
): Promise<HttpResponse> {
  let current = new URL(url);
  for (let hop = 0; hop < 4; hop += 1) {
    const response = await httpRequest(current.toString(), {
      headers: options.headers,
      timeoutMs: ctx.timeouts.requestMs,
    }).catch((error: unknown) => {
      const detail = options.lastError?.() ?? (error as Error).message;
      throw new CheckFailedError(`GET ${current} failed: ${detail}`, { cause: error });
    });
    const location = response.headers['location'];
    if (response.status < 300 || response.status >= 400 || typeof location !== 'string')
      return response;
    const next = new URL(location, current);
    current = new URL(`${next.pathname}${next.search}`, current);
  }
  throw new CheckFailedError(`GET ${url} redirects more than 3 times`);
}

function expectLoginPage(response: HttpResponse, where: string, ctx: CheckContext): void {
  const form = LOGIN_FORM.test(response.text);
  ctx.evidence(`${where}: GET / -> ${response.status}, login form ${form ? 'visible' : 'missing'}`);
  if (response.status !== 200)
    throw new CheckFailedError(`${where} answered ${response.status} for /`);
  if (!form)
    throw new CheckFailedError(`${where} served / without a login form (no password field)`);
}
