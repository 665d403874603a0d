import { NAMESPACE, RELEASE_NAME } from '@pakaura/contract/browser';
import type { ClusterTarget } from '@pakaura/deploy-kube/cluster/options';
import { CHECK_NAMES, type CheckName, type VerifyTimeouts } from './types';

export interface VerifyOptions {
  kubeconfig?: string;
  /** A context the person named; otherwise the local cluster's own, checked by the guard. */
  context?: string;
  /** The local cluster of the graph (default: from PAKAURA_* variables). */
  cluster?: ClusterTarget;
  namespace?: string;
  release?: string;
  /** Skip the disruptive checks (self-healing, persistence). */
  safe?: boolean;
  /** Run only these checks (still in the standard order). */
  only?: readonly string[];
  timeouts?: Partial<VerifyTimeouts>;
  ingressPort?: number;
  /** Reach the Ingress at this address instead of the one in its status (e.g. 127.0.0.1 behind `minikube tunnel`). */
  ingressHost?: string;
  /** helm binary to use; default: helm on PATH, else the bundled one. */
  helm?: string;
}

export interface NormalizedVerifyOptions {
  kubeconfig?: string;
  context?: string;
  cluster?: ClusterTarget;
  namespace: string;
  release: string;
  safe: boolean;
  only: readonly CheckName[];
  timeouts: VerifyTimeouts;
  ingressPort: number;
  ingressHost?: string;
  helm?: string;
}

export const DEFAULT_TIMEOUTS: VerifyTimeouts = {
  replacementMs: 60_000,
  databaseRestartMs: 120_000,
  requestMs: 10_000,
  ingressAddressMs: 90_000,
};

/** Fills in defaults and refuses unknown check names before anything talks to the cluster. */
export function normalizeVerifyOptions(options: VerifyOptions = {}): NormalizedVerifyOptions {
  const unknown = (options.only ?? []).filter(
    (n) => !(CHECK_NAMES as readonly string[]).includes(n),
  );
  if (unknown.length > 0) {
    throw new Error(`Unknown check ${unknown.join(', ')}. Checks: ${CHECK_NAMES.join(', ')}`);
  }
  const port = options.ingressPort ?? 80;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`--ingress-port must be a port number (1-65535), got ${options.ingressPort}`);
  }
  for (const [key, value] of Object.entries(options.timeouts ?? {})) {
    if (value !== undefined && (!Number.isFinite(value) || value <= 0)) {
      throw new Error(`Timeout ${key} must be a positive number of milliseconds, got ${value}`);
    }
  }
  return {
    kubeconfig: options.kubeconfig,
    context: options.context,
    cluster: options.cluster,
    namespace: options.namespace ?? NAMESPACE,
    release: options.release ?? RELEASE_NAME,
    safe: options.safe ?? false,
    only: (options.only as CheckName[] | undefined) ?? [],
    timeouts: { ...DEFAULT_TIMEOUTS, ...stripUndefined(options.timeouts ?? {}) },
    ingressPort: port,
    ingressHost: options.ingressHost?.trim() || undefined,
    helm: options.helm,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
