import type { V1Pod } from '@kubernetes/client-node';
import { API_ROUTES, K8S_NAMES, taskRoute, type Task, type TaskList } from '@pakaura/contract';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { deletePod, describePod, isPodReady, listPods, podState } from '@pakaura/deploy-kube/kube';
import { WaitTimeoutError, waitForPods } from '@pakaura/deploy-kube/kube';
import { ApiSession } from '../api-session';
import { componentSelector, name } from '../cluster';
import { deleteTestUser } from '../test-user';
import { CheckFailedError, type Check, type CheckContext } from '../types';

/**
 * T049: a user and a task created through the API survive the deletion of postgresql-0: the pod
 * comes back Ready, the API turns healthy again, and the task reads back unchanged. The test user
 * and its task are removed afterwards.
 */
export const persistenceCheck: Check = {
  name: 'persistence',
  task: 'T049',
  title: 'data survives a database pod restart',
  disruptive: true,
  async run(ctx) {
    const api = await ApiSession.open(ctx);
    let task: Task | undefined;
    try {
      await api.registerTestUser('persistence');
      task = await api.expect<Task>('POST', API_ROUTES.tasks, [200, 201], {
        title: `verify persistence ${randomBytes(4).toString('hex')}`,
      });
      ctx.evidence(`created task "${task.title}" (${task.id})`);
      const deadline = Date.now() + ctx.timeouts.databaseRestartMs;
      await restartDatabase(ctx, deadline);
      await waitForHealthyApi(ctx, api, deadline);
      const { tasks } = await api
        .expect<TaskList>('GET', API_ROUTES.tasks, 200)
        .catch((error: unknown) => {
          throw new CheckFailedError(
            `After the restart the test user's data is gone: ${(error as Error).message}`,
            { cause: error },
          );
        });
      const found = tasks.find((t) => t.id === task?.id);
      ctx.evidence(
        `after the restart: ${tasks.length} task(s), "${task.title}" ${found ? 'found' : 'missing'}`,
      );
      if (!found || found.title !== task.title) {
        throw new CheckFailedError(
          `Task "${task.title}" is gone after ${K8S_NAMES.postgresqlPod} restarted: is the data on a PersistentVolumeClaim?`,
        );
      }
    } finally {
      if (task && api.user) await api.send('DELETE', taskRoute(task.id)).catch(() => undefined);
      if (api.user) await deleteTestUser(ctx, api.user.email);
      await api.close();
    }
  },
};

async function restartDatabase(ctx: CheckContext, deadline: number): Promise<void> {
  const pod = K8S_NAMES.postgresqlPod;
  const [before] = (await listPods(ctx.kc, ctx.namespace, componentSelector('postgresql'))).filter(
    (p) => name(p) === pod,
  );
  if (!before) throw new CheckFailedError(`${pod} does not exist in ${ctx.namespace}`);
  const deletedAt = Date.now();
  await deletePod(ctx.kc, ctx.namespace, pod);
  ctx.evidence(`deleted pod ${pod}`);
  const back = (pods: V1Pod[]) =>
    pods.some((p) => name(p) === pod && p.metadata?.uid !== before.metadata?.uid && isPodReady(p));
  const describe = (seen: V1Pod[]) =>
    seen.map((p) => describePod(podState(p))).join(', ') || `${pod} missing`;
  try {
    await ctx.waiting(
      waitForPods(
        ctx.kc,
        {
          namespace: ctx.namespace,
          labelSelector: componentSelector('postgresql'),
          timeoutMs: Math.max(deadline - Date.now(), 1),
          signal: ctx.signal,
        },
        back,
        describe,
      ),
    );
  } catch (error) {
    if (!(error instanceof WaitTimeoutError)) throw error;
    const limit = ctx.timeouts.databaseRestartMs / 1000;
    throw new CheckFailedError(
      `${pod} did not come back Ready within ${limit} s (last seen: ${describe(error.pods)})`,
      { cause: error },
    );
  }
  const seconds = (Date.now() - deletedAt) / 1000;
  ctx.measure('databaseReadySeconds', Number(seconds.toFixed(2)));
  ctx.evidence(`${pod} back and Ready after ${seconds.toFixed(1)} s`);
}

/** The API reconnects to the database on its own; its readiness route says when. */
async function waitForHealthyApi(
  ctx: CheckContext,
  api: ApiSession,
  deadline: number,
): Promise<void> {
  const started = Date.now();
  let last = '';
  const healthy = async () => {
    while (Date.now() < deadline) {
      const response = await api
        .send('GET', API_ROUTES.health)
        .catch((error: Error) => ({ status: 0, text: error.message }));
      if (response.status === 200) return true;
      last = `${response.status} ${response.text.slice(0, 120)}`;
      await sleep(250, undefined, { signal: ctx.signal });
    }
    return false;
  };
  if (!(await ctx.waiting(healthy()))) {
    throw new CheckFailedError(
      `The API did not turn healthy again after ${K8S_NAMES.postgresqlPod} restarted (last answer: ${last})`,
    );
  }
  ctx.measure('apiHealthyAfterSeconds', Number(((Date.now() - started) / 1000).toFixed(2)));
}
