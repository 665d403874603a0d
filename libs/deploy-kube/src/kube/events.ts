import { CoreV1Api, type CoreV1Event, type KubeConfig } from '@kubernetes/client-node';
import { reason } from './errors';

/**
 * The events about one object, oldest first, as `kubectl describe` shows them:
 * `Warning BackOff: Back-off restarting failed container api (x5)`.
 */
export async function objectEvents(
  kc: KubeConfig,
  namespace: string,
  name: string,
  limit = 10,
): Promise<string[]> {
  let items: CoreV1Event[];
  try {
    items = (
      await kc.makeApiClient(CoreV1Api).listNamespacedEvent({
        namespace,
        fieldSelector: `involvedObject.name=${name}`,
      })
    ).items;
  } catch (error) {
    throw new Error(`Cannot read the events of ${namespace}/${name}: ${reason(error)}`, {
      cause: error,
    });
  }
  return items
    .sort((a, b) => eventTime(a) - eventTime(b) || version(a) - version(b))
    .slice(-limit)
    .map((event) => {
      const count = (event.count ?? 1) > 1 ? ` (x${event.count})` : '';
      return `${event.type ?? 'Normal'} ${event.reason ?? ''}: ${(event.message ?? '').trim()}${count}`;
    });
}

function eventTime(event: CoreV1Event): number {
  const when =
    event.lastTimestamp ??
    event.eventTime ??
    event.firstTimestamp ??
    event.metadata?.creationTimestamp;
  return when ? new Date(when).getTime() : 0;
}

/** Event times have one-second resolution: the resourceVersion orders events of the same second. */
function version(event: CoreV1Event): number {
  return Number(event.metadata?.resourceVersion) || 0;
}
