import type { CliContext, ParsedOptions } from '../command';
import { COMPONENT_LABEL } from '@pakaura/contract';
import type { KubeConfig } from '@kubernetes/client-node';
import { isPodReady, listPods, openPortForward } from '@pakaura/deploy-kube/kube';
import { connect } from '../kube-options';
import { paint } from '../output';
import { HEALTH_CHECKS } from './health';

const REQUEST_TIMEOUT_MS = 5_000;

/** What `pakaura health` does; loaded on first use so `pakaura help` stays light. */
export async function runHealth(
  options: ParsedOptions,
  _positionals: string[],
  context: CliContext,
): Promise<number> {
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
}

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
