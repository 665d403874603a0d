import type { KubeObject } from './selectors';
import { fieldMatcher, labelMatcher } from './selectors';

export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface StoreEvent {
  type: WatchType;
  plural: string;
  object: KubeObject;
  revision: number;
}

const HISTORY = 5_000;

/**
 * The facade's objects by kind, namespace and name, with one revision counter (etcd's) and a
 * bounded history, so a watch can start from the resourceVersion a list returned. `put` only
 * records a change when the object really changed.
 */
export class ObjectStore {
  private readonly objects = new Map<string, KubeObject>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  revision = 1;

  get(plural: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.objects.get(key(plural, namespace, name));
    return found ? structuredClone(found) : undefined;
  }

  list(
    plural: string,
    namespace?: string,
    selectors: { labelSelector?: string; fieldSelector?: string } = {},
  ): KubeObject[] {
    const byLabel = labelMatcher(selectors.labelSelector);
    const byField = fieldMatcher(selectors.fieldSelector);
    return [...this.objects.entries()]
      .filter(([k]) => k.startsWith(`${plural}/`))
      .map(([, object]) => object)
      .filter((o) => namespace === undefined || o.metadata?.namespace === namespace)
      .filter((o) => byLabel(o) && byField(o))
      .sort((a, b) => String(a.metadata?.name).localeCompare(String(b.metadata?.name)))
      .map((o) => structuredClone(o));
  }

  put(plural: string, object: KubeObject): void {
    const k = key(plural, object.metadata?.namespace, String(object.metadata?.name));
    const current = this.objects.get(k);
    const plain = JSON.parse(JSON.stringify(object)) as KubeObject;
    if (current) {
      const { resourceVersion: _ignored, ...before } = current.metadata ?? {};
      if (JSON.stringify({ ...current, metadata: before }) === JSON.stringify(plain)) return;
    }
    this.revision += 1;
    plain.metadata = { ...plain.metadata, resourceVersion: String(this.revision) };
    this.objects.set(k, plain);
    this.publish({
      type: current ? 'MODIFIED' : 'ADDED',
      plural,
      object: structuredClone(plain),
      revision: this.revision,
    });
  }

  remove(plural: string, namespace: string | undefined, name: string): void {
    const k = key(plural, namespace, name);
    const current = this.objects.get(k);
    if (!current) return;
    this.objects.delete(k);
    this.revision += 1;
    const gone = {
      ...current,
      metadata: { ...current.metadata, resourceVersion: String(this.revision) },
    };
    this.publish({ type: 'DELETED', plural, object: gone, revision: this.revision });
  }

  /** Names of the stored objects of a kind (to remove those that no longer exist). */
  keys(plural: string): { namespace?: string; name: string }[] {
    return [...this.objects.entries()]
      .filter(([k]) => k.startsWith(`${plural}/`))
      .map(([, o]) => ({ namespace: o.metadata?.namespace, name: String(o.metadata?.name) }));
  }

  /** Replays the history after `from`, then follows changes until the returned stop(). */
  watch(from: number, listener: (event: StoreEvent) => void): () => void {
    for (const event of this.history) if (event.revision > from) listener(event);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(event: StoreEvent): void {
    this.history.push(event);
    if (this.history.length > HISTORY) this.history.splice(0, this.history.length - HISTORY);
    for (const listener of this.listeners) listener(event);
  }
}

function key(plural: string, namespace: string | undefined, name: string): string {
  return `${plural}/${namespace ?? ''}/${name}`;
}
