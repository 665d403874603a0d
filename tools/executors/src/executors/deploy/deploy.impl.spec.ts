import { logger, type ExecutorContext } from '@nx/devkit';
import { OPEN_APP_HINT } from '@pakaura/deploy-kube/open-hint';
import { writeImageRecord } from '@pakaura/deploy-image';
import { createFakeSandbox, FakeKube, type FakeSandbox } from '@pakaura/deploy-kube/testing';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import deployExecutor from './deploy.impl';

describe('deploy executor', () => {
  let kube: FakeKube;
  let sandbox: FakeSandbox;
  let restore: () => void;
  let context: ExecutorContext;
  const info = vi.spyOn(logger, 'info').mockImplementation(() => undefined);
  const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);

  beforeEach(async () => {
    kube = await FakeKube.start({ namespace: 'pakaura' });
    sandbox = createFakeSandbox({ kubeconfig: kube.kubeconfigPath });
    sandbox.state.saveCluster('minikube', {
      provider: 'minikube',
      name: 'minikube',
      endpoint: kube.url,
      running: true,
    });
    restore = sandbox.apply();
    const root = mkdtempSync(join(tmpdir(), 'pakaura-deploy-executor-'));
    mkdirSync(join(root, 'libs', 'chart'), { recursive: true });
    writeFileSync(
      join(root, 'libs', 'chart', 'Chart.yaml'),
      'apiVersion: v2\nname: pakaura\nversion: 4.0.0\nappVersion: "4.0.0"\n',
    );
    for (const app of ['api', 'frontend'] as const) {
      writeImageRecord(root, {
        app,
        repository: `pakaura-${app}`,
        tag: '4.0.0-0123456789ab',
        contentHash: '0123456789ab',
        target: 'minikube',
      });
    }
    context = {
      root,
      cwd: root,
      isVerbose: false,
      projectName: 'chart',
      targetName: 'deploy',
      projectsConfigurations: { version: 2, projects: { chart: { root: 'libs/chart' } } },
      nxJsonConfiguration: {},
      projectGraph: { nodes: {}, dependencies: {} },
    };
    info.mockClear();
    error.mockClear();
  });
  afterEach(async () => {
    restore();
    sandbox.dispose();
    await kube.close();
  });

  it('deploys, then reports up to date on the next run, each time ending with how to open the app', async () => {
    const lastTwo = () => info.mock.calls.slice(-2).map(([line]) => String(line));
    expect(await deployExecutor({}, context)).toEqual({ success: true });
    expect(lastTwo()).toEqual([
      'Release pakaura is deployed at revision 1 and ready.',
      OPEN_APP_HINT,
    ]);
    expect(await deployExecutor({}, context)).toEqual({ success: true });
    expect(lastTwo()[0]).toMatch(/is up to date/);
    expect(lastTwo()[1]).toBe(OPEN_APP_HINT);
    expect(error).not.toHaveBeenCalled();
  });

  it("fails with one line when the local cluster's context points at another server", async () => {
    sandbox.addContext('minikube', 'https://127.0.0.1:9');
    expect(await deployExecutor({}, context)).toEqual({ success: false });
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toMatch(
      /^Refusing to deploy to kube context "minikube": its server https:\/\/127\.0\.0\.1:9/,
    );
  });

  it('fails with one line on an option that cannot work', async () => {
    expect(await deployExecutor({ values: ['missing.yaml'] }, context)).toEqual({ success: false });
    expect(String(error.mock.calls[0][0])).toMatch(
      /missing\.yaml does not exist: fix the "values" option\.$/,
    );
  });
});
