import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PakauraCluster } from '../../../test/fake-kube';
import { runVerify } from '../runner';

let cluster: PakauraCluster;
beforeEach(async () => {
  cluster = await PakauraCluster.start();
});
afterEach(() => cluster.close());

const runFrontend = async () =>
  (await runVerify({ ...cluster.verifyOptions(), only: ['frontend'] })).checks[0];

describe('frontend check (T047)', () => {
  it('sees the login form through the Service and through the Ingress, following the redirect', async () => {
    const result = await runFrontend();
    expect(result.status).toBe('passed');
    expect(
      result.evidence.filter((e) => e.endsWith('GET / -> 200, login form visible')),
    ).toHaveLength(2);
    expect(result.evidence).toContain(
      'Ingress pakaura host pakaura.local: /api -> api, / -> frontend',
    );
  });

  it('fails when the page has no login form', async () => {
    cluster.frontend.page = '<html><body>Application error</body></html>';
    expect((await runFrontend()).message).toBe(
      'the frontend Service served / without a login form (no password field)',
    );
  });

  it('checks the Service only when the Ingress is disabled', async () => {
    cluster.kube.store.remove('ingresses', 'pakaura', 'pakaura');
    const result = await runFrontend();
    expect(result.status).toBe('passed');
    expect(result.evidence).toContain(
      'no Ingress pakaura (ingress disabled): Service checked only',
    );
  });

  it('says to enable the ingress addon when the Ingress has no address', async () => {
    cluster.kube.store.update('ingresses', 'pakaura', 'pakaura', (ingress) => {
      ingress['status'] = {};
    });
    expect((await runFrontend()).message).toContain('Run: nx run local-cluster:addon-ingress');
  });

  it('fails when no frontend pod is Ready behind the Service', async () => {
    for (const pod of cluster.kube.pods(undefined, 'app=frontend')) {
      cluster.kube.workloads.setPodStatus('pakaura', pod.metadata.name, { ready: false });
    }
    expect((await runFrontend()).message).toContain('Service frontend selects no Ready pod');
  });
});
