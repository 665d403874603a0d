import { logger } from '@nx/devkit';
import { createFakeSandbox, type FakeSandbox } from '@pakaura/deploy-kube/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import clusterExecutor from './cluster.impl';

describe('cluster executor', () => {
  let sandbox: FakeSandbox;
  let restore: () => void;
  const info = vi.spyOn(logger, 'info').mockImplementation(() => undefined);
  const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
  beforeEach(() => {
    sandbox = createFakeSandbox();
    restore = sandbox.apply();
    info.mockClear();
    error.mockClear();
  });
  afterEach(() => {
    restore();
    sandbox.dispose();
  });

  it('starts the cluster, then is a no-op on the next run', async () => {
    expect(await clusterExecutor({})).toEqual({ success: true });
    expect(info).toHaveBeenLastCalledWith(
      'minikube cluster "minikube" started (context minikube).',
    );
    expect(await clusterExecutor({})).toEqual({ success: true });
    expect(info).toHaveBeenLastCalledWith(
      'minikube cluster "minikube" is already running (context minikube): nothing to do.',
    );
    expect(sandbox.calls('minikube').filter((c) => c.args[0] === 'start')).toHaveLength(1);
  });

  it('fails with one line when the Docker engine is down', async () => {
    sandbox.configure({ dockerEngine: 'stopped' });
    expect(await clusterExecutor({})).toEqual({ success: false });
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toMatch(
      /^minikube start failed: ❌ {2}Exiting due to PROVIDER_DOCKER_NOT_RUNNING/,
    );
  });
});
