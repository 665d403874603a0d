import { AppsV1Api, type V1Pod } from '@kubernetes/client-node';
import { K8S_NAMES } from '@pakaura/contract';
import { deletePod, describePod, isPodReady, listPods, podState } from '@pakaura/deploy-kube/kube';
import { WaitTimeoutError, waitForPods } from '@pakaura/deploy-kube/kube';
import { componentSelector, name, readyPods } from '../cluster';
import { CheckFailedError, type Check } from '../types';

/**
 * T048: delete one API pod; the Deployment must start a replacement that is Ready within the limit
 * (60 s), and the old pod must be gone. Measures the seconds until the replacement is Ready.
 */
export const selfHealingCheck: Check = {
  name: 'self-healing',
  task: 'T048',
  title: 'a deleted API pod is replaced and Ready within 60 s',
  disruptive: true,
  async run(ctx) {
    const deployment = await ctx.kc
      .makeApiClient(AppsV1Api)
      .readNamespacedDeployment({ name: K8S_NAMES.api, namespace: ctx.namespace });
    const wanted = deployment.spec?.replicas ?? 1;
    const [victim] = await readyPods(ctx, 'api');
    const before = new Set(
      (await listPods(ctx.kc, ctx.namespace, componentSelector('api'))).map(name),
    );
    const limit = ctx.timeouts.replacementMs;
    const deletedAt = Date.now();
    await deletePod(ctx.kc, ctx.namespace, name(victim));
    ctx.evidence(`deleted pod ${name(victim)}`);
    let replacementReadyAt: number | undefined;
    const healed = (pods: V1Pod[]) => {
      const fresh = pods.filter((p) => !before.has(name(p)) && isPodReady(p));
      if (fresh.length > 0) replacementReadyAt ??= Date.now();
      const ready = pods.filter(isPodReady).length;
      return ready >= wanted && fresh.length > 0 && !pods.some((p) => name(p) === name(victim));
    };
    try {
      const pods = await ctx.waiting(
        waitForPods(
          ctx.kc,
          {
            namespace: ctx.namespace,
            labelSelector: componentSelector('api'),
            timeoutMs: limit,
            signal: ctx.signal,
          },
          healed,
          (seen) => seen.map((p) => describePod(podState(p))).join(', ') || 'no api pods',
        ),
      );
      const replacement = pods.find((p) => !before.has(name(p)) && isPodReady(p));
      const seconds = ((replacementReadyAt ?? Date.now()) - deletedAt) / 1000;
      ctx.measure('replacementReadySeconds', Number(seconds.toFixed(2)));
      ctx.evidence(
        `replacement ${name(replacement as V1Pod)} Ready after ${seconds.toFixed(1)} s; ${pods.filter(isPodReady).length}/${wanted} api pods Ready; ${name(victim)} gone`,
      );
    } catch (error) {
      if (!(error instanceof WaitTimeoutError)) throw error;
      const replaced = error.pods.some((p) => !before.has(name(p)));
      throw new CheckFailedError(
        replaced
          ? `The replacement for ${name(victim)} was not Ready within ${limit / 1000} s: ${error.message}`
          : `${name(victim)} was not replaced within ${limit / 1000} s (is the Deployment ${K8S_NAMES.api} scaled down or its ReplicaSet stuck?): ${error.message}`,
        { cause: error },
      );
    }
  },
};
