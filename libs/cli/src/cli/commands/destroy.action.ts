import type { CliContext, ParsedOptions } from '../command';
import type { KubeConfig } from '@kubernetes/client-node';
import { CHART_NAME, K8S_NAMES } from '@pakaura/contract';
import { deleteCluster } from '@pakaura/deploy-kube/cluster';
import { helmTargetArgs, readReleaseState } from '@pakaura/deploy-release';
import { builtImages, describeRemoval, removeBuiltImages } from '@pakaura/deploy-image';
import { deleteNamespace, listVolumeClaims, readNamespace } from '@pakaura/deploy-kube/kube';
import { resolveBinary, run } from '@pakaura/deploy-kube/process';
import { clusterSelection, connect, type Connection } from '../kube-options';
import { paint } from '../output';
/** Namespaces Kubernetes itself needs: never deleted, whatever is in them. */
const SYSTEM_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/** What `pakaura destroy` does; loaded on first use so `pakaura help` stays light. */
export async function runDestroy(
  options: ParsedOptions,
  _positionals: string[],
  context: CliContext,
): Promise<number> {
  const c = paint(context.color);
  const keepData = Boolean(options['keep-data']);
  const withCluster = Boolean(options['cluster']);
  const cluster = clusterSelection(options, context);
  let connection: Connection | undefined;
  try {
    connection = await connect(options, context, 'destroy');
  } catch (error) {
    if (!withCluster) throw error;
    context.out(`Release and namespace: skipped (${(error as Error).message.split('. ')[0]}).`);
  }
  const release = connection ? await releasePlan(connection, keepData) : undefined;
  const images = builtImages(context.workspaceRoot);

  const plan = [
    ...(release?.lines ?? []),
    ...images.map((record) => `remove image ${describeRemoval(record, withCluster)}`),
    ...(withCluster
      ? [
          `DELETE the ${cluster.provider} cluster "${cluster.name}" (${cluster.provider === 'kind' ? `kind delete cluster --name ${cluster.name}` : `minikube delete -p ${cluster.name}`})`,
        ]
      : []),
  ];
  context.out('This will:');
  plan.forEach((line) => context.out(`  - ${line}`));
  if (!(await confirmed(options, context))) return context.interactive ? 1 : 2;

  if (connection && release) {
    const removed = await uninstall(connection, context, c);
    if (removed === false) return 1;
    if (release.deleteNamespace) {
      await deleteNamespace(connection.kc, connection.namespace);
      context.out(
        c.green(
          `Namespace ${connection.namespace} is being deleted${release.claims.length > 0 ? `, with the PostgreSQL volume ${release.claims.join(', ')} (data deleted)` : ''}.`,
        ),
      );
    } else if (release.keptWhy) context.out(release.keptWhy);
  }
  const lines = await removeBuiltImages({
    workspaceRoot: context.workspaceRoot,
    minikubeProfile: cluster.provider === 'minikube' ? cluster.name : 'minikube',
    kindCluster: cluster.provider === 'kind' ? cluster.name : 'kind',
    clusterGoes: withCluster,
  });
  lines.forEach((line) => context.out(c.green(line)));
  if (withCluster) {
    await deleteCluster(cluster);
    context.out(c.green(`The ${cluster.provider} cluster "${cluster.name}" is deleted.`));
  }
  return 0;
}

interface ReleasePlan {
  lines: string[];
  deleteNamespace: boolean;
  /** Why the namespace stays, when it does. */
  keptWhy?: string;
  claims: string[];
}

/**
 * What destroy will do in the cluster. The namespace is deleted only when Pakaura owns it: the
 * release is installed in it, or it carries the chart's part-of label. Helm's
 * --create-namespace leaves no label, so the release is the usual proof.
 */
async function releasePlan(connection: Connection, keepData: boolean): Promise<ReleasePlan> {
  const { namespace, release, context } = connection;
  const state = await readReleaseState({
    helm: resolveBinary('helm'),
    release,
    namespace,
    context,
    kubeconfig: connection.kubeconfig,
  });
  const lines = [
    state
      ? `uninstall release ${release} in namespace ${namespace} (context ${context})`
      : `release ${release} is not installed in namespace ${namespace} (context ${context}): nothing to uninstall`,
  ];
  const ns = await readNamespace(connection.kc, namespace);
  if (!ns) return { lines, deleteNamespace: false, claims: [] };
  const claims = await volumeClaims(connection.kc, namespace);
  const volumes =
    claims.length > 0 ? claims.join(', ') : `none (no ${K8S_NAMES.postgresql} volume claim)`;
  if (keepData) {
    const keptWhy =
      claims.length > 0
        ? `Kept namespace ${namespace} and the PostgreSQL volume ${claims.join(', ')}: the next deploy reuses its data.`
        : `Kept namespace ${namespace}; it has no PostgreSQL volume.`;
    lines.push(`KEEP namespace ${namespace} and the PostgreSQL volume (${volumes})`);
    return { lines, deleteNamespace: false, keptWhy, claims };
  }
  const owned =
    !SYSTEM_NAMESPACES.has(namespace) &&
    (state !== undefined || ns.metadata?.labels?.['app.kubernetes.io/part-of'] === CHART_NAME);
  if (!owned) {
    const keptWhy = `Kept namespace ${namespace}: Pakaura does not own it (no release ${release} in it, no app.kubernetes.io/part-of=${CHART_NAME} label${SYSTEM_NAMESPACES.has(namespace) ? ', and Kubernetes needs it' : ''}).`;
    lines.push(`KEEP namespace ${namespace}: not Pakaura's`);
    return { lines, deleteNamespace: false, keptWhy, claims };
  }
  lines.push(
    `DELETE namespace ${namespace} with everything in it, including the PostgreSQL volume (${volumes}): its data is lost`,
  );
  return { lines, deleteNamespace: true, claims };
}

async function volumeClaims(kc: KubeConfig, namespace: string): Promise<string[]> {
  return (await listVolumeClaims(kc, namespace)).map((pvc) => pvc.metadata?.name ?? '');
}

async function confirmed(options: Record<string, unknown>, context: CliContext): Promise<boolean> {
  if (options['yes']) return true;
  if (!context.interactive) {
    context.err('destroy needs a confirmation: rerun with --yes to confirm from a script.');
    return false;
  }
  if (await context.confirm('Continue?')) return true;
  context.out('Nothing was changed.');
  return false;
}

async function uninstall(
  connection: Connection,
  context: CliContext,
  c: ReturnType<typeof paint>,
): Promise<boolean | undefined> {
  const result = await run(
    resolveBinary('helm'),
    ['uninstall', connection.release, ...helmTargetArgs(connection), '--wait'],
    { reject: false, hint: 'Is the cluster running? Run: nx run local-cluster:cluster' },
  );
  if (result.exitCode === 0) {
    context.out(c.green(`Release ${connection.release} uninstalled.`));
    return true;
  }
  if (/not found/.test(result.stderr)) {
    context.out(`Release ${connection.release} was not installed; nothing to uninstall.`);
    return undefined;
  }
  context.err(`helm uninstall failed: ${result.stderr.trim().split('\n').at(-1)}`);
  return false;
}
