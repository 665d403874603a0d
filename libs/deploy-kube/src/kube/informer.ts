import { Watch, type KubeConfig } from '@kubernetes/client-node';
import { reason } from './errors';

/** A Kubernetes object as far as the informer needs it. */
export interface KubeItem {
  metadata?: { name?: string; resourceVersion?: string };
}

export interface InformerOptions<T extends KubeItem> {
  /** Collection path to watch, e.g. `/api/v1/namespaces/pakaura/pods`. */
  path: string;
  labelSelector?: string;
  /** What is listed, for the error sentences: `pods in namespace pakaura`. */
  what: string;
  /** Lists the collection with the same selector (client-node's typed list call). */
  list: () => Promise<{ items: T[]; metadata?: { resourceVersion?: string } }>;
  signal: AbortSignal;
  /** The whole collection after each list: the first one, and every re-list after a 410. */
  onSync: (items: T[], relist: boolean) => void;
  onEvent: (type: 'ADDED' | 'MODIFIED' | 'DELETED', object: T) => void;
}

/** A watch that ended quickly with nothing in it is resumed after this pause, not at once. */
const IDLE_RESUME_MS = 250;

/**
 * List, then watch from the list's resourceVersion, as client-go's reflector does: a watch the
 * server ends (it does so after timeoutSeconds or a random part of --min-request-timeout) resumes
 * from the last resourceVersion seen; a watch answered with 410 Expired ("too old resource
 * version", after compaction) re-lists and resumes from the new list. Resolves when the signal
 * aborts; rejects when the API server cannot be reached or refuses the watch.
 */
export async function informer<T extends KubeItem>(
  kc: KubeConfig,
  options: InformerOptions<T>,
): Promise<void> {
  const { signal } = options;
  for (let relist = false; !signal.aborted; relist = true) {
    let resourceVersion: string | undefined;
    try {
      const list = await options.list();
      if (signal.aborted) return;
      options.onSync(list.items, relist);
      resourceVersion = list.metadata?.resourceVersion;
    } catch (error) {
      if (signal.aborted) return;
      throw new Error(`Cannot list ${options.what}: ${reason(error)}`, { cause: error });
    }
    while (!signal.aborted) {
      const started = Date.now();
      const outcome = await watchOnce(kc, options, resourceVersion, (object) => {
        resourceVersion = object.metadata?.resourceVersion ?? resourceVersion;
      });
      if (outcome.kind === 'expired') break;
      if (outcome.kind === 'failed') {
        if (signal.aborted) return;
        throw new Error(`Watching ${options.what} failed: ${reason(outcome.error)}`, {
          cause: outcome.error,
        });
      }
      if (!outcome.events && Date.now() - started < IDLE_RESUME_MS) {
        await pause(IDLE_RESUME_MS, signal);
      }
    }
  }
}

type WatchOutcome =
  { kind: 'closed'; events: number } | { kind: 'expired' } | { kind: 'failed'; error: unknown };

function watchOnce<T extends KubeItem>(
  kc: KubeConfig,
  options: InformerOptions<T>,
  resourceVersion: string | undefined,
  seen: (object: T) => void,
): Promise<WatchOutcome> {
  const { signal } = options;
  return new Promise<WatchOutcome>((resolve) => {
    let events = 0;
    let expired = false;
    let controller: AbortController | undefined;
    const abort = () => {
      controller?.abort();
      resolve({ kind: 'closed', events });
    };
    signal.addEventListener('abort', abort, { once: true });
    new Watch(kc)
      .watch(
        options.path,
        { labelSelector: options.labelSelector, resourceVersion, allowWatchBookmarks: false },
        (type: string, object: T) => {
          if (type === 'ERROR') {
            if ((object as { code?: number }).code === 410) expired = true;
            return;
          }
          if (type !== 'ADDED' && type !== 'MODIFIED' && type !== 'DELETED') return;
          events += 1;
          seen(object);
          options.onEvent(type, object);
        },
        (error?: unknown) => {
          signal.removeEventListener('abort', abort);
          const status = (error as { statusCode?: number } | undefined)?.statusCode;
          if (expired || status === 410) resolve({ kind: 'expired' });
          else if (error && (error as Error).name !== 'AbortError' && !signal.aborted)
            resolve({ kind: 'failed', error });
          else resolve({ kind: 'closed', events });
        },
      )
      .then(
        (c) => {
          controller = c;
          if (signal.aborted) c.abort();
        },
        (error: unknown) => {
          signal.removeEventListener('abort', abort);
          resolve({ kind: 'failed', error });
        },
      );
  });
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
