import { randomUUID } from 'node:crypto';
import { fieldMatcher, labelMatcher, type KubeObject } from './selectors';

/** The kinds the fake serves, with the path segments client-node builds for them. */
export interface ResourceType {
  /** `''` for the core group (`/api/v1`), else the API group (`/apis/<group>/<version>`). */
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
}

const type = (group: string, version: string, plural: string, kind: string, namespaced = true) => ({
  group,
  version,
  plural,
  kind,
  namespaced,
});

export const RESOURCE_TYPES: readonly ResourceType[] = [
  type('', 'v1', 'pods', 'Pod'),
  type('', 'v1', 'secrets', 'Secret'),
  type('', 'v1', 'configmaps', 'ConfigMap'),
  type('', 'v1', 'services', 'Service'),
  type('', 'v1', 'endpoints', 'Endpoints'),
  type('', 'v1', 'events', 'Event'),
  type('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim'),
  type('', 'v1', 'serviceaccounts', 'ServiceAccount'),
  type('', 'v1', 'namespaces', 'Namespace', false),
  type('apps', 'v1', 'deployments', 'Deployment'),
  type('apps', 'v1', 'statefulsets', 'StatefulSet'),
  type('apps', 'v1', 'replicasets', 'ReplicaSet'),
  type('batch', 'v1', 'jobs', 'Job'),
  type('networking.k8s.io', 'v1', 'ingresses', 'Ingress'),
  type('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler'),
  type('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget'),
  type('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy'),
];

export function apiVersionOf(resource: ResourceType): string {
  return resource.group ? `${resource.group}/${resource.version}` : resource.version;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent {
  type: WatchEventType;
  plural: string;
  object: KubeObject;
  resourceVersion: number;
}
type Listener = (event: WatchEvent) => void;

/**
 * Objects by kind, namespace and name, with one resourceVersion counter for all of them (like
 * etcd's revision) and the history of changes, so a watch can start from any version a list
 * returned.
 */
export class ObjectStore {
  private readonly objects = new Map<string, KubeObject>();
  private readonly history: WatchEvent[] = [];
  private readonly listeners = new Set<Listener>();
  private revision = 1;
  /** The oldest version a watch may start from; older ones are "too old" (410 Expired). */
  private oldest = 1;

  get resourceVersion(): number {
    return this.revision;
  }

  /** The oldest resourceVersion a watch can still resume from. */
  get oldestResourceVersion(): number {
    return this.oldest;
  }

  /**
   * Forgets the history up to now, as etcd compaction and the API server's bounded watch cache
   * do: a watch from an older resourceVersion then ends with 410 Expired and must re-list.
   */
  compact(): void {
    this.history.length = 0;
    this.oldest = this.revision;
  }

  get<T extends KubeObject = KubeObject>(
    plural: string,
    namespace: string | undefined,
    name: string,
  ): T | undefined {
    const found = this.objects.get(key(plural, namespace, name));
    return found ? (clone(found) as T) : undefined;
  }

  list<T extends KubeObject = KubeObject>(
    plural: string,
    namespace?: string,
    selectors: { labelSelector?: string; fieldSelector?: string } = {},
  ): T[] {
    const byLabel = labelMatcher(selectors.labelSelector);
    const byField = fieldMatcher(selectors.fieldSelector);
    return [...this.objects.entries()]
      .filter(([k]) => k.startsWith(`${plural}/${namespace ?? ''}`))
      .map(([, object]) => object)
      .filter((object) => namespace === undefined || object.metadata.namespace === namespace)
      .filter((object) => byLabel(object) && byField(object))
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
      .map((object) => clone(object) as T);
  }

  /** Stores a new object, filling in uid, resourceVersion and creationTimestamp. */
  create<T extends KubeObject>(plural: string, object: T): T {
    const k = key(plural, object.metadata.namespace, object.metadata.name);
    if (this.objects.has(k)) throw new ConflictError(plural, object.metadata.name);
    const stored = clone(object);
    stored.metadata.uid ??= randomUUID();
    stored.metadata.creationTimestamp ??= new Date().toISOString();
    return this.commit('ADDED', plural, stored) as T;
  }

  /** Replaces a stored object (or creates it) and tells the watchers. */
  put<T extends KubeObject>(plural: string, object: T): T {
    const k = key(plural, object.metadata.namespace, object.metadata.name);
    if (!this.objects.has(k)) return this.create(plural, object);
    return this.commit('MODIFIED', plural, clone(object)) as T;
  }

  /** Applies `change` to a stored object; undefined when there is no such object. */
  update<T extends KubeObject>(
    plural: string,
    namespace: string | undefined,
    name: string,
    change: (object: T) => void,
  ): T | undefined {
    const current = this.get<T>(plural, namespace, name);
    if (!current) return undefined;
    change(current);
    return this.commit('MODIFIED', plural, current) as T;
  }

  remove(plural: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const k = key(plural, namespace, name);
    const current = this.objects.get(k);
    if (!current) return undefined;
    this.objects.delete(k);
    const gone = clone(current);
    this.revision += 1;
    gone.metadata.resourceVersion = String(this.revision);
    this.publish({ type: 'DELETED', plural, object: gone, resourceVersion: this.revision });
    return clone(gone);
  }

  /** Replays the changes after `fromVersion`, then follows new ones until the returned stop(). */
  watch(fromVersion: number, listener: Listener): () => void {
    for (const event of this.history) if (event.resourceVersion > fromVersion) listener(event);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private commit(type: WatchEventType, plural: string, object: KubeObject): KubeObject {
    this.revision += 1;
    object.metadata.resourceVersion = String(this.revision);
    this.objects.set(key(plural, object.metadata.namespace, object.metadata.name), object);
    this.publish({ type, plural, object: clone(object), resourceVersion: this.revision });
    return clone(object);
  }

  private publish(event: WatchEvent): void {
    this.history.push(event);
    for (const listener of this.listeners) listener(event);
  }
}

export class ConflictError extends Error {
  constructor(
    readonly plural: string,
    readonly objectName: string,
  ) {
    super(`${plural} "${objectName}" already exists`);
  }
}

function key(plural: string, namespace: string | undefined, name: string): string {
  return `${plural}/${namespace ?? ''}/${name}`;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}
