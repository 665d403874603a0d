import { logger } from '@nx/devkit';
import { createFakeSandbox, type FakeSandbox } from '@pakaura/deploy-kube/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import addonExecutor from './addon.impl';

describe('addon executor', () => {
  let sandbox: FakeSandbox;
  let restore: () => void;
  const info = vi.spyOn(logger, 'info').mockImplementation(() => undefined);
  const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
  beforeEach(async () => {
    sandbox = createFakeSandbox();
    restore = sandbox.apply();
    await sandbox.exec('minikube', ['start']);
    info.mockClear();
    error.mockClear();
  });
  afterEach(() => {
    restore();
    sandbox.dispose();
  });

  it('enables the addon once, and only checks it on the next run', async () => {
    expect(await addonExecutor({ addon: 'ingress' })).toEqual({ success: true });
    expect(info).toHaveBeenLastCalledWith(
      'Enabled the ingress addon on "minikube"; its controller is available.',
    );
    expect(await addonExecutor({ addon: 'ingress' })).toEqual({ success: true });
    expect(String(info.mock.lastCall?.[0])).toMatch(/already enabled .*nothing to do\.$/);
    expect(sandbox.state.addons('minikube')).toEqual(['ingress']);
  });

  it('fails with the command that timed out and where to look', async () => {
    sandbox.configure({ addonsNeverReady: ['metrics-server'] });
    expect(await addonExecutor({ addon: 'metrics-server', timeoutSeconds: 1 })).toEqual({
      success: false,
    });
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toMatch(
      /kubectl get pods -n kube-system --context minikube$/,
    );
  });

  it('installs ingress-nginx on kind and waits for it, never calling minikube', async () => {
    await sandbox.exec('kind', ['create', 'cluster']);
    sandbox.clearCalls();
    expect(await addonExecutor({ addon: 'ingress', provider: 'kind' })).toEqual({ success: true });
    expect(sandbox.calls('minikube')).toEqual([]);
    expect(sandbox.calls('kubectl').map((c) => c.args.slice(0, 2).join(' '))).toEqual([
      'get deployment/ingress-nginx-controller',
      'apply -f',
      'rollout status',
    ]);
    expect(sandbox.state.addons('kind-kind')).toEqual(['ingress']);
  });
});
