export { loadKubeConfig, type KubeTarget } from './client';
export { reason } from './errors';
export { execInPod, type ExecOptions, type ExecOutput } from './exec';
export { deletePod, describePod, isPodReady, listPods, podState, type PodState } from './pods';
export { openPortForward, type ForwardedPort } from './port-forward';
export { readSecretValues } from './secrets';
export { WaitTimeoutError, waitForPods, type WaitForPodsOptions } from './wait';
export {
  guardContext,
  type GuardAction,
  type GuardedContext,
  type GuardTarget,
} from './context-guard';
export { objectEvents } from './events';
export { followLogs, lastLogLines, type FollowLogsOptions } from './logs';
export { watchPods, type PodWatchOptions } from './pod-watch';
export { ingressAddress, listIngresses } from './ingresses';
export { deleteNamespace, listVolumeClaims, namespaceExists, readNamespace } from './namespaces';
export { listServices, servicePorts } from './services';
export { contextEntry, primaryKubeconfig, selectedContext } from './kubeconfig-contexts';
export { informer, type InformerOptions, type KubeItem } from './informer';
