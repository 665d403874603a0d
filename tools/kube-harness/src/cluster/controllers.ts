import type {
  V1Deployment,
  V1Job,
  V1ObjectMeta,
  V1OwnerReference,
  V1Pod,
  V1PodTemplateSpec,
  V1StatefulSet,
} from '@kubernetes/client-node';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { PodRunner } from '../pod/pod-runner';

/** What a controller asks of the cluster: run a pod, or delete one. */
export interface PodScheduler {
  runPod(pod: V1Pod, owner: Controller): PodRunner;
  removePod(pod: PodRunner): Promise<void>;
}

/** Replica counts as the API shows them in a workload's status. */
export interface WorkloadStatus {
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  updatedReplicas: number;
}

export interface Controller {
  readonly kind: 'Deployment' | 'StatefulSet' | 'Job' | 'Pod';
  readonly name: string;
  readonly namespace: string;
  readonly pods: Set<PodRunner>;
  /** A `helm test` pod: run on demand by runTests(), not part of the release's workloads. */
  readonly test?: boolean;
  start(): void;
  /** A pod of this controller changed (Ready, finished). */
  podChanged(pod: PodRunner): void;
  /** Someone deleted one of its pods: bring it back the way this controller does. */
  podDeleted(pod: PodRunner): Promise<void>;
  /** Ready (a Job: complete); undefined while it is neither done nor failed. */
  done(): boolean;
  /** Why it can never be done (a Job over its backoffLimit), when that is so. */
  failure(): string | undefined;
  stop(): void;
}

/** Characters of the names the ReplicaSet and Job controllers generate (no vowels, no look-alikes). */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function randomSuffix(length = 5): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => NAME_ALPHABET[b % NAME_ALPHABET.length]).join('');
}

/** A stable hash of a pod template, spelled like `pod-template-hash` (10 characters). */
export function templateHash(template: V1PodTemplateSpec): string {
  const digest = createHash('sha256').update(JSON.stringify(template)).digest();
  return Array.from(digest.subarray(0, 10), (b) => NAME_ALPHABET[b % NAME_ALPHABET.length]).join(
    '',
  );
}

/** A pod made from a workload's template, as its controller would create it. */
export function podFromTemplate(
  template: V1PodTemplateSpec,
  metadata: { name: string; namespace: string; labels?: Record<string, string> },
  owner: V1OwnerReference,
): V1Pod {
  const meta: V1ObjectMeta = {
    name: metadata.name,
    namespace: metadata.namespace,
    uid: randomUUID(),
    labels: { ...(template.metadata?.labels ?? {}), ...(metadata.labels ?? {}) },
    annotations: { ...(template.metadata?.annotations ?? {}) },
    ownerReferences: [owner],
    creationTimestamp: new Date(),
  };
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: structuredClone(template.spec) };
}

function ownerRef(apiVersion: string, kind: string, name: string, uid: string): V1OwnerReference {
  return { apiVersion, kind, name, uid, controller: true, blockOwnerDeletion: true };
}

function countStatus(pods: Set<PodRunner>): WorkloadStatus {
  const live = [...pods].filter((p) => !p.deleting);
  const ready = live.filter((p) => p.ready).length;
  return {
    replicas: live.length,
    readyReplicas: ready,
    availableReplicas: ready,
    updatedReplicas: live.length,
  };
}

/**
 * A Deployment through its ReplicaSet: `replicas` pods named `<name>-<template hash>-<random>`;
 * a deleted pod is replaced at once by a new one with a new name.
 */
export class DeploymentController implements Controller {
  readonly kind = 'Deployment';
  readonly pods = new Set<PodRunner>();
  readonly hash: string;
  readonly uid = randomUUID();
  private stopped = false;

  constructor(
    readonly deployment: V1Deployment,
    readonly replicas: number,
    private readonly scheduler: PodScheduler,
  ) {
    this.hash = templateHash(deployment.spec?.template ?? {});
  }

  get name(): string {
    return this.deployment.metadata?.name ?? '';
  }

  get namespace(): string {
    return this.deployment.metadata?.namespace ?? 'default';
  }

  get replicaSetName(): string {
    return `${this.name}-${this.hash}`;
  }

  start(): void {
    for (let i = 0; i < this.replicas; i += 1) this.create();
  }

  status(): WorkloadStatus {
    return countStatus(this.pods);
  }

