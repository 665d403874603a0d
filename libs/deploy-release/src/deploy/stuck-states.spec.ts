import type { V1Job, V1PersistentVolumeClaim, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { StuckDetector } from './stuck-states';

const policy = { graceMs: 10_000, initGraceMs: 20_000, initLimitMs: 180_000 };

function pod(name: string, status: V1Pod['status'], spec: Partial<V1Pod['spec']> = {}): V1Pod {
  return {
    metadata: { name, uid: `uid-${name}` },
    spec: { containers: [{ name: 'api' }], ...spec },
    status,
  } as V1Pod;
}

const ready = (name: string) =>
  pod(name, { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] });

const unschedulable = pod('api-1', {
  phase: 'Pending',
  conditions: [
    {
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message: '0/1 nodes are available: 1 Insufficient cpu.',
    },
  ],
});

describe('StuckDetector', () => {
  it('reports an unschedulable pod once it has been so for the grace period, not before', () => {
    const detector = new StuckDetector(policy);
    const objects = { pods: [unschedulable], jobs: [], claims: [] };
    expect(detector.check(objects, 0)).toBeUndefined();
    expect(detector.check(objects, 9_999)).toBeUndefined();
    expect(detector.check(objects, 10_000)).toMatchObject({
      pod: 'api-1',
      reason: 'Unschedulable',
      message: '0/1 nodes are available: 1 Insufficient cpu.',
    });
  });

  it('starts the grace again when a transient state clears and comes back', () => {
    const detector = new StuckDetector(policy);
    const creating = pod('api-1', {
      containerStatuses: [
        {
          name: 'api',
          state: { waiting: { reason: 'CreateContainerError', message: 'no such file' } },
        },
      ],
    } as V1Pod['status']);
    const running = pod('api-1', {
      containerStatuses: [{ name: 'api', state: { running: {} } }],
    } as V1Pod['status']);
    const at = (p: V1Pod, now: number) => detector.check({ pods: [p], jobs: [], claims: [] }, now);
    expect(at(creating, 0)).toBeUndefined();
    expect(at(running, 5_000)).toBeUndefined();
    expect(at(creating, 8_000)).toBeUndefined();
    expect(at(creating, 17_999)).toBeUndefined();
    expect(at(creating, 18_000)).toMatchObject({
      reason: 'CreateContainerError',
      message: 'no such file',
    });
  });

  it('names the Pending claim that keeps a pod from being scheduled', () => {
    const detector = new StuckDetector(policy);
    const postgres = pod('postgresql-0', unschedulable.status, {
      containers: [{ name: 'postgresql' }],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-postgresql-0' } }],
    });
    const claim = {
      metadata: { name: 'data-postgresql-0' },
      status: { phase: 'Pending' },
    } as V1PersistentVolumeClaim;
    detector.check({ pods: [postgres], jobs: [], claims: [claim] }, 0);
    expect(detector.check({ pods: [postgres], jobs: [], claims: [claim] }, 10_000)).toMatchObject({
      pod: 'postgresql-0',
      reason: 'PersistentVolumeClaimPending',
      related: { kind: 'PersistentVolumeClaim', name: 'data-postgresql-0' },
    });
  });

  it('reports a claim left Pending after the scheduler picked its node (provisioning failed)', () => {
    const detector = new StuckDetector(policy);
    const claim = {
      metadata: {
        name: 'data-postgresql-0',
        annotations: { 'volume.kubernetes.io/selected-node': 'kind-control-plane' },
      },
      status: { phase: 'Pending' },
    } as V1PersistentVolumeClaim;
    detector.check({ pods: [], jobs: [], claims: [claim] }, 0);
    expect(detector.check({ pods: [], jobs: [], claims: [claim] }, 10_000)).toMatchObject({
      reason: 'PersistentVolumeClaimPending',
      related: { name: 'data-postgresql-0' },
    });
  });

  it('lets an init container wait while other pods start, and stops it once they are all ready', () => {
    const detector = new StuckDetector(policy);
    const waiting = pod('api-1', {
      phase: 'Pending',
      initContainerStatuses: [{ name: 'wait-for-db', state: { running: {} } }],
    } as V1Pod['status']);
    const starting = pod('postgresql-0', { phase: 'Pending' });
    const at = (others: V1Pod[], now: number) =>
      detector.check({ pods: [waiting, ...others], jobs: [], claims: [] }, now);
    expect(at([starting], 0)).toBeUndefined();
    expect(at([starting], 60_000)).toBeUndefined();
    expect(at([ready('postgresql-0')], 61_000)).toBeUndefined();
    expect(at([ready('postgresql-0')], 81_000)).toMatchObject({
      pod: 'api-1',
      container: 'wait-for-db',
      reason: 'InitContainerStuck',
      running: true,
    });
  });

  it('stops an init container that runs past the limit even while other pods still start', () => {
    const detector = new StuckDetector(policy);
    const waiting = pod('api-1', {
      initContainerStatuses: [{ name: 'wait-for-db', state: { running: {} } }],
    } as V1Pod['status']);
    const objects = {
      pods: [waiting, pod('postgresql-0', { phase: 'Pending' })],
      jobs: [],
      claims: [],
    };
    detector.check(objects, 0);
    expect(detector.check(objects, 179_000)).toBeUndefined();
    expect(detector.check(objects, 180_000)).toMatchObject({ reason: 'InitContainerStuck' });
  });

  it('names the last failed pod of a failed Job and its container that exited non-zero', () => {
    const job = {
      metadata: { name: 'pakaura-migrate-2' },
      spec: { template: { spec: { containers: [{ name: 'migrate' }] } } },
      status: {
        failed: 4,
        conditions: [
          {
            type: 'Failed',
            status: 'True',
            reason: 'BackoffLimitExceeded',
            message: 'Job has reached the specified backoff limit',
          },
        ],
      },
    } as V1Job;
    const jobPod = (name: string, created: string, exitCode: number) =>
      ({
        metadata: {
          name,
          uid: name,
          creationTimestamp: created,
          labels: { 'batch.kubernetes.io/job-name': 'pakaura-migrate-2' },
        },
        spec: { containers: [{ name: 'migrate' }] },
        status: {
          phase: 'Failed',
          initContainerStatuses: [{ name: 'wait-for-db', state: { terminated: { exitCode: 0 } } }],
          containerStatuses: [{ name: 'migrate', state: { terminated: { exitCode } } }],
        },
      }) as unknown as V1Pod;
    const failure = new StuckDetector(policy).check(
      {
        pods: [
          jobPod('m-old', '2026-01-01T00:00:00Z', 1),
          jobPod('m-new', '2026-01-01T00:01:00Z', 2),
        ],
        jobs: [job],
        claims: [],
      },
      0,
    );
    expect(failure).toEqual({
      pod: 'm-new',
      container: 'migrate',
      reason: 'JobFailed',
      message:
        'Job pakaura-migrate-2 failed (BackoffLimitExceeded: Job has reached the specified backoff limit)',
      restarts: 4,
      crashed: false,
      terminated: true,
      related: { kind: 'Job', name: 'pakaura-migrate-2' },
    });
  });

  it('leaves out the pods the caller does not count (old ones being replaced)', () => {
    const detector = new StuckDetector(policy);
    const objects = { pods: [unschedulable], jobs: [], claims: [] };
    detector.check(objects, 0, () => false);
    expect(detector.check(objects, 60_000, () => false)).toBeUndefined();
  });
});
