import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PakauraCluster } from '@pakaura/deploy-kube/testing';
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

  it('waits for the ingress controller to fill in the Ingress address, then checks through it', async () => {
    cluster.kube.store.update('ingresses', 'pakaura', 'pakaura', (ingress) => {
      ingress['status'] = {};
    });
    setTimeout(() => {
      cluster.kube.store.update('ingresses', 'pakaura', 'pakaura', (ingress) => {
        ingress['status'] = { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } };
      });
    }, 1500);
    const result = await runFrontend();
    expect(result.status, result.message).toBe('passed');
    expect(result.evidence).toContain('Ingress address 127.0.0.1');
  });

  it('says to enable the ingress addon when the Ingress gets no address by the deadline', async () => {
    cluster.kube.store.update('ingresses', 'pakaura', 'pakaura', (ingress) => {
      ingress['status'] = {};
    });
    const result = (
      await runVerify({
        ...cluster.verifyOptions(),
        only: ['frontend'],
        timeouts: { ingressAddressMs: 1500 },
      })
    ).checks[0];
    expect(result.message).toMatch(
      /^Ingress pakaura got no address within 2 s\. .*Run: nx run local-cluster:addon-ingress\. Or reach it yourself: --ingress-host=<address>$/,
    );
  });

  it('reaches the Ingress at --ingress-host without waiting for its status', async () => {
    cluster.kube.store.update('ingresses', 'pakaura', 'pakaura', (ingress) => {
      ingress['status'] = {};
    });
    const result = (
      await runVerify({
        ...cluster.verifyOptions(),
        only: ['frontend'],
        ingressHost: '127.0.0.1',
        timeouts: { ingressAddressMs: 1 },
      })
    ).checks[0];
    expect(result.status, result.message).toBe('passed');
    expect(result.evidence).toContain(
      'Ingress reached at 127.0.0.1 (--ingress-host), status address none yet',
    );
  });

  it('fails when no frontend pod is Ready behind the Service', async () => {
    for (const pod of cluster.kube.pods(undefined, 'app=frontend')) {
      cluster.kube.workloads.setPodStatus('pakaura', pod.metadata.name, { ready: false });
    }
    expect((await runFrontend()).message).toContain('Service frontend selects no Ready pod');
  });
});