  done(): boolean {
    return this.status().readyReplicas >= this.replicas;
  }

  failure(): undefined {
    return undefined;
  }

  podChanged(): void {
    // A ReplicaSet acts on deletions only (podDeleted); readiness changes need nothing.
  }

  async podDeleted(pod: PodRunner): Promise<void> {
    this.pods.delete(pod);
    if (!this.stopped) this.create();
    await this.scheduler.removePod(pod);
  }

  stop(): void {
    this.stopped = true;
  }

  private create(): void {
    const template = this.deployment.spec?.template ?? {};
    const pod = podFromTemplate(
      template,
      {
        name: `${this.replicaSetName}-${randomSuffix()}`,
        namespace: this.namespace,
        labels: { 'pod-template-hash': this.hash },
      },
      ownerRef('apps/v1', 'ReplicaSet', this.replicaSetName, this.uid),
    );
    this.pods.add(this.scheduler.runPod(pod, this));
  }
}

/**
 * A StatefulSet (OrderedReady): `<name>-0` first, each next ordinal once the one before is Ready;
 * every pod gets hostname `<pod>` and subdomain `<serviceName>`, and a claim per
 * volumeClaimTemplate named `<template>-<pod>` that outlives it. A deleted pod comes back under
 * the same name, with the same claims, once the old one is gone.
 */
export class StatefulSetController implements Controller {
  readonly kind = 'StatefulSet';
  readonly pods = new Set<PodRunner>();
  readonly uid = randomUUID();
  private stopped = false;

  constructor(
    readonly statefulSet: V1StatefulSet,
    private readonly scheduler: PodScheduler,
  ) {}

  get name(): string {
    return this.statefulSet.metadata?.name ?? '';
  }

  get namespace(): string {
    return this.statefulSet.metadata?.namespace ?? 'default';
  }

  get replicas(): number {
    return this.statefulSet.spec?.replicas ?? 1;
  }

  /** The claims the StatefulSet's pods use, by name. */
  claims(): string[] {
    const templates = this.statefulSet.spec?.volumeClaimTemplates ?? [];
    return Array.from({ length: this.replicas }, (_, i) =>
      templates.map((t) => `${t.metadata?.name}-${this.name}-${i}`),
    ).flat();
  }

  start(): void {
    if (this.replicas > 0) this.create(0);
  }

  status(): WorkloadStatus {
    return countStatus(this.pods);
  }

  done(): boolean {
    return this.status().readyReplicas >= this.replicas;
  }

  failure(): undefined {
    return undefined;
  }

  podChanged(pod: PodRunner): void {
    if (this.stopped || !pod.ready) return;
    const ordinal = Number(pod.name.slice(this.name.length + 1));
    const next = ordinal + 1;
    if (next < this.replicas && ![...this.pods].some((p) => p.name === `${this.name}-${next}`))
      this.create(next);
  }

  async podDeleted(pod: PodRunner): Promise<void> {
    await this.scheduler.removePod(pod);
    this.pods.delete(pod);
    if (!this.stopped) this.create(Number(pod.name.slice(this.name.length + 1)));
  }

  stop(): void {
    this.stopped = true;
  }

  private create(ordinal: number): void {
    const name = `${this.name}-${ordinal}`;
    const template = this.statefulSet.spec?.template ?? {};
    const pod = podFromTemplate(
      template,
      {
        name,
        namespace: this.namespace,
        labels: {
          'statefulset.kubernetes.io/pod-name': name,
          'apps.kubernetes.io/pod-index': String(ordinal),
          'controller-revision-hash': `${this.name}-${templateHash(template)}`,
        },
      },
      ownerRef('apps/v1', 'StatefulSet', this.name, this.uid),
    );
    pod.spec = {
      ...pod.spec,
      containers: pod.spec?.containers ?? [],
      hostname: name,
      subdomain: this.statefulSet.spec?.serviceName,
      volumes: [
        ...(pod.spec?.volumes ?? []),
        ...(this.statefulSet.spec?.volumeClaimTemplates ?? []).map((t) => ({
          name: t.metadata?.name ?? '',
          persistentVolumeClaim: { claimName: `${t.metadata?.name}-${name}` },
        })),
      ],
    };
    this.pods.add(this.scheduler.runPod(pod, this));
  }
}

