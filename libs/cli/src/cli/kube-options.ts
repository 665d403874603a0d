import type { KubeConfig } from '@kubernetes/client-node';
import { NAMESPACE, RELEASE_NAME } from '@pakaura/contract/browser';
import {
  CLUSTER_ENV,
  resolveClusterTarget,
  type ClusterTarget,
} from '@pakaura/deploy-kube/cluster/options';
import type { GuardAction } from '@pakaura/deploy-kube/kube';
import type { CliContext, CommandOption, ParsedOptions } from './command';

/** The options of every command that talks to the cluster. */
export const KUBE_OPTIONS: Record<string, CommandOption> = {
  context: {
    type: 'string',
    valueName: 'name',
    description:
      "Kube context to use as it is. Default: the local cluster's own (minikube, or kind-<name> with --provider kind), used only when its server is the one minikube or kind reports.",
  },
  provider: {
    type: 'string',
    valueName: 'minikube|kind',
    description: `The local cluster whose context is used when --context is not given (default: $${CLUSTER_ENV.provider}, else minikube).`,
  },
  kubeconfig: {
    type: 'string',
    valueName: 'file',
    description: 'Kubeconfig file (default: $KUBECONFIG or ~/.kube/config).',
  },
  namespace: {
    type: 'string',
    short: 'n',
    valueName: 'name',
    description: `Namespace of the release (default: ${NAMESPACE}).`,
  },
  release: {
    type: 'string',
    valueName: 'name',
    description: `Helm release (default: ${RELEASE_NAME}).`,
  },
};

export interface KubeSelection {
  context?: string;
  kubeconfig?: string;
  namespace: string;
  release: string;
}

export function kubeSelection(options: ParsedOptions): KubeSelection {
  return {
    context: text(options, 'context'),
    kubeconfig: text(options, 'kubeconfig'),
    namespace: text(options, 'namespace') ?? NAMESPACE,
    release: text(options, 'release') ?? RELEASE_NAME,
  };
}

/** The local cluster a command works on: --provider, else the PAKAURA_* variables. */
export function clusterSelection(options: ParsedOptions, context: CliContext): ClusterTarget {
  return resolveClusterTarget({ provider: text(options, 'provider') }, context.env);
}

export interface Connection extends KubeSelection {
  /** The context the guard let through; every later call names it. */
  context: string;
  kc: KubeConfig;
  cluster: ClusterTarget;
}

/**
 * Every command that reaches the cluster goes through here: the guard decides the context (the
 * named one, or the local cluster's own when its server checks out), then the client is built
 * for exactly that context.
 */
export async function connect(
  options: ParsedOptions,
  cli: CliContext,
  action: GuardAction,
): Promise<Connection> {
  const { guardContext, loadKubeConfig } = await import('@pakaura/deploy-kube/kube');
  const selection = kubeSelection(options);
  const cluster = clusterSelection(options, cli);
  const { context } = await guardContext({ ...selection, cluster }, action, cli.env);
  const kc = loadKubeConfig({ kubeconfig: selection.kubeconfig, context });
  return { ...selection, context, kc, cluster };
}

function text(options: ParsedOptions, key: string): string | undefined {
  return typeof options[key] === 'string' ? (options[key] as string) : undefined;
}
