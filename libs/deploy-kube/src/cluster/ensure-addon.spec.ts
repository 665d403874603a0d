import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeSandbox, type FakeSandbox } from '../../test/fakes/sandbox';
import { ensureAddon } from './ensure-addon';

describe('ensureAddon', () => {
  let sandbox: FakeSandbox;
  let restore: () => void;
  beforeEach(async () => {
    sandbox = createFakeSandbox();
    restore = sandbox.apply();
    await sandbox.exec('minikube', ['start']);
    sandbox.clearCalls();
  });
  afterEach(() => {
    restore();
    sandbox.dispose();
  });
  const commands = () => sandbox.calls().map((c) => `${c.tool} ${c.args.join(' ')}`);

  it('enables a disabled addon and waits for its controller', async () => {
    expect(await ensureAddon({ addon: 'ingress', profile: 'minikube', timeoutSeconds: 60 })).toBe(
      'enabled',
    );
    expect(commands()).toEqual([
      'minikube addons list -p minikube -o json',
      'minikube addons enable ingress -p minikube',
      'kubectl rollout status deployment/ingress-nginx-controller -n ingress-nginx --context minikube --timeout=60s',
    ]);
  });

  it('only checks readiness when the addon is enabled already', async () => {
    await sandbox.exec('minikube', ['addons', 'enable', 'metrics-server']);
    sandbox.clearCalls();
    expect(
      await ensureAddon({ addon: 'metrics-server', profile: 'minikube', timeoutSeconds: 60 }),
    ).toBe('already-enabled');
    expect(commands()).toEqual([
      'minikube addons list -p minikube -o json',
      'kubectl rollout status deployment/metrics-server -n kube-system --context minikube --timeout=60s',
    ]);
  });

  it('fails with where to look when the addon never becomes ready', async () => {
    sandbox.configure({ addonsNeverReady: ['ingress'] });
    await expect(
      ensureAddon({ addon: 'ingress', profile: 'minikube', timeoutSeconds: 1 }),
    ).rejects.toThrow(
      /timed out waiting for the condition\nThe ingress addon did not become ready\. Look at its pods: kubectl get pods -n ingress-nginx --context minikube$/,
    );
  });

  it('tells to start the cluster when it is not running', async () => {
    await sandbox.exec('minikube', ['stop']);
    await expect(
      ensureAddon({ addon: 'ingress', profile: 'minikube', timeoutSeconds: 1 }),
    ).rejects.toThrow(/Start the cluster first: nx run local-cluster:cluster$/);
  });
});
