import { clusterContext, resolveClusterTarget, type ClusterTarget } from '../cluster/options';
import { kindServer } from '../cluster/kind';
import { minikubeStatus } from '../cluster/minikube';
import type { KubeTarget } from './client';
import { contextEntry, primaryKubeconfig, selectedContext } from './kubeconfig-contexts';

/** What a target is about to do with the cluster, for the refusal's first words. */
export type GuardAction =
  'deploy' | 'destroy' | 'verify' | 'status' | 'health' | 'logs' | 'open' | 'dry-run';

export interface GuardTarget extends KubeTarget {
  /** The local cluster the graph works on (provider + name); default from PAKAURA_* variables. */
  cluster?: ClusterTarget;
}

export interface GuardedContext {
  /** The context every later call must use (passed on explicitly, never re-read). */
  context: string;
  /** True when the person named it; a named context passes without the local tool's check. */
  explicit: boolean;
}

/**
 * The one gate in front of every command that reaches a cluster. A context named on the command
 * line passes (the person meant it). Otherwise the context is the local cluster's own (the
 * minikube profile, or kind-<name>), never "whatever is current", and it passes only when its
 * server is the one the local tool reports for that cluster: a context merely *called* minikube
 * or kind-x that points elsewhere is refused, and nothing has connected to it.
 */
export async function guardContext(
  target: GuardTarget,
  action: GuardAction,
  env: NodeJS.ProcessEnv = process.env,
): Promise<GuardedContext> {
  if (target.context) return { context: selectedContext(target, env), explicit: true };
  const cluster = target.cluster ?? resolveClusterTarget({}, env);
  const context = cluster.context || clusterContext(cluster.provider, cluster.name);
  const refuse = (why: string, fix: string) =>
    new Error(
      `Refusing to ${ACTION_TEXT[action]} kube context "${context}": ${why}. ${fix} If you mean this context anyway, name it: --context=${context}`,
    );
  let entry: ReturnType<typeof contextEntry>;
  try {
    entry = contextEntry({ ...target, context }, env);
  } catch {
    throw new Error(
      `No kube context "${context}" for the ${cluster.provider} cluster "${cluster.name}" in the kubeconfig. Start the cluster: nx run local-cluster:cluster${cluster.provider === 'kind' ? ' --configuration=kind' : ''}, or name the context to use: --context=<name>`,
    );
  }
  if (cluster.provider === 'kind') {
    const reported = await kindServer(cluster.name);
    if (!reported) {
      throw refuse(
        `kind has no cluster "${cluster.name}"`,
        'Create it: nx run local-cluster:cluster --configuration=kind.',
      );
    }
    if (!sameServer(entry.server, reported)) {
      throw refuse(
        `its server ${entry.server || '(none)'} is not ${reported}, the one kind reports for cluster "${cluster.name}"`,
        `Rewrite it: kind export kubeconfig --name ${cluster.name}.`,
      );
    }
    return { context, explicit: false };
  }
  if (entry.cluster !== cluster.name) {
    throw refuse(
      `it points at kubeconfig cluster "${entry.cluster}", not at "${cluster.name}", the entry minikube writes and checks for profile "${cluster.name}"`,
      `Repair it: minikube update-context -p ${cluster.name}.`,
    );
  }
  const status = await minikubeStatus(cluster.name, {
    KUBECONFIG: primaryKubeconfig(target, env),
  });
  if (!status.exists || !status.running) {
    throw refuse(
      `minikube profile "${cluster.name}" ${status.exists ? 'is not running' : 'does not exist'}, so minikube cannot vouch for its server ${entry.server}`,
      'Start it: nx run local-cluster:cluster.',
    );
  }
  if (!status.kubeconfigConfigured) {
    throw refuse(
      `its server ${entry.server || '(none)'} is not the one minikube reports for profile "${cluster.name}" (minikube status: kubeconfig Misconfigured)`,
      `If the profile is yours, repair the context: minikube update-context -p ${cluster.name}.`,
    );
  }
  return { context, explicit: false };
}

const ACTION_TEXT: Record<GuardAction, string> = {
  deploy: 'deploy to',
  destroy: 'destroy in',
  verify: 'verify',
  status: 'read the status of',
  health: 'check the health through',
  logs: 'read logs through',
  open: 'open the app through',
  'dry-run': 'send a server dry run to',
};

/** Same scheme, host and port, whatever the trailing slash or default port. */
function sameServer(a: string, b: string): boolean {
  try {
    const [x, y] = [new URL(a), new URL(b)];
    return x.protocol === y.protocol && x.hostname === y.hostname && x.port === y.port;
  } catch {
    return false;
  }
}
