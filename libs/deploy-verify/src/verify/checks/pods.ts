import { AppsV1Api, AutoscalingV2Api } from '@kubernetes/client-node';
import { K8S_NAMES } from '@pakaura/contract';
import { describePod, listPods, podState, reason, type PodState } from '@pakaura/deploy-kube/kube';
import { componentSelector } from '../cluster';
import { CheckFailedError, type Check, type CheckContext } from '../types';

/** Waiting reasons of a container that is on its way up, not failing. */
const STARTING = new Set(['ContainerCreating', 'PodInitializing']);

/**
 * T045: postgresql-0 and every api/frontend replica Running and Ready, with zero restarts.
 * A component the HorizontalPodAutoscaler scales is held to the HPA's minimum: a pod the HPA has
 * just added (still starting) or is taking away (Terminating) is reported, not failed, so the
 * load of the other checks cannot make this one flaky.
 */
export const podsCheck: Check = {
  name: 'pods',
  task: 'T045',
  title: 'pods Running and Ready, zero restarts',
  disruptive: false,
  async run(ctx) {
    const apps = ctx.kc.makeApiClient(AppsV1Api);
    const scaled = await autoscaledMinimums(ctx);
    const problems: string[] = [];
    for (const component of ['api', 'frontend'] as const) {
      const deployment = await apps
        .readNamespacedDeployment({ name: K8S_NAMES[component], namespace: ctx.namespace })
        .catch((error: unknown) => {
          throw new CheckFailedError(`Deployment ${K8S_NAMES[component]}: ${reason(error)}`, {
            cause: error,
          });
        });
      const minimum = scaled.get(K8S_NAMES[component]);
      const wanted = minimum ?? deployment.spec?.replicas ?? 1;
      const all = (await listPods(ctx.kc, ctx.namespace, componentSelector(component))).map(
        podState,
      );
      const pods = all.filter((p) => !p.terminating);
      const ready = pods.filter((p) => p.ready).length;
      ctx.evidence(
        minimum === undefined
          ? `${component}: ${ready}/${wanted} Ready`
          : `${component}: ${ready} Ready, HPA minimum ${minimum} (the Deployment wants ${deployment.spec?.replicas ?? 1} now)`,
      );
      if (ready < wanted) problems.push(`${component} has ${ready}/${wanted} pods Ready`);
      problems.push(...restartProblems(pods, minimum !== undefined));
      all.forEach((p) => ctx.evidence(`  ${describePod(p)}`));
    }
    const database = (await listPods(ctx.kc, ctx.namespace, componentSelector('postgresql')))
      .map(podState)
      .find((p) => p.name === K8S_NAMES.postgresqlPod);
    if (!database) problems.push(`${K8S_NAMES.postgresqlPod} does not exist`);
    else {
      ctx.evidence(`postgresql: ${describePod(database)}`);
      if (!database.ready)
        problems.push(`${K8S_NAMES.postgresqlPod} is not Ready (${database.phase})`);
      problems.push(...restartProblems([database], false));
    }
    if (problems.length > 0) {
      throw new CheckFailedError(`${problems.join('; ')}. See: npx pakaura status`);
    }
  },
};

/** Deployment name → minReplicas of the HPA that scales it. */
async function autoscaledMinimums(ctx: CheckContext): Promise<Map<string, number>> {
  const hpas = await ctx.kc
    .makeApiClient(AutoscalingV2Api)
    .listNamespacedHorizontalPodAutoscaler({ namespace: ctx.namespace })
    .catch((error: unknown) => {
      throw new CheckFailedError(`HorizontalPodAutoscalers: ${reason(error)}`, { cause: error });
    });
  return new Map(
    hpas.items
      .filter((hpa) => hpa.spec?.scaleTargetRef.kind === 'Deployment')
      .map((hpa) => [hpa.spec?.scaleTargetRef.name ?? '', hpa.spec?.minReplicas ?? 1]),
  );
}

function restartProblems(pods: PodState[], scaling: boolean): string[] {
  return pods
    .filter(
      (p) =>
        p.restarts > 0 ||
        (p.waitingReason && !(scaling && STARTING.has(p.waitingReason) && p.restarts === 0)),
    )
    .map((p) =>
      p.waitingReason
        ? `${p.name} is waiting: ${p.waitingReason} (restarts=${p.restarts})`
        : `${p.name} restarted ${p.restarts} time${p.restarts === 1 ? '' : 's'}`,
    );
}
