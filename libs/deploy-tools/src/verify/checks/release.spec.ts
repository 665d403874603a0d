import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PakauraCluster } from '../../../test/fake-kube';
import { runVerify } from '../runner';

let cluster: PakauraCluster | undefined;
afterEach(() => cluster?.close());

const runRelease = async (c: PakauraCluster) =>
  (await runVerify({ ...c.verifyOptions(), only: ['release'] })).checks[0];

describe('release check (T051)', () => {
  it('reads status and list from helm and shows revision, status and chart', async () => {
    cluster = await PakauraCluster.start();
    const result = await runRelease(cluster);
    expect(result.status).toBe('passed');
    expect(result.evidence).toEqual([
      'helm status pakaura: revision 1, deployed',
      'helm list: pakaura revision 1 deployed pakaura-4.0.0 (app 4.0.0)',
    ]);
    const helm = cluster.tools
      .calls('helm')
      .slice(-2)
      .map((c) => c.args.slice(0, 2).join(' '));
    expect(helm.sort()).toEqual(['list --filter', 'status pakaura']);
  });

  it('takes the chart from helm list, since the real helm status prints none', async () => {
    cluster = await PakauraCluster.start();
    const options = cluster.verifyOptions();
    // helm's status command sets rel.Chart = nil before printing ("strip chart metadata from the output").
    const helm = join(mkdtempSync(join(tmpdir(), 'pakaura-helm-')), 'helm');
    const strip = `let s='';process.stdin.on('data',(d)=>(s+=d)).on('end',()=>{const r=JSON.parse(s);delete r.chart;process.stdout.write(JSON.stringify(r))})`;
    writeFileSync(
      helm,
      `#!/bin/sh\nif [ "$1" = status ]; then "${options.helm}" "$@" | node -e "${strip}"; else exec "${options.helm}" "$@"; fi\n`,
    );
    chmodSync(helm, 0o755);
    const result = (await runVerify({ ...options, helm, only: ['release'] })).checks[0];
    expect(result.status).toBe('passed');
    expect(result.evidence[0]).toBe(
      'helm status pakaura: revision 1, deployed, chart pakaura-4.0.0, app 4.0.0',
    );
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
