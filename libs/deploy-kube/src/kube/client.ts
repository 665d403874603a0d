import { KubeConfig } from '@kubernetes/client-node';

/** Which cluster to talk to: a kubeconfig file (default: $KUBECONFIG or ~/.kube/config) and context. */
export interface KubeTarget {
  kubeconfig?: string;
  context?: string;
}

/**
 * Loads the kubeconfig and selects `context` when one is given. An unknown context or an empty
 * kubeconfig fails here, with the contexts that do exist, before anything talks to a cluster.
 */
export function loadKubeConfig(target: KubeTarget = {}): KubeConfig {
  const kc = new KubeConfig();
  try {
    if (target.kubeconfig) kc.loadFromFile(target.kubeconfig);
    else kc.loadFromDefault();
  } catch (error) {
    throw new Error(
      `Cannot read the kubeconfig${target.kubeconfig ? ` ${target.kubeconfig}` : ''}.`,
      {
        cause: error,
      },
    );
  }
  const known = kc.getContexts().map((c) => c.name);
  if (target.context) {
    if (!known.includes(target.context)) {
      throw new Error(
        `Kube context "${target.context}" is not in the kubeconfig (known: ${known.join(', ') || 'none'}).`,
      );
    }
    kc.setCurrentContext(target.context);
  }
  if (!kc.getCurrentContext() || known.length === 0) {
    throw new Error(
      'No kube context is configured. Start a cluster first: nx run local-cluster:cluster',
    );
  }
  return kc;
}
