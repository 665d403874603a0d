import type { KubeConfig } from '@kubernetes/client-node';

/** The checks in the order they run: the disruptive ones (they delete pods) last. */
export const CHECK_NAMES = [
  'pods',
  'api-health',
  'frontend',
  'secrets',
  'release',
  'chatbot',
  'self-healing',
  'persistence',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  name: CheckName;
  /** The seed task the check proves (T045...). */
  task: string;
  title: string;
  status: CheckStatus;
  durationMs: number;
  /** Time spent waiting on the cluster (pods to turn Ready), part of durationMs. */
  waitedMs: number;
  /** What was observed, one fact per line; never a secret value. */
  evidence: string[];
  /** Why the check failed or was skipped, in one line. */
  message?: string;
  /** Figures the check measured, e.g. `replacementReadySeconds`. */
  measurements: Record<string, number>;
}

export interface VerifyReport {
  namespace: string;
  release: string;
  context: string;
  startedAt: string;
  durationMs: number;
  /** durationMs minus the waits the checks measured: the suite's own overhead. */
  overheadMs: number;
  passed: boolean;
  checks: CheckResult[];
}

/** What a check gets: the cluster, where the release lives, limits, and a place for evidence. */
export interface CheckContext {
  kc: KubeConfig;
  namespace: string;
  release: string;
  /** `--kube-context` / `--kubeconfig` arguments for helm, matching `kc`. */
  helmArgs: string[];
  helmBinary: () => string;
  timeouts: VerifyTimeouts;
  /** Port the ingress controller answers on at the Ingress address (80 on minikube). */
  ingressPort: number;
  /** An address to reach the Ingress at instead of the one in its status. */
  ingressHost?: string;
  signal: AbortSignal;
  /** Adds one line of evidence. */
  evidence(line: string): void;
  measure(name: string, value: number): void;
  /** Wraps a wait on the cluster so the report can tell waiting from overhead. */
  waiting<T>(wait: Promise<T>): Promise<T>;
  /** Values to mask in every line the report shows (secret values found on the way). */
  addSecrets(values: readonly string[]): void;
}

export interface VerifyTimeouts {
  /** Self-healing: a replacement API pod must be Ready within this (seed T048: 60 s). */
  replacementMs: number;
  /** Persistence: postgresql-0 back and Ready, and the API healthy again. */
  databaseRestartMs: number;
  /** One HTTP request or exec. */
  requestMs: number;
  /**
   * How long the frontend check waits for the Ingress to get its address: ingress-nginx fills it
   * in on its periodic status sync, not when the Ingress is created.
   */
  ingressAddressMs: number;
}

export interface Check {
  name: CheckName;
  task: string;
  title: string;
  /** Deletes pods: runs last, skipped by `--safe`. */
  disruptive: boolean;
  run(ctx: CheckContext): Promise<void>;
}

/** A check's verdict with the one-line reason a person can act on. */
export class CheckFailedError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CheckFailedError';
  }
}
