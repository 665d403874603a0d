import { PortForward, type KubeConfig } from '@kubernetes/client-node';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { reason } from './errors';

export interface ForwardedPort {
  /** The port on 127.0.0.1 that reaches the pod's port. */
  localPort: number;
  /** `http://127.0.0.1:<localPort>` */
  url: string;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 (`localPort`, default a free port) and carries each connection to `port`
 * of the pod over the API server's portforward WebSocket (client-node's PortForward), like
 * `kubectl port-forward`. A connection the pod side refuses is closed with the API server's
 * reason on `lastError()`.
 */
export async function openPortForward(
  kc: KubeConfig,
  namespace: string,
  pod: string,
  port: number,
  localPort = 0,
): Promise<ForwardedPort & { lastError(): string | undefined }> {
  const forward = new PortForward(kc);
  const sockets = new Set<Socket>();
  let lastError: string | undefined;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const errors = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        // The first frame on the error channel carries only the port number: nothing to report.
        if (chunk.length === 0) return callback();
        lastError = chunk.toString('utf8');
        socket.destroy();
        callback();
      },
    });
    forward
      .portForward(namespace, pod, [port], socket, errors, socket)
      .then((ws) => {
        const client = ws as unknown as { on(event: 'close', listener: () => void): void };
        client.on('close', () => socket.destroy());
      })
      .catch((error: unknown) => {
        lastError = `Cannot forward port ${port} of pod ${namespace}/${pod}: ${reason(error)}`;
        socket.destroy();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(localPort, '127.0.0.1', resolve);
  });
  const listening = (server.address() as AddressInfo).port;
  return {
    localPort: listening,
    url: `http://127.0.0.1:${listening}`,
    lastError: () => lastError,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
