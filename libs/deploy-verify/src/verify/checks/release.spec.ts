import { afterEach, describe, expect, it } from 'vitest';
import { PakauraCluster } from '@pakaura/deploy-kube/testing';
import { runVerify } from '../runner';

let cluster: PakauraCluster | undefined;
afterEach(() => cluster?.close());

const runRelease = async (c: PakauraCluster) =>
  (await runVerify({ ...c.verifyOptions(), only: ['release'] })).checks[0];

describe('release check (T051)', () => {
  // The fake helm strips the chart from `helm status` as the real one does (test/fakes/tools/helm.mjs).
  it('reads status and list from helm and takes the chart from helm list', async () => {
    cluster = await PakauraCluster.start();
    const result = await runRelease(cluster);
    expect(result.status).toBe('passed');
    expect(result.evidence).toEqual([
      'helm status pakaura: revision 1, deployed, chart pakaura-4.0.0, app 4.0.0',
      'helm list: pakaura revision 1 deployed pakaura-4.0.0 (app 4.0.0)',
    ]);
    const helm = cluster.tools
      .calls('helm')
      .slice(-2)
      .map((c) => c.args.slice(0, 2).join(' '));
    expect(helm.sort()).toEqual(['list --filter', 'status pakaura']);
  });

  it('fails when the release runs another chart version', async () => {
    cluster = await PakauraCluster.start({ chartVersion: '3.9.0' });
    expect((await runRelease(cluster)).message).toBe(
      'Release pakaura runs chart pakaura-3.9.0, expected pakaura-4.0.0',
    );
  });

  it('fails saying how to deploy when there is no release', async () => {
    cluster = await PakauraCluster.start();
    await cluster.tools.exec('helm', ['uninstall', 'pakaura', '-n', 'pakaura']);
    const result = await runRelease(cluster);
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(
      /helm status failed: Error: release: not found Is the release installed\? Run: npx nx run chart:deploy/,
    );
  });
});
