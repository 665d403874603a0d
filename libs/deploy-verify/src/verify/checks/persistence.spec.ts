import { afterEach, describe, expect, it } from 'vitest';
import { PakauraCluster } from '@pakaura/deploy-kube/testing';
import { runVerify } from '../runner';

let cluster: PakauraCluster | undefined;
afterEach(() => cluster?.close());

const runPersistence = async (c: PakauraCluster, databaseRestartMs = 120_000) =>
  (
    await runVerify({
      ...c.verifyOptions(),
      only: ['persistence'],
      timeouts: { databaseRestartMs },
    })
  ).checks[0];

describe('persistence check (T049)', () => {
  it('reads the task back after postgresql-0 comes back, then removes the test user', async () => {
    cluster = await PakauraCluster.start();
    const before = cluster.kube.store.get('pods', 'pakaura', 'postgresql-0')?.metadata.uid;
    const result = await runPersistence(cluster);
    expect(result.status).toBe('passed');
    expect(cluster.kube.store.get('pods', 'pakaura', 'postgresql-0')?.metadata.uid).not.toBe(
      before,
    );
    expect(result.evidence).toEqual(expect.arrayContaining(['deleted pod postgresql-0']));
    expect(
      result.evidence.some((e) =>
        /^after the restart: 1 task\(s\), "verify persistence [0-9a-f]+" found$/.test(e),
      ),
    ).toBe(true);
    expect(result.measurements['databaseReadySeconds']).toBeGreaterThan(0);
    expect(cluster.sql).toHaveLength(1);
  });

  it('fails when the database comes back without its data', async () => {
    cluster = await PakauraCluster.start();
    const api = cluster.fakeApi;
    cluster.kube.workloads.on('pod-ready', (pod) => {
      if (pod.metadata.name === 'postgresql-0') api.forgetData();
    });
    const result = await runPersistence(cluster);
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(
      /^After the restart the test user's data is gone: GET \/api\/v1\/tasks answered 401/,
    );
  });

  it('fails when postgresql-0 does not come back', async () => {
    cluster = await PakauraCluster.start();
    cluster.kube.workloads.replaceDeletedPods = false;
    const result = await runPersistence(cluster, 1_000);
    expect(result.message).toMatch(
      /^postgresql-0 did not come back Ready within 1 s \(last seen: /,
    );
  });
});
