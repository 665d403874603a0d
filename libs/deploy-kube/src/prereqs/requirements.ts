/** Programs the deployment graph can need; which ones depend on the environment (minikube or kind). */
export type PrereqTool = 'docker' | 'minikube' | 'kind' | 'kubectl' | 'helm';

/** Lowest supported version of each program (seed T001; kind when deploying to kind instead). */
export const MIN_VERSIONS: Readonly<Record<PrereqTool, string>> = {
  docker: '24.0.0',
  minikube: '1.32.0',
  kind: '0.20.0',
  kubectl: '1.29.0',
  helm: '3.14.0',
};

/** What T001 checks for the default (minikube) environment. */
export const DEFAULT_PREREQ_TOOLS: readonly PrereqTool[] = [
  'docker',
  'minikube',
  'kubectl',
  'helm',
];
