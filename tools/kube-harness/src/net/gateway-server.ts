import { createServer, connect, type Server, type Socket } from 'node:net';
import {
  dialError,
  type GatewayReply,
  type GatewayRequest,
  type ServiceRoute,
} from './gateway-protocol';

/**
 * The gateway: runs inside the harness's network namespace (started with `nsenter --net=...`)
 * and listens on a unix socket given as its only argument. It opens TCP connections to pod
 * addresses for the harness (probes, port-forwards, the Ingress) and serves every Service's
 * virtual address, forwarding each connection to one of the ready endpoints in turn (what
 * kube-proxy does); with no ready endpoint the connection is reset. It exits when its stdin
 * closes, so it never outlives the harness.
 */
const routes = new Map<
  string,
  { server: Server; endpoints: ServiceRoute['endpoints']; next: number }
>();

function main(): void {
  const socketPath = process.argv[2];
  if (!socketPath) throw new Error('usage: gateway-server <unix socket path>');
  const control = createServer((client) => readRequest(client));
  control.listen(socketPath, () => process.stdout.write('ready\n'));
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}

function readRequest(client: Socket): void {
  let buffered = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    const newline = buffered.indexOf(10);
    if (newline === -1) return;
    client.off('data', onData);
    client.pause();
    const rest = buffered.subarray(newline + 1);
    let request: GatewayRequest;
    try {
      request = JSON.parse(buffered.subarray(0, newline).toString('utf8')) as GatewayRequest;
    } catch {
      return reply(client, { ok: false, error: 'bad request' }, true);
    }
    if (request.op === 'connect') return void dial(client, request, rest);
    if (request.op === 'services') {
      applyServices(request.services)
        .then(() => reply(client, { ok: true }, true))
        .catch((error: Error) => reply(client, { ok: false, error: error.message }, true));
    }
  };
  client.on('data', onData);
  client.on('error', () => client.destroy());
}

function dial(
  client: Socket,
  request: Extract<GatewayRequest, { op: 'connect' }>,
  head: Buffer,
): void {
  const upstream = connect({ host: request.host, port: request.port });
  let connected = false;
  const timer = setTimeout(
    () => upstream.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
    request.timeoutMs,
  );
  upstream.once('connect', () => {
    connected = true;
    clearTimeout(timer);
    reply(client, { ok: true }, false);
    if (head.length > 0) upstream.write(head);
    pipeBoth(client, upstream);
    client.resume();
  });
  upstream.once('error', (error: NodeJS.ErrnoException) => {
    clearTimeout(timer);
    if (!connected) {
      reply(client, { ok: false, error: dialError(request.host, request.port, error) }, true);
    }
  });
}

function pipeBoth(a: Socket, b: Socket): void {
  a.pipe(b);
  b.pipe(a);
  const close = () => {
    a.destroy();
    b.destroy();
  };
  a.on('error', close);
  b.on('error', close);
  a.on('close', close);
  b.on('close', close);
}

function reply(client: Socket, answer: GatewayReply, end: boolean): void {
  const line = `${JSON.stringify(answer)}\n`;
  if (end) client.end(line);
  else client.write(line);
}

/** Opens a listener per Service address, updates its endpoints, closes those no longer wanted. */
async function applyServices(services: ServiceRoute[]): Promise<void> {
  const wanted = new Set(services.map((s) => `${s.ip}:${s.port}`));
  for (const [key, route] of routes) {
    if (!wanted.has(key)) {
      route.server.close();
      routes.delete(key);
    }
  }
  for (const service of services) {
    const key = `${service.ip}:${service.port}`;
    const existing = routes.get(key);
    if (existing) {
      existing.endpoints = service.endpoints;
      continue;
    }
    const route = {
      server: createServer((socket) => forward(route, socket)),
      endpoints: service.endpoints,
      next: 0,
    };
    await new Promise<void>((resolve, reject) => {
      route.server.once('error', reject);
      route.server.listen(service.port, service.ip, () => resolve());
    });
    routes.set(key, route);
  }
}

function forward(
  route: { endpoints: ServiceRoute['endpoints']; next: number },
  socket: Socket,
): void {
  socket.on('error', () => socket.destroy());
  if (route.endpoints.length === 0) return void socket.resetAndDestroy();
  const endpoint = route.endpoints[route.next % route.endpoints.length];
  route.next += 1;
  const upstream = connect({ host: endpoint.ip, port: endpoint.port });
  upstream.once('error', () => socket.resetAndDestroy());
  upstream.once('connect', () => pipeBoth(socket, upstream));
}

main();
