import {
  API_PORT,
  API_ROUTES,
  COMPONENT_LABEL,
  FRONTEND_HEALTH_PATH,
  FRONTEND_PORT,
} from '@pakaura/contract';
import type { KubeConfig } from '@kubernetes/client-node';
import { isPodReady, listPods, openPortForward } from '../../kube';
import type { Command } from '../command';
import { connect, KUBE_OPTIONS } from '../kube-options';
import { paint } from '../output';

/** The health routes `pakaura health` checks, each reached on a ready pod of its component. */
export const HEALTH_CHECKS = [
  { component: 'api', port: API_PORT, path: API_ROUTES.health },
  { component: 'frontend', port: FRONTEND_PORT, path: FRONTEND_HEALTH_PATH },
] as const;

const REQUEST_TIMEOUT_MS = 5_000;

export const health: Command = {
  name: 'health',
  summary: "Check the API's and the frontend's health routes through the cluster",
  usage: 'pakaura health [--context <name>] [-n <namespace>]',
  description: `Opens a port-forward to a ready pod of each component (as kubectl port-forward does) and calls its health route: the API's ${API_ROUTES.health} (answers 200 only when its database answers) and the frontend's ${FRONTEND_HEALTH_PATH}. Exits 1 when one is not healthy.`,
  options: { ...KUBE_OPTIONS },
  async run(options, _positionals, context) {
    const selection = await connect(options, context, 'health');
    const { kc } = selection;
    const c = paint(context.color);
    let healthy = true;
    for (const check of HEALTH_CHECKS) {
      const result = await checkComponent(kc, selection.namespace, check);
      healthy &&= result.ok;
      const mark = result.ok ? c.green('ok  ') : c.red('FAIL');
      context.out(`${mark} ${check.component.padEnd(8)} ${check.path.padEnd(20)} ${result.detail}`);
    }
    return healthy ? 0 : 1;
  },
};

async function checkComponent(
  kc: KubeConfig,
  namespace: string,
  check: (typeof HEALTH_CHECKS)[number],
): Promise<{ ok: boolean; detail: string }> {
  const pods = await listPods(kc, namespace, `${COMPONENT_LABEL}=${check.component}`);
  const pod = pods.find(isPodReady);
  if (!pod?.metadata?.name) {
    return {
      ok: false,
      detail: `no ready ${check.component} pod (${pods.length} found): pakaura status`,
    };
  }
  const forward = await openPortForward(kc, namespace, pod.metadata.name, check.port);
  const started = performance.now();
  try {
    const response = await fetch(`${forward.url}${check.path}`, {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await response.text()).replace(/\s+/g, ' ').slice(0, 80);
    const ms = Math.round(performance.now() - started);
    return {
      ok: response.status === 200,
      detail: `HTTP ${response.status} in ${ms} ms from ${pod.metadata.name}: ${body}`,
    };
  } catch (error) {
    const why = forward.lastError() ?? (error as Error).message;
    return { ok: false, detail: `no answer from ${pod.metadata.name}:${check.port}: ${why}` };
  } finally {
    await forward.close();
  }
}
