import type { PrereqTool } from '@pakaura/deploy-kube/prereqs';

/** Options of the `prereqs` executor, as written in project.json or on the command line. */
export interface PrereqsExecutorSchema {
  provider?: 'minikube' | 'kind';
  tools?: PrereqTool[];
  allowBundled?: boolean;
  checkDockerEngine?: boolean;
}
