import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeSandbox, type FakeSandbox } from '../../test/fakes/sandbox';
import { guardContext } from './context-guard';

describe('context guard', () => {
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
  const minikube = { provider: 'minikube' as const, name: 'minikube', context: 'minikube' };
  const kind = { provider: 'kind' as const, name: 'dev', context: 'kind-dev' };

  it("uses the local cluster's own context, not the current one, when its server checks out", async () => {
    await sandbox.exec('minikube', ['start']);
    sandbox.addContext('prod-eu', 'https://127.0.0.1:9');
    expect(await guardContext({ cluster: minikube }, 'deploy')).toEqual({
      context: 'minikube',
      explicit: false,
    });
    await sandbox.exec('kind', ['create', 'cluster', '--name', 'dev']);
    expect(await guardContext({ cluster: kind }, 'verify')).toEqual({
      context: 'kind-dev',
      explicit: false,
    });
  });

  it('refuses a context called minikube whose server is not the one minikube reports, by name', async () => {
    await sandbox.exec('minikube', ['start']);
    sandbox.addContext('minikube', 'https://127.0.0.1:6553');
    await expect(guardContext({ cluster: minikube }, 'deploy')).rejects.toThrow(
      'Refusing to deploy to kube context "minikube": its server https://127.0.0.1:6553 is not the one minikube reports for profile "minikube" (minikube status: kubeconfig Misconfigured). If the profile is yours, repair the context: minikube update-context -p minikube. If you mean this context anyway, name it: --context=minikube',
    );
  });

  it('refuses a kind-* context whose server is not the one kind reports', async () => {
    await sandbox.exec('kind', ['create', 'cluster', '--name', 'dev']);
    sandbox.addContext('kind-dev', 'https://203.0.113.10:6443');
    await expect(guardContext({ cluster: kind }, 'verify')).rejects.toThrow(
      'Refusing to verify kube context "kind-dev": its server https://203.0.113.10:6443 is not https://127.0.0.1:6443, the one kind reports for cluster "dev". Rewrite it: kind export kubeconfig --name dev.',
    );
  });

  it('refuses a context named after a cluster the local tool does not have', async () => {
    sandbox.addContext('minikube', 'https://127.0.0.1:8443');
    await expect(guardContext({ cluster: minikube }, 'status')).rejects.toThrow(
      /^Refusing to read the status of kube context "minikube": minikube profile "minikube" does not exist/,
    );
    sandbox.addContext('kind-dev', 'https://127.0.0.1:6443');
    await expect(guardContext({ cluster: kind }, 'logs')).rejects.toThrow(
      /^Refusing to read logs through kube context "kind-dev": kind has no cluster "dev"/,
    );
  });

  it('says how to start the cluster when the kubeconfig has no context for it', async () => {
    sandbox.addContext('prod-eu', 'https://127.0.0.1:9');
    await expect(guardContext({ cluster: kind }, 'deploy')).rejects.toThrow(
      'No kube context "kind-dev" for the kind cluster "dev" in the kubeconfig. Start the cluster: nx run local-cluster:cluster --configuration=kind, or name the context to use: --context=<name>',
    );
  });

  it('accepts any context the person names, without asking the local tools', async () => {
    sandbox.addContext('prod-eu', 'https://127.0.0.1:9');
    sandbox.clearCalls();
    expect(await guardContext({ context: 'prod-eu', cluster: minikube }, 'deploy')).toEqual({
      context: 'prod-eu',
      explicit: true,
    });
    expect(sandbox.calls()).toEqual([]);
  });

  it('refuses a named context that the kubeconfig does not have', async () => {
    sandbox.addContext('minikube', 'https://127.0.0.1:8443');
    await expect(guardContext({ context: 'typo' }, 'deploy')).rejects.toThrow(
      'Kube context "typo" is not in the kubeconfig (known: minikube).',
    );
  });

  it('takes the cluster from PAKAURA_CLUSTER_PROVIDER when none is given', async () => {
    await sandbox.exec('kind', ['create', 'cluster']);
    const env = { ...process.env, PAKAURA_CLUSTER_PROVIDER: 'kind' };
    expect((await guardContext({}, 'deploy', env)).context).toBe('kind-kind');
    expect(sandbox.calls('minikube')).toEqual([]);
  });
});
