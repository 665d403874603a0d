import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { connect, type Socket } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { GatewayReply, GatewayRequest, ServiceRoute } from './gateway-protocol';

/**
 * The harness's side of the gateway: starts gateway-server.ts inside the network namespace with
 * `nsenter --net=` (which, unlike `ip netns exec`, leaves the mounts as they are) and talks to it
 * over a unix socket. Every call is asynchronous.
 */
export class Gateway {
  private constructor(
    private readonly child: ChildProcess,
    readonly socketPath: string,
  ) {}

  static async start(netnsPath: string, socketPath: string): Promise<Gateway> {
    const server = fileURLToPath(new URL('./gateway-server.ts', import.meta.url));
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const child = spawn(
      'nsenter',
      [`--net=${netnsPath}`, '--', process.execPath, '--import', tsx, server, socketPath],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the gateway did not start within 30 s: ${stderr.trim()}`)),
        30_000,
      );
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString('utf8').includes('ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(
          new Error(`the gateway exited (${code}) at start: ${stderr.trim().split('\n').pop()}`),
        );
      });
    });
    return new Gateway(child, socketPath);
  }

  /** A TCP connection to host:port as seen from inside the namespace; fails with the dial error. */
  async connect(host: string, port: number, timeoutMs = 5_000): Promise<Socket> {
    const { socket } = await this.request({ op: 'connect', host, port, timeoutMs });
    return socket;
  }

  /** Makes the gateway serve exactly these Service addresses, with these endpoints. */
  async setServices(services: ServiceRoute[]): Promise<void> {
    const { socket } = await this.request({ op: 'services', services });
    socket.destroy();
  }

  stop(): void {
    this.child.stdin?.end();
    this.child.kill('SIGTERM');
  }

  private request(request: GatewayRequest): Promise<{ socket: Socket }> {
    return new Promise((resolve, reject) => {
      const socket = connect(this.socketPath);
      let buffered = Buffer.alloc(0);
      const fail = (error: Error) => {
        socket.destroy();
        reject(error);
      };
      socket.once('error', fail);
      socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
      // Read the answer with 'readable' rather than 'data': once that listener is gone the
      // socket is neither flowing nor paused, so whoever uses it next starts it by listening.
      const onReadable = () => {
        let chunk: Buffer | null;
        while ((chunk = socket.read() as Buffer | null) !== null) {
          buffered = Buffer.concat([buffered, chunk]);
          const newline = buffered.indexOf(10);
          if (newline === -1) continue;
          socket.off('readable', onReadable);
          socket.off('error', fail);
          const answer = JSON.parse(buffered.subarray(0, newline).toString('utf8')) as GatewayReply;
          const rest = buffered.subarray(newline + 1);
          if (!answer.ok) return fail(new Error(answer.error));
          if (rest.length > 0) socket.unshift(rest);
          return resolve({ socket });
        }
      };
      socket.on('readable', onReadable);
    });
  }
}
