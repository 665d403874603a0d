import { Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';
import { Writable } from 'node:stream';
import { reason } from './errors';

export interface ExecOptions {
  namespace: string;
  pod: string;
  container?: string;
  command: string[];
  timeoutMs?: number;
}

export interface ExecOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Runs a command in a pod's container through the API server's exec WebSocket (client-node's
 * Exec) and collects its output and exit code, as `kubectl exec` would, without kubectl.
 */
export async function execInPod(kc: KubeConfig, options: ExecOptions): Promise<ExecOutput> {
  const { namespace, pod, container = '', command, timeoutMs = 30_000 } = options;
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        append(chunk.toString('utf8'));
        callback();
      },
    });
  const where = `${namespace}/${pod}${container ? ` (${container})` : ''}`;
  return new Promise<ExecOutput>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`exec in ${where} did not finish within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    new Exec(kc)
      .exec(
        namespace,
        pod,
        container,
        command,
        sink((t) => (stdout += t)),
        sink((t) => (stderr += t)),
        null,
        false,
        (status: V1Status) => {
          clearTimeout(timer);
          resolve({ stdout, stderr, exitCode: exitCodeOf(status) });
        },
      )
      .then((socket) =>
        socket.on('close', () => {
          clearTimeout(timer);
          reject(new Error(`exec in ${where} closed without an exit status`));
        }),
      )
      .catch((error: unknown) => {
        clearTimeout(timer);
        reject(new Error(`Cannot exec in ${where}: ${reason(error)}`, { cause: error }));
      });
  });
}

function exitCodeOf(status: V1Status): number {
  if (status.status === 'Success') return 0;
  const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
  return cause?.message ? Number(cause.message) : 1;
}
