import type { CheckName } from '@pakaura/deploy-verify';

/** Options of the `verify` executor, as written in project.json or on the command line. */
export interface VerifyExecutorSchema {
  safe?: boolean;
  checks?: CheckName[];
  context?: string;
  provider?: 'minikube' | 'kind';
  minikubeProfile?: string;
  kindCluster?: string;
  kubeconfig?: string;
  namespace?: string;
  release?: string;
  ingressPort?: number;
  ingressHost?: string;
  /** Seconds. */
  ingressTimeout?: number;
  /** Seconds. */
  replacementTimeout?: number;
  /** Seconds. */
  databaseRestartTimeout?: number;
  reportDir?: string;
}
