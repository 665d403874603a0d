import { AppsV1Api } from '@kubernetes/client-node';
import { K8S_NAMES } from '@pakaura/contract';
import { describePod, listPods, podState, reason } from '../../kube/pods';
import { componentSelector } from '../cluster';
import { CheckFailedError, type Check } from '../types';

/** T045: postgresql-0 and every api/frontend replica Running and Ready, with zero restarts. */
export const podsCheck: Check = {
  name: 'pods',
  task: 'T045',
  title: 'pods Running and Ready, zero restarts',
  disruptive: false,
  async run(ctx) {
    const apps = ctx.kc.makeApiClient(AppsV1Api);
    const problems: string[] = [];
    for (const component of ['api', 'frontend'] as const) {
      const deployment = await apps
        .readNamespacedDeployment({ name: K8S_NAMES[component], namespace: ctx.namespace })
        .catch((error: unknown) => {
          throw new CheckFailedError(`Deployment ${K8S_NAMES[component]}: ${reason(error)}`, {
            cause: error,
          });
        });
      const wanted = deployment.spec?.replicas ?? 1;
      const pods = (await listPods(ctx.kc, ctx.namespace, componentSelector(component))).map(
        podState,
      );
      const ready = pods.filter((p) => p.ready).length;
      ctx.evidence(`${component}: ${ready}/${wanted} Ready`);
      if (ready < wanted) problems.push(`${component} has ${ready}/${wanted} pods Ready`);
      problems.push(...restartProblems(pods));
      pods.forEach((p) => ctx.evidence(`  ${describePod(p)}`));
    }
    const database = (await listPods(ctx.kc, ctx.namespace, componentSelector('postgresql')))
      .map(podState)
      .find((p) => p.name === K8S_NAMES.postgresqlPod);
    if (!database) problems.push(`${K8S_NAMES.postgresqlPod} does not exist`);
    else {
      ctx.evidence(`postgresql: ${describePod(database)}`);
      if (!database.ready)
        problems.push(`${K8S_NAMES.postgresqlPod} is not Ready (${database.phase})`);
      problems.push(...restartProblems([database]));
    }
    if (problems.length > 0) {
      throw new CheckFailedError(`${problems.join('; ')}. See: npx pakaura status`);
    }
  },
};

function restartProblems(pods: ReturnType<typeof podState>[]): string[] {
  return pods
    .filter((p) => p.restarts > 0 || p.waitingReason)
    .map((p) =>
      p.waitingReason
        ? `${p.name} is waiting: ${p.waitingReason} (restarts=${p.restarts})`
        : `${p.name} restarted ${p.restarts} time${p.restarts === 1 ? '' : 's'}`,
    );
}
