import { spawn } from 'node:child_process';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FakeKube } from './fake-kube';
import { parseResourcePath } from './routes';
import type { Pod } from './workloads';

/** What an exec handler is asked to run, and in which pod. */
export interface ExecRequest {
  pod: Pod;
  container: string;
  command: string[];
}
export interface ExecResult {
  stdout: string;
  stderr?: string;
  exitCode: number;
}
/** Answers an exec, or returns undefined to leave it to the next handler. */
export type ExecHandler = (
  request: ExecRequest,
) => ExecResult | undefined | Promise<ExecResult | undefined>;

const STDOUT = 1;
const STDERR = 2;
const STATUS = 3;
const CLOSE = 255;
const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const PORT_FORWARD_PROTOCOLS = ['v4.channel.k8s.io'];

/**
 * The two streaming subresources, over WebSocket with the channel protocols client-node speaks:
 * each binary message starts with a channel byte. exec: 1 stdout, 2 stderr, 3 a Status object,
 * 255 closes a channel (v5). portforward: channel 0 carries data and 1 errors; the server's first
 * message on each channel is the port number (two bytes, little endian).
 */
export function attachStreams(
  kube: FakeKube,
): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered, req) => {
      const wanted = req.url?.includes('/portforward') ? PORT_FORWARD_PROTOCOLS : EXEC_PROTOCOLS;
      return wanted.find((p) => offered.has(p)) ?? false;
    },
  });
  kube.onClose(() => {
    for (const client of wss.clients) client.terminate();
    wss.close();
  });
  return (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://fake-kube');
    kube.requests.push({ method: 'UPGRADE', path: url.pathname, query: url.search });
    const target = parseResourcePath(url.pathname);
    if (!kube.authenticated(req)) return refuse(socket, 401, 'Unauthorized');
    if (!target?.name || target.resource.plural !== 'pods') return refuse(socket, 404, 'Not Found');
    const pod = kube.store.get<Pod>('pods', target.namespace, target.name);
    if (!pod) return refuse(socket, 404, `pods "${target.name}" not found`);
    if (pod.status.phase !== 'Running' || pod.metadata['deletionTimestamp']) {
      return refuse(socket, 400, `pod ${target.name} is not running (phase ${pod.status.phase})`);
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (target.subresource === 'exec') void runExec(kube, pod, url.searchParams, ws);
      else if (target.subresource === 'portforward') forwardPort(kube, pod, url.searchParams, ws);
      else ws.close(1008, 'unknown subresource');
    });
  };
}

async function runExec(
  kube: FakeKube,
  pod: Pod,
  query: URLSearchParams,
  ws: WebSocket,
): Promise<void> {
  const command = query.getAll('command');
  const container = query.get('container') || pod.spec.containers[0].name;
  const result = await kube.exec({ pod, container, command });
  if (result.stdout) ws.send(frame(STDOUT, Buffer.from(result.stdout)));
  if (result.stderr) ws.send(frame(STDERR, Buffer.from(result.stderr)));
  const status =
    result.exitCode === 0
      ? { metadata: {}, status: 'Success' }
      : {
          metadata: {},
          status: 'Failure',
          message: `command terminated with non-zero exit code: exit status ${result.exitCode}`,
          reason: 'NonZeroExitCode',
          details: { causes: [{ reason: 'ExitCode', message: String(result.exitCode) }] },
        };
  ws.send(frame(STATUS, Buffer.from(JSON.stringify(status))));
  ws.close(1000);
}

function forwardPort(kube: FakeKube, pod: Pod, query: URLSearchParams, ws: WebSocket): void {
  const port = Number(query.get('ports'));
  const portBytes = Buffer.alloc(2);
  portBytes.writeUInt16LE(port);
  ws.send(frame(0, portBytes));
  ws.send(frame(1, portBytes));
  const local = kube.backendPort(pod, port);
  if (local === undefined) {
    ws.send(
      frame(
        1,
        Buffer.from(
          `error forwarding port ${port} to pod ${pod.metadata.uid}: failed to connect to localhost:${port} inside namespace: connection refused`,
        ),
      ),
    );
    ws.close(1000);
    return;
  }
  const tcp: Socket = connect(local, '127.0.0.1');
  const untrack = kube.trackForward(pod, () => ws.terminate());
  tcp.on('data', (data) => ws.readyState === ws.OPEN && ws.send(frame(0, data)));
  tcp.on('close', () => ws.close(1000));
  tcp.on('error', (error) => {
    if (ws.readyState === ws.OPEN) ws.send(frame(1, Buffer.from(error.message)));
  });
  ws.on('message', (data: Buffer) => {
    if (data[0] === 0) tcp.write(data.subarray(1));
    if (data[0] === CLOSE) tcp.end();
  });
  ws.on('close', () => {
    untrack();
    tcp.end();
  });
}

/**
 * The default exec: runs `node` for real on this machine, as if inside the pod, where 127.0.0.1
 * (or localhost) on a container port reaches the backend the test serves for that port. Any other
 * program is missing, as in a slim image.
 */
export function runLocally(kube: FakeKube): ExecHandler {
  return ({ pod, command }) => {
    const [program, ...args] = command;
    if (program !== 'node') {
      return {
        stdout: '',
        stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH`,
        exitCode: 126,
      };
    }
    const mapped = args.map((arg) =>
      arg.replace(/(127\.0\.0\.1|localhost):(\d+)/g, (whole, _host, port) => {
        const local = kube.backendPort(pod, Number(port));
        return local === undefined ? whole : `127.0.0.1:${local}`;
      }),
    );
    return new Promise<ExecResult>((resolve) => {
      const child = spawn(process.execPath, mapped, { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ stdout, stderr, exitCode: code ?? 1 }));
    });
  };
}

function frame(channel: number, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from([channel]), data]);
}

function refuse(socket: Duplex, code: number, message: string): void {
  const body = JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    message,
    code,
  });
  socket.end(
    `HTTP/1.1 ${code} ${STATUS_CODES[code]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
