import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import type { PodRunner } from '../pod/pod-runner';
import {
  DeploymentController,
  StatefulSetController,
  templateHash,
  type Controller,
  type PodScheduler,
} from './controllers';

/** Records the pods a controller asks for; each becomes a fake runner that is Ready at once. */
function scheduler(): PodScheduler & { created: V1Pod[]; removed: string[] } {
  const created: V1Pod[] = [];
  const removed: string[] = [];
  return {
    created,
    removed,
    runPod(pod: V1Pod, owner: Controller) {
      created.push(pod);
      const runner = {
        name: pod.metadata?.name,
        namespace: 'n',
        ready: true,
        deleting: false,
        pod,
      } as unknown as PodRunner;
      queueMicrotask(() => owner.podChanged(runner));
      return runner;
    },
    async removePod(pod: PodRunner) {
      removed.push(pod.name);
    },
  };
}

const template = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c' }] } };

describe('DeploymentController', () => {
  it('creates its replicas as <name>-<hash>-<random> and replaces a deleted pod with a new name at once', async () => {
    const s = scheduler();
    const deployment = new DeploymentController(
      { metadata: { name: 'api', namespace: 'n' }, spec: { selector: {}, template } },
      2,
      s,
    );
    deployment.start();
    const names = s.created.map((p) => p.metadata?.name);
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(new RegExp(`^api-${templateHash(template)}-[a-z0-9]{5}$`));
    expect(s.created[0].metadata?.labels).toMatchObject({
      app: 'x',
      'pod-template-hash': templateHash(template),
    });
    await deployment.podDeleted([...deployment.pods][0]);
    expect(s.created).toHaveLength(3);
    expect(new Set(s.created.map((p) => p.metadata?.name)).size).toBe(3);
  });
});

describe('StatefulSetController', () => {
  it('creates ordinals one after another as each turns Ready, with hostname, subdomain and claims', async () => {
    const s = scheduler();
    const set = new StatefulSetController(
      {
        metadata: { name: 'db', namespace: 'n' },
        spec: {
          serviceName: 'db',
          replicas: 2,
          selector: {},
          template,
          volumeClaimTemplates: [{ metadata: { name: 'data' } }],
        },
      },
      s,
    );
    set.start();
    expect(s.created.map((p) => p.metadata?.name)).toEqual(['db-0']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(s.created.map((p) => p.metadata?.name)).toEqual(['db-0', 'db-1']);
    expect(s.created[0].spec).toMatchObject({ hostname: 'db-0', subdomain: 'db' });
    expect(s.created[0].spec?.volumes).toContainEqual({
      name: 'data',
      persistentVolumeClaim: { claimName: 'data-db-0' },
    });
    expect(set.claims()).toEqual(['data-db-0', 'data-db-1']);
  });

  it('brings a deleted pod back under the same name once the old one is gone', async () => {
    const s = scheduler();
    const set = new StatefulSetController(
      {
        metadata: { name: 'db', namespace: 'n' },
        spec: { serviceName: 'db', replicas: 1, selector: {}, template },
      },
      s,
    );
    set.start();
    await set.podDeleted([...set.pods][0]);
    expect(s.removed).toEqual(['db-0']);
    expect(s.created.map((p) => p.metadata?.name)).toEqual(['db-0', 'db-0']);
    expect(s.created[1].metadata?.uid).not.toBe(s.created[0].metadata?.uid);
  });
});