/**
 * A Job with one completion: a pod at a time; a failed pod is replaced after the Job back-off
 * (10 s doubling, at most 6 min) until backoffLimit failures, then the Job fails with
 * BackoffLimitExceeded; activeDeadlineSeconds fails it with DeadlineExceeded.
 */
export class JobController implements Controller {
  readonly kind = 'Job';
  readonly pods = new Set<PodRunner>();
  readonly uid = randomUUID();
  succeeded = 0;
  failed = 0;
  startTime?: Date;
  completionTime?: Date;
  private failureReason?: string;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private readonly counted = new Set<PodRunner>();

  constructor(
    readonly job: V1Job,
    private readonly scheduler: PodScheduler,
  ) {}

  get name(): string {
    return this.job.metadata?.name ?? '';
  }

  get namespace(): string {
    return this.job.metadata?.namespace ?? 'default';
  }

  start(): void {
    this.startTime = new Date();
    const deadline = this.job.spec?.activeDeadlineSeconds;
    if (deadline) {
      this.timer = setTimeout(
        () => this.fail('DeadlineExceeded', 'Job was active longer than specified deadline'),
        deadline * 1000,
      );
    }
    this.create();
  }

  done(): boolean {
    return this.succeeded > 0;
  }

  failure(): string | undefined {
    return this.failureReason;
  }

  podChanged(pod: PodRunner): void {
    if (this.counted.has(pod) || this.stopped) return;
    if (pod.phase === 'Succeeded') {
      this.counted.add(pod);
      this.succeeded += 1;
      this.completionTime = new Date();
      this.stop();
    } else if (pod.phase === 'Failed') {
      this.counted.add(pod);
      this.failed += 1;
      const limit = this.job.spec?.backoffLimit ?? 6;
      if (this.failed > limit) {
        this.fail('BackoffLimitExceeded', 'Job has reached the specified backoff limit');
        return;
      }
      const delay = Math.min(10_000 * 2 ** (this.failed - 1), 360_000);
      setTimeout(() => {
        if (!this.stopped) this.create();
      }, delay).unref();
    }
  }

  async podDeleted(pod: PodRunner): Promise<void> {
    this.pods.delete(pod);
    await this.scheduler.removePod(pod);
    if (!this.stopped && !this.done()) this.create();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private fail(reason: string, message: string): void {
    this.failureReason = `${reason}: ${message}`;
    this.stop();
    for (const pod of this.pods)
      if (!['Succeeded', 'Failed'].includes(pod.phase)) void pod.delete(0);
  }

  private create(): void {
    const template = this.job.spec?.template ?? {};
    const pod = podFromTemplate(
      template,
      {
        name: `${this.name}-${randomSuffix()}`,
        namespace: this.namespace,
        labels: {
          'batch.kubernetes.io/job-name': this.name,
          'job-name': this.name,
          'batch.kubernetes.io/controller-uid': this.uid,
          'controller-uid': this.uid,
        },
      },
      ownerRef('batch/v1', 'Job', this.name, this.uid),
    );
    this.pods.add(this.scheduler.runPod(pod, this));
  }
}

/** A bare Pod (a `helm test` hook among them): run once, never replaced. */
export class BarePodController implements Controller {
  readonly kind = 'Pod';
  readonly pods = new Set<PodRunner>();

  constructor(
    readonly pod: V1Pod,
    private readonly scheduler: PodScheduler,
    readonly test = false,
  ) {}

  get name(): string {
    return this.pod.metadata?.name ?? '';
  }

  get namespace(): string {
    return this.pod.metadata?.namespace ?? 'default';
  }

  start(): void {
    const pod = structuredClone(this.pod);
    pod.metadata = { ...pod.metadata, uid: randomUUID(), creationTimestamp: new Date() };
    this.pods.add(this.scheduler.runPod(pod, this));
  }

  done(): boolean {
    return [...this.pods].some((p) => p.ready || p.phase === 'Succeeded');
  }

  failure(): string | undefined {
    const failed = [...this.pods].find((p) => p.phase === 'Failed');
    return failed ? `pod ${failed.name} failed` : undefined;
  }

  podChanged(): void {
    // A bare pod has no controller to react.
  }

  async podDeleted(pod: PodRunner): Promise<void> {
    this.pods.delete(pod);
    await this.scheduler.removePod(pod);
  }

  stop(): void {
    // Nothing to stop: a bare pod is never replaced.
  }
}
