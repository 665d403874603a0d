import { CoreV1Api, Log, type KubeConfig } from '@kubernetes/client-node';
import { Writable } from 'node:stream';
import { reason } from './errors';

/**
 * The last `lines` log lines of a container. `previous` reads the container instance that
 * crashed, which is what explains a CrashLoopBackOff.
 */
export async function lastLogLines(
  kc: KubeConfig,
  namespace: string,
  pod: string,
  container: string,
  lines: number,
  previous = false,
): Promise<string[]> {
  try {
    const text = await kc.makeApiClient(CoreV1Api).readNamespacedPodLog({
      name: pod,
      namespace,
      container,
      tailLines: lines,
      previous,
    });
    return String(text ?? '')
      .split('\n')
      .filter((line) => line.length > 0);
  } catch (error) {
    throw new Error(
      `Cannot read the logs of ${namespace}/${pod} (${container}): ${reason(error)}`,
      {
        cause: error,
      },
    );
  }
}

export interface FollowLogsOptions {
  namespace: string;
  pod: string;
  container: string;
  /** Lines of history to start with. */
  tailLines?: number;
  signal?: AbortSignal;
  onLine: (line: string) => void;
}

/**
 * Streams a container's log (`kubectl logs -f`) line by line until the signal aborts or the
 * container's stream ends. Resolves when it stops.
 */
export async function followLogs(kc: KubeConfig, options: FollowLogsOptions): Promise<void> {
  let partial = '';
  let ended!: () => void;
  const done = new Promise<void>((resolve) => (ended = resolve));
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const text = partial + chunk.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      lines.forEach((line) => options.onLine(line));
      callback();
    },
    final(callback) {
      if (partial) options.onLine(partial);
      callback();
      ended();
    },
  });
  sink.on('close', () => ended());
  let controller: AbortController;
  try {
    controller = await new Log(kc).log(options.namespace, options.pod, options.container, sink, {
      follow: true,
      tailLines: options.tailLines,
    });
  } catch (error) {
    throw new Error(
      `Cannot follow the logs of ${options.namespace}/${options.pod} (${options.container}): ${reason(error)}`,
      { cause: error },
    );
  }
  const stop = () => {
    controller.abort();
    ended();
  };
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  await done;
  options.signal?.removeEventListener('abort', stop);
}
