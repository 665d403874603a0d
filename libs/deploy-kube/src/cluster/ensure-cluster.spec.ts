import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeSandbox, type FakeSandbox } from '../../test/fakes/sandbox';
import { ensureCluster } from './ensure-cluster';
import { DEFAULT_CLUSTER_OPTIONS } from './options';

describe('ensureCluster', () => {
  let sandbox: FakeSandbox;
  let restore: () => void;
  beforeEach(() => {
    sandbox = createFakeSandbox();
    restore = sandbox.apply();
  });
  afterEach(() => {
    restore();
    sandbox.dispose();
  });
  const verbs = () => sandbox.calls().map((c) => `${c.tool} ${c.args[0]}`);

  it("starts minikube with the seed's resources when no cluster exists", async () => {
    const result = await ensureCluster(DEFAULT_CLUSTER_OPTIONS);
    expect(result).toEqual({ action: 'started', context: 'minikube' });
    expect(sandbox.calls('minikube').at(-1)?.args).toEqual([
      'start',
      '-p',
      'minikube',
      '--cpus=4',
      '--memory=8192',
      '--disk-size=20g',
      '--driver=docker',
      '--kubernetes-version=v1.29.0',
    ]);
    expect(sandbox.state.cluster('minikube')?.running).toBe(true);
  });

  it('does nothing but ask for the status when the cluster already runs', async () => {
    await sandbox.exec('minikube', ['start']);
    sandbox.clearCalls();
    expect(await ensureCluster(DEFAULT_CLUSTER_OPTIONS)).toEqual({
      action: 'already-running',
      context: 'minikube',
    });
    expect(verbs()).toEqual(['minikube status']);
  });

  it('starts a stopped cluster again', async () => {
    await sandbox.exec('minikube', ['start']);
    await sandbox.exec('minikube', ['stop']);
    expect((await ensureCluster(DEFAULT_CLUSTER_OPTIONS)).action).toBe('started');
  });

  it('repairs the kube context of a running cluster instead of restarting it', async () => {
    await sandbox.exec('minikube', ['start']);
    sandbox.addContext('minikube', 'https://127.0.0.1:6553');
    sandbox.clearCalls();
    expect((await ensureCluster(DEFAULT_CLUSTER_OPTIONS)).action).toBe('context-updated');
    expect(verbs()).toEqual(['minikube status', 'minikube update-context']);
  });

  it('starts an existing profile as it is, never downgrading its Kubernetes version', async () => {
    await sandbox.exec('minikube', ['start', '--kubernetes-version=v1.30.0']);
    await sandbox.exec('minikube', ['stop']);
    sandbox.clearCalls();
    const result = await ensureCluster(DEFAULT_CLUSTER_OPTIONS);
    expect(result.action).toBe('started');
    expect(result.note).toMatch(/^Profile "minikube" runs Kubernetes v1\.30\.0, not v1\.29\.0/);
    expect(sandbox.calls('minikube').at(-1)?.args).toEqual(['start', '-p', 'minikube']);
    expect(sandbox.state.cluster('minikube')?.kubernetesVersion).toBe('v1.30.0');
  });

  it("reads a multi-node profile's status array: running when every node runs", async () => {
    await sandbox.exec('minikube', ['start', '--nodes', '3']);
    sandbox.clearCalls();
    expect((await ensureCluster(DEFAULT_CLUSTER_OPTIONS)).action).toBe('already-running');
    expect(verbs()).toEqual(['minikube status']);
  });

  it('creates a kind cluster from the shipped config with the pinned node image, once', async () => {
    const kindConfig = join(__dirname, '../../../../tools/local-cluster/kind-config.yaml');
    const options = {
      ...DEFAULT_CLUSTER_OPTIONS,
      provider: 'kind' as const,
      name: 'pakaura',
      kindConfig,
    };
    expect(await ensureCluster(options)).toEqual({ action: 'started', context: 'kind-pakaura' });
    expect(await ensureCluster(options)).toEqual({
      action: 'already-running',
      context: 'kind-pakaura',
    });
    expect(sandbox.calls('kind').map((c) => c.args.join(' '))).toEqual([
      'get clusters',
      `create cluster --name pakaura --image kindest/node:v1.29.8@sha256:d46b7aa29567e93b27f7531d258c372e829d7224b25e3fc6ffdefed12476d3aa --config ${kindConfig} --wait 5m`,
      'get clusters',
    ]);
    const nodes = sandbox.state.cluster('kind-pakaura')?.nodes as {
      labels?: Record<string, string>;
      extraPortMappings?: { containerPort: number; hostPort: number }[];
    }[];
    expect(nodes[0].labels).toEqual({ 'ingress-ready': 'true' });
    expect(nodes[0].extraPortMappings?.map((m) => [m.containerPort, m.hostPort])).toEqual([
      [80, 80],
      [443, 443],
    ]);
  });

  it('says what to do when minikube cannot start', async () => {
    sandbox.configure({ dockerEngine: 'stopped' });
    await expect(ensureCluster(DEFAULT_CLUSTER_OPTIONS)).rejects.toThrow(
      /^minikube start failed: ❌ {2}Exiting due to PROVIDER_DOCKER_NOT_RUNNING: .*\nCheck the tools with: nx run local-cluster:prereqs/,
    );
  });

  it('says how to install minikube when it is missing', async () => {
    restore();
    sandbox.dispose();
    sandbox = createFakeSandbox({ tools: ['docker', 'kubectl', 'helm'], inheritPath: false });
    restore = sandbox.apply();
    await expect(ensureCluster(DEFAULT_CLUSTER_OPTIONS)).rejects.toThrow(
      'minikube was not found on PATH. Install minikube 1.32+ (https://minikube.sigs.k8s.io/docs/start/).',
    );
  });
});
