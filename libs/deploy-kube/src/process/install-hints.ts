/** How to get each program Pakaura shells out to; printed when one is missing. */
export const INSTALL_HINTS: Readonly<Record<string, string>> = {
  docker: 'Install Docker Engine 24+ (https://docs.docker.com/engine/install/) and start it.',
  minikube: 'Install minikube 1.32+ (https://minikube.sigs.k8s.io/docs/start/).',
  kubectl: 'Install kubectl 1.29+ (https://kubernetes.io/docs/tasks/tools/).',
  helm: 'Install Helm 3.14+ (https://helm.sh/docs/intro/install/).',
  kind: 'Install kind (https://kind.sigs.k8s.io/docs/user/quick-start/#installation).',
};

export function installHint(tool: string): string {
  return INSTALL_HINTS[tool] ?? `Install ${tool} and make sure it is on PATH.`;
}
