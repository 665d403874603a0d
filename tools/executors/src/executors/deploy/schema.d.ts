import type { ImageKey } from '@pakaura/contract';

/** Options of the `deploy` executor, as written in project.json or on the command line. */
export interface DeployExecutorSchema {
  context?: string;
  provider?: 'minikube' | 'kind';
  minikubeProfile?: string;
  kindCluster?: string;
  kubeconfig?: string;
  chart?: string;
  release?: string;
  namespace?: string;
  values?: string[];
  set?: Record<string, string | number | boolean>;
  apps?: ImageKey[];
  timeout?: string;
  atomic?: boolean;
  force?: boolean;
  forceConflicts?: boolean;
  failFast?: boolean;
  helm?: string;
}
