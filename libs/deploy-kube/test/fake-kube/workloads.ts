import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { KubeObject } from './selectors';
import type { ObjectStore } from './store';

/* eslint-disable @typescript-eslint/no-explicit-any -- pods and workloads are plain JSON here */
export type Pod = KubeObject & { spec: any; status: any };
export type Workload = KubeObject & { spec: any; status?: any };

export interface Timing {
  /** How long a new pod stays Pending / not Ready. */
  readyAfterMs: number;
  /**
   * How long a deleted pod with the default 30 s grace period stays Terminating before it is
   * gone; other grace periods scale it (60 s: twice as long, 0: at once).
   */
  terminateAfterMs: number;
}

export interface WorkloadEvents {
  /** A pod became Running and Ready. */
  'pod-ready': [pod: Pod];
  /** A pod is gone from the API (after its termination grace). */
  'pod-removed': [pod: Pod];
}

/**
 * What the kubelet and the Deployment/StatefulSet controllers do, in miniature: deleted pods
 * terminate after a grace period; a Deployment's ReplicaSet starts a replacement with a new name at
 * once; a StatefulSet brings the same name back once the old pod is gone, with the same volume
 * claims (so its data survives). Replacement can be switched off to model a broken controller.
 */
export class Workloads extends EventEmitter<WorkloadEvents> {
  /** When false, deleted pods are not replaced (a controller that is down or scaled to zero). */
  replaceDeletedPods = true;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly store: ObjectStore,
    readonly timing: Timing,
  ) {
    super();
  }

  /** Creates the pods a Deployment (through a ReplicaSet) or a StatefulSet asks for. */
  start(plural: 'deployments' | 'statefulsets', workload: Workload, ready = true): Pod[] {
    const stored = this.store.put(plural, workload) as Workload;
    const replicas: number = stored.spec.replicas ?? 1;
    if (plural === 'statefulsets') {
      return Array.from({ length: replicas }, (_, i) => this.createPod(stored, i, ready));
    }
    const rs = this.replicaSetFor(stored);
    return Array.from({ length: replicas }, () => this.createPod(rs, undefined, ready));
  }

  /**
   * Marks a pod Terminating (not Ready), removes it after its grace period, then reconciles. The
   * grace period is the delete's `gracePeriodSeconds`, else the pod's
   * `terminationGracePeriodSeconds`, else 30 s (Kubernetes 1.29 pkg/registry/core/pod/strategy.go,
   * CheckGracefulDelete), scaled to test time by `timing.terminateAfterMs` per 30 s.
   */
  deletePod(namespace: string, name: string, gracePeriodSeconds?: number): Pod | undefined {
    const pod = this.store.get<Pod>('pods', namespace, name);
    if (!pod) return undefined;
    if (pod.metadata['deletionTimestamp']) return pod;
    const podGrace = (pod.spec as { terminationGracePeriodSeconds?: number })
      .terminationGracePeriodSeconds;
    const grace = Math.max(0, gracePeriodSeconds ?? podGrace ?? 30);
    const terminating = this.store.update<Pod>('pods', namespace, name, (p) => {
      p.metadata['deletionTimestamp'] = new Date().toISOString();
      p.metadata['deletionGracePeriodSeconds'] = grace;
      setReady(p, false);
    }) as Pod;
    this.recordEvent(terminating, 'Normal', 'Killing', `Stopping container ${containerOf(pod)}`);
    this.later((this.timing.terminateAfterMs * grace) / 30, () => {
      const gone = this.store.remove('pods', namespace, name) as Pod | undefined;
      if (gone) this.emit('pod-removed', gone);
      const owner = ownerOf(pod);
      if (owner?.kind === 'StatefulSet') this.replace(pod);
    });
    if (ownerOf(pod)?.kind === 'ReplicaSet') this.replace(pod);
    return terminating;
  }

  /** Changes a pod's status by hand (crash loops, restarts, a pod that never becomes Ready). */
  setPodStatus(
    namespace: string,
    name: string,
    status: {
      ready?: boolean;
      phase?: string;
      restartCount?: number;
      waitingReason?: string;
      waitingMessage?: string;
    },
  ): Pod | undefined {
    return this.store.update<Pod>('pods', namespace, name, (pod) => {
      if (status.phase) pod.status.phase = status.phase;
      if (status.ready !== undefined) setReady(pod, status.ready);
      for (const container of pod.status.containerStatuses ?? []) {
        if (status.restartCount !== undefined) container.restartCount = status.restartCount;
        if (status.waitingReason) {
          container.state = {
            waiting: { reason: status.waitingReason, message: status.waitingMessage ?? '' },
          };
          container.ready = false;
        }
      }
    });
  }

  recordEvent(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const now = new Date().toISOString();
    const suffix = randomBytes(8).toString('hex');
    this.store.create('events', {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${pod.metadata.name}.${suffix}`, namespace: pod.metadata.namespace },
      involvedObject: {
        apiVersion: 'v1',
        kind: 'Pod',
        name: pod.metadata.name,
        namespace: pod.metadata.namespace,
        uid: pod.metadata.uid,
      },
      type,
      reason,
      message,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      source: { component: 'kubelet' },
    });
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private replace(deleted: Pod): void {
    if (!this.replaceDeletedPods) return;
    const owner = ownerOf(deleted);
    if (!owner) return;
    const plural = owner.kind === 'StatefulSet' ? 'statefulsets' : 'replicasets';
    const workload = this.store.get<Workload>(plural, deleted.metadata.namespace, owner.name);
    if (!workload) return;
    const ordinal =
      owner.kind === 'StatefulSet' ? Number(deleted.metadata.name.split('-').pop()) : undefined;
    this.createPod(workload, ordinal, false);
  }

  private replicaSetFor(deployment: Workload): Workload {
    const hash = randomBytes(5).toString('hex').slice(0, 10);
    const labels = { ...deployment.spec.template.metadata.labels, 'pod-template-hash': hash };
    return this.store.put('replicasets', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${deployment.metadata.name}-${hash}`,
        namespace: deployment.metadata.namespace,
        labels,
        ownerReferences: [ownerReference(deployment)],
      },
      spec: {
        replicas: deployment.spec.replicas,
        selector: { matchLabels: labels },
        template: { ...deployment.spec.template, metadata: { labels } },
      },
    }) as Workload;
  }

  private createPod(owner: Workload, ordinal: number | undefined, ready: boolean): Pod {
    const name =
      ordinal === undefined
        ? `${owner.metadata.name}-${randomBytes(3).toString('hex').slice(0, 5)}`
        : `${owner.metadata.name}-${ordinal}`;
    const template = owner.spec.template;
    const spec = structuredClone(template.spec);
    if (owner.kind === 'StatefulSet') {
      for (const claim of owner.spec.volumeClaimTemplates ?? []) {
        spec.volumes = [
          ...(spec.volumes ?? []),
          {
            name: claim.metadata.name,
            persistentVolumeClaim: { claimName: `${claim.metadata.name}-${name}` },
          },
        ];
      }
    }
    const now = new Date().toISOString();
    const pod = this.store.create<Pod>('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: owner.metadata.namespace,
        labels: { ...template.metadata.labels },
        annotations: { ...(template.metadata.annotations ?? {}) },
        ownerReferences: [ownerReference(owner)],
      },
      spec: { ...spec, nodeName: 'minikube' },
      status: {
        phase: 'Pending',
        podIP: `127.0.0.${(this.store.resourceVersion % 250) + 2}`,
        startTime: now,
        conditions: [
          { type: 'PodScheduled', status: 'True' },
          { type: 'Ready', status: 'False' },
        ],
        containerStatuses: spec.containers.map((c: { name: string; image: string }) => ({
          name: c.name,
          image: c.image,
          ready: false,
          restartCount: 0,
          started: false,
          state: { waiting: { reason: 'ContainerCreating' } },
        })),
      },
    });
    this.recordEvent(pod, 'Normal', 'Scheduled', `Successfully assigned ${name} to minikube`);
    if (ready) return this.becomeReady(pod);
    this.later(this.timing.readyAfterMs, () => this.becomeReady(pod));
    return pod;
  }

  private becomeReady(pod: Pod): Pod {
    const current = this.store.get<Pod>('pods', pod.metadata.namespace, pod.metadata.name);
    if (!current || current.metadata.uid !== pod.metadata.uid) return pod;
    if (current.metadata['deletionTimestamp']) return current;
    this.recordEvent(current, 'Normal', 'Started', `Started container ${containerOf(current)}`);
    const ready = this.store.update<Pod>('pods', pod.metadata.namespace, pod.metadata.name, (p) => {
      p.status.phase = 'Running';
      setReady(p, true);
      for (const container of p.status.containerStatuses) {
        container.started = true;
        container.state = { running: { startedAt: new Date().toISOString() } };
      }
    }) as Pod;
    this.emit('pod-ready', ready);
    return ready;
  }

  private later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }
}

function setReady(pod: Pod, ready: boolean): void {
  const value = ready ? 'True' : 'False';
  pod.status.conditions = [
    ...(pod.status.conditions ?? []).filter(
      (c: { type: string }) => !['Ready', 'ContainersReady'].includes(c.type),
    ),
    { type: 'ContainersReady', status: value },
    { type: 'Ready', status: value },
  ];
  for (const container of pod.status.containerStatuses ?? []) container.ready = ready;
}

function ownerOf(pod: Pod): { kind: string; name: string } | undefined {
  const refs = (pod.metadata['ownerReferences'] ?? []) as { kind: string; name: string }[];
  return refs[0];
}

function ownerReference(owner: Workload) {
  return {
    apiVersion: owner.apiVersion ?? 'apps/v1',
    kind: owner.kind ?? 'ReplicaSet',
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
  };
}

function containerOf(pod: Pod): string {
  return pod.spec.containers?.[0]?.name ?? 'main';
}
