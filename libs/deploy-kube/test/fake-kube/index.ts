export { FakeKube, type FakeKubeOptions, type PodMatch, type RecordedRequest } from './fake-kube';
export { componentLabels, seedPakaura, type SeededSecrets } from './fixtures';
export type { ExecHandler, ExecRequest, ExecResult } from './streams';
export type { KubeObject } from './selectors';
export type { Pod, Timing, Workload } from './workloads';
export { FakeApi } from './apps/fake-api';
export { FakeFrontend, LOGIN_PAGE } from './apps/fake-frontend';
export { PakauraCluster, type PakauraClusterOptions } from './pakaura-cluster';
