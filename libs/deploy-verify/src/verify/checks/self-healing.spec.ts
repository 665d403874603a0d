import { afterEach, describe, expect, it } from 'vitest';
import { PakauraCluster } from '@pakaura/deploy-kube/testing';
import { runVerify } from '../runner';

let cluster: PakauraCluster | undefined;
afterEach(() => cluster?.close());

const runHealing = async (c: PakauraCluster, replacementMs = 60_000) =>
  (await runVerify({ ...c.verifyOptions(), only: ['self-healing'], timeouts: { replacementMs } }))
    .checks[0];

describe('self-healing check (T048)', () => {
  it('deletes one API pod and measures the seconds until its replacement is Ready', async () => {
    cluster = await PakauraCluster.start({ timing: { readyAfterMs: 400 } });
    const before = cluster.kube.pods(undefined, 'app=api').map((p) => p.metadata.name);
    const result = await runHealing(cluster);
    expect(result.status).toBe('passed');
    expect(result.measurements['replacementReadySeconds']).toBeGreaterThanOrEqual(0.4);
    expect(result.evidence[0]).toBe(`deleted pod ${before[0]}`);
    const after = cluster.kube.pods(undefined, 'app=api').map((p) => p.metadata.name);
    expect(after).toHaveLength(2);
    expect(after).not.toContain(before[0]);
  });

  it('fails saying the pod was not replaced when the Deployment does not replace it', async () => {
    cluster = await PakauraCluster.start();
    cluster.kube.workloads.replaceDeletedPods = false;
    const result = await runHealing(cluster, 1_000);
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(
      /^api-\S+ was not replaced within 1 s \(is the Deployment api scaled down/,
    );
    expect(result.message).toMatch(
      /Timed out after 1 s waiting for pods \(app.kubernetes.io\/component=api\) in pakaura: api-\S+ Running ready/,
    );
  });

  it('fails when the replacement does not turn Ready in time', async () => {
    cluster = await PakauraCluster.start({ timing: { readyAfterMs: 5_000 } });
    const result = await runHealing(cluster, 1_000);
    expect(result.message).toMatch(/^The replacement for api-\S+ was not Ready within 1 s/);
    expect(result.message).toContain('Pending not ready');
  });
});
