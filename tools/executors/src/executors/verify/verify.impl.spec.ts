import { logger, type ExecutorContext } from '@nx/devkit';
import { PakauraCluster } from '@pakaura/deploy-kube/testing';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import verifyExecutor from './verify.impl';

const info = vi.spyOn(logger, 'info').mockImplementation(() => undefined);
const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
let cluster: PakauraCluster;
let root: string;

beforeEach(async () => {
  info.mockClear();
  error.mockClear();
  cluster = await PakauraCluster.start();
  root = mkdtempSync(join(tmpdir(), 'pakaura-verify-ws-'));
});
afterEach(() => cluster.close());

const context = () => ({ root, cwd: root, isVerbose: false }) as unknown as ExecutorContext;
const target = () => ({
  kubeconfig: cluster.kube.kubeconfigPath,
  ingressPort: cluster.frontend.port,
});

describe('verify executor', () => {
  it('succeeds on a healthy cluster, prints the table and writes both reports', async () => {
    expect(await verifyExecutor({ ...target(), safe: true }, context())).toEqual({ success: true });
    const table = info.mock.calls
      .map((c) => stripVTControlCharacters(String(c[0])))
      .find((line) => line.includes('pakaura verify'));
    expect(table).toContain('Verified: 6 passed, 0 failed, 2 skipped');
    const report = JSON.parse(readFileSync(join(root, 'dist/verify/report.json'), 'utf8'));
    expect(report.passed).toBe(true);
    expect(existsSync(join(root, 'dist/verify/junit.xml'))).toBe(true);
    expect(error).not.toHaveBeenCalled();
  });

  it('fails with one line naming the failed check and why', async () => {
    cluster.fakeApi.chatActs = false;
    const result = await verifyExecutor({ ...target(), checks: ['pods', 'chatbot'] }, context());
    expect(result).toEqual({ success: false });
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toBe(
      'verify failed: chatbot: step 1 "Add a task to demo Kubernetes": expected a successful add_task, got no action (reply "Done!")',
    );
  });

  it('fails before touching the cluster when the context is not in the kubeconfig', async () => {
    const result = await verifyExecutor({ ...target(), context: 'prod' }, context());
    expect(result).toEqual({ success: false });
    expect(String(error.mock.calls[0][0])).toBe(
      'Kube context "prod" is not in the kubeconfig (known: minikube).',
    );
    expect(cluster.kube.requests).toHaveLength(0);
  });
});
