import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PakauraCluster } from '@pakaura/deploy-kube/testing';
import { runVerify } from '../runner';

let cluster: PakauraCluster;
beforeEach(async () => {
  cluster = await PakauraCluster.start();
});
afterEach(() => cluster.close());

const runHealth = async () =>
  (await runVerify({ ...cluster.verifyOptions(), only: ['api-health'] })).checks[0];

describe('api-health check (T046)', () => {
  it('asks every API replica from inside its pod and shows each answer', async () => {
    const result = await runHealth();
    expect(result.status).toBe('passed');
    expect(result.evidence).toHaveLength(2);
    expect(result.evidence[0]).toMatch(/-> 200 \{"status":"healthy"/);
    const execs = cluster.kube.requests.filter(
      (r) => r.method === 'UPGRADE' && r.path.endsWith('/exec'),
    );
    expect(execs).toHaveLength(2);
  });

  it('fails with the status when the readiness route answers 503 unhealthy', async () => {
    cluster.fakeApi.health = 'unhealthy';
    const result = await runHealth();
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/api-[a-f0-9-]+ answered 503/);
    expect(result.message).toContain('See: npx pakaura logs api');
  });

  it('fails when the API reports another version than the release', async () => {
    cluster.fakeApi.version = '3.9.0';
    expect((await runHealth()).message).toContain('runs version 3.9.0, expected 4.0.0');
  });

  it('fails with the connection error when nothing listens on the API port', async () => {
    await cluster.fakeApi.close();
    const result = await runHealth();
    expect(result.message).toMatch(/ECONNREFUSED|fetch failed/);
    expect(result.message).toMatch(/\(exit 2\)/);
  });
});
