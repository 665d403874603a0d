import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../src/cluster/harness';
import { waitForWorkloads, WorkloadsFailedError, type PodProblem } from '../src/cluster/wait';
import { loadManifests } from '../src/manifests/load';
import { podSpecOf, renderChart } from './render';

/**
 * Deliberately broken renders of the chart, each run on the Docker engine: the harness must fail
 * them with the reason a kubelet gives. Needs the engine, the image lane's images and helm (run
 * by .ci/lanes/60-release.sh).
 */
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

/**
 * Runs a render and returns why it does not come up. With `settle`, waits (up to `timeoutMs`)
 * for what the case is about to have happened, then takes the report at once.
 */
async function problemsOf(
  rendered: string,
  timeoutMs: number,
  settle?: (h: Harness) => boolean,
): Promise<PodProblem[]> {
  harness = await Harness.start(loadManifests(rendered, 'pakaura'), {
    pauseImage: process.env['HARNESS_PAUSE_IMAGE'],
  });
  const running = harness;
  if (settle) {
    await running.until(() => (settle(running) ? true : undefined), timeoutMs);
    timeoutMs = 1_000;
  }
  try {
    await waitForWorkloads(harness, { timeoutMs, logLines: 20 });
  } catch (error) {
    if (error instanceof WorkloadsFailedError) return error.problems;
    throw error;
  }
  throw new Error('the broken render came up');
}

describe('broken renders', () => {
  it('crash-loops PostgreSQL on a read-only root without the emptyDir for its socket directory', async () => {
    const rendered = await renderChart((doc) => {
      const spec = podSpecOf(doc, 'StatefulSet', 'postgresql');
      if (!spec) return;
      const container = spec['containers'][0];
      container['volumeMounts'] = container['volumeMounts'].filter(
        (m: { name: string }) => m.name !== 'run',
      );
      spec['volumes'] = spec['volumes'].filter((v: { name: string }) => v.name !== 'run');
    });
    const problems = await problemsOf(rendered, 120_000);
    const postgresql = problems.find((p) => p.pod === 'postgresql-0');
    expect(postgresql?.reason).toBe('CrashLoopBackOff');
    expect(postgresql?.logs.join('\n')).toMatch(
      /could not create lock file "\/var\/run\/postgresql\/\.s\.PGSQL\.5432\.lock": Read-only file system/,
    );
  });

  it('refuses to create the API container when its secretKeyRef names a key the Secret lacks', async () => {
    const rendered = await renderChart((doc) => {
      const spec = podSpecOf(doc, 'Deployment', 'api');
      const env = spec?.['containers'][0]['env'] as
        { name: string; valueFrom?: { secretKeyRef?: { key: string } } }[] | undefined;
      const jwt = env?.find((e) => e.name === 'JWT_SECRET');
      if (jwt?.valueFrom?.secretKeyRef) jwt.valueFrom.secretKeyRef.key = 'JWT_SECRETS';
    });
    const problems = await problemsOf(rendered, 120_000);
    const api = problems.find((p) => p.workload === 'Deployment api');
    expect(api?.container).toBe('api');
    expect(api?.reason).toBe('CreateContainerConfigError');
    expect(api?.message).toMatch(
      /couldn't find key JWT_SECRETS in Secret pakaura\/pakaura-secrets/,
    );
  });

  it('refuses a container user that breaks the pod non-root policy', async () => {
    const rendered = await renderChart((doc) => {
      const spec = podSpecOf(doc, 'Deployment', 'frontend');
      if (spec) spec['securityContext']['runAsUser'] = 0;
    });
    const problems = await problemsOf(rendered, 120_000);
    const frontend = problems.find((p) => p.workload === 'Deployment frontend');
    expect(frontend?.reason).toBe('CreateContainerConfigError');
    expect(frontend?.message).toMatch(
      /^container's runAsUser breaks non-root policy \(pod: "frontend-[a-z0-9]+-[a-z0-9]+_pakaura\(.+\)", container: frontend\)/,
    );
  });

  it('never readies an API whose startup probe asks the wrong port, saying the probe is refused', async () => {
    const rendered = await renderChart((doc) => {
      const spec = podSpecOf(doc, 'Deployment', 'api');
      if (spec) spec['containers'][0]['startupProbe']['httpGet']['port'] = 8001;
    });
    const probeFailed = (h: Harness) =>
      h.events.some(
        (e) => e.reason === 'Unhealthy' && String(e.involvedObject.name).startsWith('api-'),
      );
    const problems = await problemsOf(rendered, 180_000, probeFailed);
    const api = problems.filter((p) => p.workload === 'Deployment api' && p.reason === 'Unhealthy');
    expect(api.length).toBeGreaterThan(0);
    expect(api[0].message).toMatch(
      /last warning Unhealthy: Startup probe failed: Get "http:\/\/198\.18\.0\.\d+:8001\/api\/v1\/health\/live": dial tcp 198\.18\.0\.\d+:8001: connect: connection refused/,
    );
  });

  it('keeps an API that cannot reach its database in its wait-for-db init container', async () => {
    const rendered = await renderChart((doc) => {
      if (doc['kind'] === 'ConfigMap' && doc['metadata']['name'] === 'pakaura-config')
        doc['data']['DB_PORT'] = '5433';
      for (const name of ['api']) {
        const spec = podSpecOf(doc, 'Deployment', name);
        const wait = spec?.['initContainers']?.find(
          (c: { name: string }) => c.name === 'wait-for-db',
        );
        if (wait)
          wait['command'][wait['command'].length - 1] = String(wait['command'].at(-1)).replace(
            ':5432/',
            ':5433/',
          );
      }
    });
    const problems = await problemsOf(rendered, 60_000);
    const api = problems.filter((p) => p.workload === 'Deployment api');
    expect(api.length).toBeGreaterThan(0);
    expect(api[0].reason).toBe('Init:0/2');
    expect(api[0].container).toBe('wait-for-db');
    expect(api[0].logs.join('\n')).toMatch(
      /waiting for PostgreSQL at postgresql:\/\/pakaura@.+:5433\/pakaura/,
    );
  });
});
