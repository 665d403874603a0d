import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PakauraCluster } from '@pakaura/deploy-kube/testing';
import { runVerify } from './runner';

let cluster: PakauraCluster;
beforeEach(async () => {
  cluster = await PakauraCluster.start();
});
afterEach(() => cluster.close());

describe('runVerify', () => {
  it('passes all eight checks on a healthy cluster, with evidence and measured seconds', async () => {
    const report = await runVerify(cluster.verifyOptions());
    expect(report.checks.map((c) => `${c.name}:${c.status}`)).toEqual([
      'pods:passed',
      'api-health:passed',
      'frontend:passed',
      'secrets:passed',
      'release:passed',
      'chatbot:passed',
      'self-healing:passed',
      'persistence:passed',
    ]);
    expect(report.passed).toBe(true);
    expect(report.context).toBe('minikube');
    for (const check of report.checks) expect(check.evidence.length).toBeGreaterThan(0);
    const healing = report.checks.find((c) => c.name === 'self-healing');
    expect(healing?.measurements['replacementReadySeconds']).toBeGreaterThan(0);
    expect(healing?.waitedMs).toBeGreaterThan(0);
    expect(report.overheadMs).toBeLessThan(report.durationMs);
  });

  it('skips the disruptive checks with safe and deletes no pod', async () => {
    const podsBefore = cluster.kube.pods().map((p) => p.metadata.uid);
    const report = await runVerify({ ...cluster.verifyOptions(), safe: true });
    const skipped = report.checks.filter((c) => c.status === 'skipped').map((c) => c.name);
    expect(skipped).toEqual(['self-healing', 'persistence']);
    expect(report.passed).toBe(true);
    expect(cluster.kube.pods().map((p) => p.metadata.uid)).toEqual(podsBefore);
    expect(cluster.kube.requests.some((r) => r.method === 'DELETE')).toBe(false);
  });

  it('runs only the checks asked for, and keeps going after a failure', async () => {
    cluster.fakeApi.health = 'unhealthy';
    const report = await runVerify({
      ...cluster.verifyOptions(),
      only: ['release', 'api-health', 'pods'],
    });
    expect(report.checks.map((c) => `${c.name}:${c.status}`)).toEqual([
      'pods:passed',
      'api-health:failed',
      'release:passed',
    ]);
    expect(report.passed).toBe(false);
  });

  it('never shows a secret value, even when a check reports one found in a log', async () => {
    const [pod] = cluster.kube.pods(undefined, 'app=api');
    cluster.kube.appendLog(
      pod.metadata.name,
      `connecting with password ${cluster.secrets.DB_PASSWORD}`,
    );
    const report = await runVerify({ ...cluster.verifyOptions(), only: ['secrets'] });
    const text = JSON.stringify(report);
    for (const value of Object.values(cluster.secrets)) expect(text).not.toContain(value);
    expect(report.checks[0].message).toContain(
      `the log of ${pod.metadata.name}/api prints DB_PASSWORD`,
    );
  });

  it('fails with the connection error when the cluster does not answer', async () => {
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'pakaura-verify-')), 'kubeconfig');
    copyFileSync(cluster.kube.kubeconfigPath, kubeconfig);
    const options = { ...cluster.verifyOptions(), kubeconfig };
    await cluster.kube.close();
    const report = await runVerify({ ...options, only: ['pods'] });
    expect(report.checks[0].status).toBe('failed');
    expect(report.checks[0].message).toMatch(/ECONNREFUSED/);
  });

  it('passes all checks (watches, exec, port-forward) against a cluster that serves TLS with client certificates', async () => {
    const tls = await PakauraCluster.start({ tls: true });
    try {
      const report = await runVerify(tls.verifyOptions());
      expect(report.checks.filter((c) => c.status !== 'passed')).toEqual([]);
      expect(tls.kube.url.startsWith('https://')).toBe(true);
    } finally {
      await tls.close();
    }
  });
});
