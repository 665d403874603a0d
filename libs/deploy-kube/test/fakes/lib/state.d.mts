export const STATE_ENV: 'PAKAURA_FAKE_STATE';
export const LOG_ENV: 'PAKAURA_FAKE_LOG';

/** One invocation of a fake tool, as appended to the log. */
export interface FakeCall {
  tool: 'docker' | 'minikube' | 'kubectl' | 'helm' | 'kind';
  args: string[];
  cwd: string;
  env: { DOCKER_HOST?: string; MINIKUBE_ACTIVE_DOCKERD?: string; DOCKER_BUILDKIT?: string };
  start: number;
  end: number;
  exitCode: number;
  signal?: string;
}

/** A failure a fake tool answers with instead of doing its work. */
export interface FakeFailure {
  tool: FakeCall['tool'];
  /** Leading positional words of the call, e.g. `upgrade` or `addons enable`. */
  command?: string;
  /** A substring of the joined argv the call must contain, e.g. `pakaura-api`. */
  contains?: string;
  stderr?: string;
  exitCode?: number;
  /** Fail only the first N matching calls. */
  times?: number;
}

export interface FakeDelay {
  tool: FakeCall['tool'];
  command?: string;
  contains?: string;
  ms: number;
}

/** Knobs a test sets in config.json. */
export interface FakeConfig {
  versions?: Partial<Record<FakeCall['tool'], string>>;
  /** `stopped`: the local Docker engine does not answer. */
  dockerEngine?: 'running' | 'stopped';
  /** Server URL `minikube start` and `kind create cluster` write into the kubeconfig. */
  apiServer?: string;
  failures?: FakeFailure[];
  /** For `helm upgrade` the delay is its `--wait`: SIGTERM during it fails (and with --atomic rolls back) the release. */
  delays?: FakeDelay[];
  /** Addons whose workload never becomes available (`kubectl rollout status` times out). */
  addonsNeverReady?: string[];
  /** Docker's image store: `containerd` makes `kind load docker-image` fail (kind#3795). */
  imageStore?: 'overlay2' | 'containerd';
}

export interface FakeCluster {
  provider: 'minikube' | 'kind';
  name: string;
  running: boolean;
  driver?: string;
  cpus?: string;
  memory?: string;
  diskSize?: string;
  kubernetesVersion?: string;
  image?: string;
  /** The API server URL the tool reports for the cluster (and writes into the kubeconfig). */
  endpoint?: string;
  /** minikube: the node count; kind: the config's nodes. */
  nodes?: number | unknown[];
  /** minikube: the addons the profile's config has enabled. */
  addons?: string[];
}

export interface FakeImage {
  ref: string;
  id: string;
  created: string;
  size: number;
  labels?: Record<string, string>;
  buildArgs?: Record<string, string>;
  dockerfile?: string;
  context?: string;
}

/** One revision, shaped like `helm status -o json`. */
export interface FakeReleaseRevision {
  name: string;
  namespace: string;
  version: number;
  info: {
    first_deployed: string;
    last_deployed: string;
    deleted: string;
    description: string;
    status: string;
    notes: string;
  };
  chart: { metadata: { name: string; version: string; appVersion: string; apiVersion?: string } };
  config: Record<string, unknown>;
  manifest: string;
  /** Helm 4: how the release was applied (`ssa`, server-side apply). */
  apply_method?: string;
}

export interface FakeRelease {
  name: string;
  namespace: string;
  revisions: FakeReleaseRevision[];
}

export class FakeState {
  constructor(dir: string);
  readonly dir: string;
  static fromEnv(env?: NodeJS.ProcessEnv): FakeState;
  config(): FakeConfig;
  configure(patch: FakeConfig): void;
  cluster(context: string): FakeCluster | undefined;
  saveCluster(context: string, cluster: FakeCluster): void;
  deleteCluster(context: string): void;
  clusters(): FakeCluster[];
  addons(context: string): string[];
  enableAddon(context: string, addon: string): void;
  /** Daemons: `local`, `minikube/<profile>`, `kind/<cluster>`, `registry/<encoded host>`. */
  images(daemon: string): FakeImage[];
  image(daemon: string, ref: string): FakeImage | undefined;
  saveImage(daemon: string, image: FakeImage): void;
  removeImage(daemon: string, ref: string): void;
  namespaces(context: string): string[];
  createNamespace(context: string, namespace: string): void;
  deleteNamespace(context: string, namespace: string): void;
  release(context: string, namespace: string, name: string): FakeRelease | undefined;
  saveRelease(context: string, release: FakeRelease): void;
  deleteRelease(context: string, namespace: string, name: string): void;
  releases(context: string, namespace?: string): FakeRelease[];
  bump(key: string): number;
}

export function normalizeRef(ref: string): string;
export function logCall(entry: FakeCall, env?: NodeJS.ProcessEnv): void;
export function readCalls(file: string): FakeCall[];
export function readJson<T>(file: string, fallback: T): T;
export function writeJson(file: string, value: unknown): void;
