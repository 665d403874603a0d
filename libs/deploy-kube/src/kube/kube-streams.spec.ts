import { NAMESPACE } from '@pakaura/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeKube, seedPakaura } from '../../test/fake-kube';
import { execInPod } from './exec';
import { deletePod, isPodReady, listPods } from './pods';
import { openPortForward } from './port-forward';
import { WaitTimeoutError, waitForPods } from './wait';

let kube: FakeKube;
beforeEach(async () => {
  kube = await FakeKube.start({
    namespace: NAMESPACE,
    timing: { readyAfterMs: 100, terminateAfterMs: 20 },
  });
  seedPakaura(kube);
});
afterEach(() => kube.close());

const apiPod = () => kube.pods(NAMESPACE, 'app=api')[0].metadata.name;

describe('kube exec, port-forward and wait against the fake API server', () => {
  it('returns the output and exit code of a command run in a pod', async () => {
    const out = await execInPod(kube.kubeConfig(), {
      namespace: NAMESPACE,
      pod: apiPod(),
      command: ['node', '-e', 'console.log("out"); console.error("err"); process.exit(3)'],
    });
    expect(out).toEqual({ stdout: 'out\n', stderr: 'err\n', exitCode: 3 });
  });

  it('fails with the API server reason when the pod does not exist', async () => {
    const error = await execInPod(kube.kubeConfig(), {
      namespace: NAMESPACE,
      pod: 'ghost',
      command: ['node'],
    }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^Cannot exec in pakaura\/ghost: .*404/);
  });

  it('reports the refusal the pod side sends when nothing listens on the forwarded port', async () => {
    const forward = await openPortForward(kube.kubeConfig(), NAMESPACE, apiPod(), 8000);
    const error = await fetch(`${forward.url}/`).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(forward.lastError()).toMatch(/error forwarding port 8000 to pod .*connection refused/);
    await forward.close();
  });

  it('waits for a replacement pod through a watch and returns the pods at that moment', async () => {
    const kc = kube.kubeConfig();
    const victim = apiPod();
    await deletePod(kc, NAMESPACE, victim);
    const pods = await waitForPods(
      kc,
      { namespace: NAMESPACE, labelSelector: 'app=api', timeoutMs: 5_000 },
      (seen) =>
        seen.filter(isPodReady).length === 2 && !seen.some((p) => p.metadata?.name === victim),
      () => '',
    );
    expect(pods.filter(isPodReady)).toHaveLength(2);
    expect((await listPods(kc, NAMESPACE, 'app=api')).map((p) => p.metadata?.name)).not.toContain(
      victim,
    );
  });

  it('times out with a description of the last pods seen', async () => {
    const error = await waitForPods(
      kube.kubeConfig(),
      { namespace: NAMESPACE, labelSelector: 'app=frontend', timeoutMs: 300 },
      () => false,
      (seen) => `${seen.length} frontend pods`,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as Error).message).toBe(
      'Timed out after 0.3 s waiting for pods (app=frontend) in pakaura: 2 frontend pods',
    );
  });
});
