import type { CliContext, ParsedOptions } from '../command';
import type { V1Pod } from '@kubernetes/client-node';
import { readReleaseState } from '@pakaura/deploy-release';
import {
  ingressAddress,
  listIngresses,
  listPods,
  listServices,
  podState,
  servicePorts,
} from '@pakaura/deploy-kube/kube';
import { resolveBinary } from '@pakaura/deploy-kube/process';
import { connect } from '../kube-options';
import { age, paint, table } from '../output';

/** What `pakaura status` does; loaded on first use so `pakaura help` stays light. */
export async function runStatus(
  options: ParsedOptions,
  _positionals: string[],
  context: CliContext,
): Promise<number> {
  const selection = await connect(options, context, 'status');
  const { kc, context: kubeContext } = selection;
  const c = paint(context.color);
  const release = await readReleaseState({
    helm: resolveBinary('helm'),
    release: selection.release,
    namespace: selection.namespace,
    context: kubeContext,
    kubeconfig: selection.kubeconfig,
  });
  const where = `namespace ${selection.namespace}, context ${kubeContext}`;
  if (!release) {
    context.out(
      c.red(`Release ${selection.release} is not installed (${where}). Install it: pakaura setup`),
    );
    return 1;
  }
  const releaseColor = release.status === 'deployed' ? c.green : c.red;
  context.out(
    `${c.bold('Release')} ${selection.release} (${where}): ${releaseColor(release.status)}, revision ${release.revision}`,
  );

  const [pods, services, ingresses] = await Promise.all([
    listPods(kc, selection.namespace),
    listServices(kc, selection.namespace),
    listIngresses(kc, selection.namespace),
  ]);
  context.out('');
  context.out(c.bold('Pods'));
  const podRows = pods.map(podRow);
  for (const line of table(
    [['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], ...podRows.map((r) => r.cells)],
    (row, column, text) =>
      row === 0 ? c.dim(text) : column === 2 ? podRows[row - 1].paint(c)(text) : text,
  )) {
    context.out(`  ${line}`);
  }
  if (pods.length === 0) context.out(c.yellow('  (no pods)'));

  context.out('');
  context.out(c.bold('Services'));
  const serviceRows = services.map((s) => [
    s.metadata?.name ?? '',
    s.spec?.type ?? '',
    s.spec?.clusterIP ?? '',
    servicePorts(s),
  ]);
  for (const line of table(
    [['NAME', 'TYPE', 'CLUSTER-IP', 'PORTS'], ...serviceRows],
    (row, _c, t) => (row === 0 ? c.dim(t) : t),
  )) {
    context.out(`  ${line}`);
  }

  context.out('');
  context.out(c.bold('Ingress'));
  const ingressRows = ingresses.map((i) => [
    i.metadata?.name ?? '',
    i.spec?.ingressClassName ?? '-',
    (i.spec?.rules ?? []).map((r) => r.host ?? '*').join(',') || '*',
    ingressAddress(i),
  ]);
  for (const line of table([['NAME', 'CLASS', 'HOSTS', 'ADDRESS'], ...ingressRows], (row, _c, t) =>
    row === 0 ? c.dim(t) : t,
  )) {
    context.out(`  ${line}`);
  }
  if (ingresses.length === 0) context.out('  (no ingress)');

  const notReady = podRows.filter((r) => !r.ready).length;
  const healthy = release.status === 'deployed' && notReady === 0 && pods.length > 0;
  context.out('');
  context.out(
    healthy
      ? c.green(`All ${pods.length} pods are ready.`)
      : c.yellow(
          `${notReady} of ${pods.length} pods are not ready. Look closer: pakaura logs, or kubectl describe pod -n ${selection.namespace}`,
        ),
  );
  return healthy ? 0 : 1;
}

function podRow(pod: V1Pod) {
  const state = podState(pod);
  const containers = pod.status?.containerStatuses ?? [];
  const readyCount = containers.filter((s) => s.ready).length;
  const shown = state.terminating ? 'Terminating' : (state.waitingReason ?? state.phase);
  return {
    ready: state.ready,
    cells: [
      state.name,
      `${readyCount}/${pod.spec?.containers.length ?? containers.length}`,
      shown,
      String(state.restarts),
      age(pod.metadata?.creationTimestamp),
    ],
    paint: (c: ReturnType<typeof paint>) =>
      state.ready
        ? c.green
        : state.waitingReason && state.waitingReason !== 'ContainerCreating'
          ? c.red
          : c.yellow,
  };
}
