/**
 * Test helpers for other projects (`@pakaura/deploy-kube/testing`): the fake docker, minikube,
 * kubectl, helm and kind on PATH. See libs/deploy-kube/test/fakes/README.md.
 */
export {
  createFakeSandbox,
  FAKE_TOOL_SCRIPT,
  FAKE_TOOLS,
  FakeState,
  type FakeCall,
  type FakeCluster,
  type FakeConfig,
  type FakeImage,
  type FakeRelease,
  type FakeReleaseRevision,
  type FakeSandbox,
  type FakeSandboxOptions,
  type FakeToolName,
} from '../../test/fakes/sandbox';
/** The fake Kubernetes API server and a whole fake Pakaura deployment (libs/deploy-kube/test/fake-kube). */
export {
  FakeApi,
  FakeFrontend,
  FakeKube,
  PakauraCluster,
  componentLabels,
  seedPakaura,
  type FakeKubeOptions,
  type PakauraClusterOptions,
  type Pod,
  type Workload,
} from '../../test/fake-kube';
