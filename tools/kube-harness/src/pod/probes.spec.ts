import type { V1Container } from '@kubernetes/client-node';
import { connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProbeLoop, resolvePort, runProbe, type ProbeTransport } from './probes';

const container: V1Container = { name: 'web', ports: [{ name: 'http', containerPort: 3000 }] };
let http: Server;
let httpPort = 0;
const seen: { path?: string; host?: string }[] = [];

beforeAll(async () => {
  http = createHttpServer((req, res) => {
    seen.push({ path: req.url, host: req.headers.host });
    res.writeHead(req.url === '/healthz' ? 200 : 503).end();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  httpPort = (http.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

/** A transport that reaches the test's server whatever address the probe asks for. */
function transport(overrides: Partial<ProbeTransport> = {}): ProbeTransport & { dialed: string[] } {
  const dialed: string[] = [];
  return {
    dialed,
    podIP: '198.18.0.9',
    connect: (host, port) =>
      new Promise<Socket>((resolve, reject) => {
        dialed.push(`${host}:${port}`);
        const socket = connect(httpPort, '127.0.0.1', () => resolve(socket));
        socket.once('error', reject);
      }),
    exec: async () => ({ exitCode: 0, output: '', timedOut: false }),
    ...overrides,
  };
}

describe('runProbe', () => {
  it('sends an httpGet probe through the transport to the pod address and named port', async () => {
    const via = transport();
    const outcome = await runProbe(
      { httpGet: { path: '/healthz', port: 'http' }, timeoutSeconds: 2 },
      container,
      via,
    );
    expect(outcome).toEqual({ ok: true, message: '' });
    expect(via.dialed).toEqual(['198.18.0.9:3000']);
    expect(seen.at(-1)).toEqual({ path: '/healthz', host: '198.18.0.9:3000' });
  });

  it('fails an httpGet probe on a status of 400 or more with the kubelet message', async () => {
    const outcome = await runProbe(
      { httpGet: { path: '/nope', port: 3000 } },
      container,
      transport(),
    );
    expect(outcome).toEqual({ ok: false, message: 'HTTP probe failed with statuscode: 503' });
  });

  it('reports a refused connection as the kubelet does', async () => {
    const refused = transport({
      connect: async (host, port) => {
        throw new Error(`dial tcp ${host}:${port}: connect: connection refused`);
      },
    });
    const outcome = await runProbe(
      { httpGet: { path: '/healthz', port: 8001 } },
      container,
      refused,
    );
    expect(outcome.message).toBe(
      'Get "http://198.18.0.9:8001/healthz": dial tcp 198.18.0.9:8001: connect: connection refused',
    );
  });

  it('passes a tcpSocket probe when the port accepts a connection', async () => {
    const outcome = await runProbe({ tcpSocket: { port: 'http' } }, container, transport());
    expect(outcome.ok).toBe(true);
  });

  it('fails an exec probe with the command output, and on its timeout', async () => {
    const failing = transport({
      exec: async () => ({ exitCode: 2, output: 'no response\n', timedOut: false }),
    });
    expect(await runProbe({ exec: { command: ['pg_isready'] } }, container, failing)).toEqual({
      ok: false,
      message: 'no response',
    });
    const slow = transport({ exec: async () => ({ exitCode: 124, output: '', timedOut: true }) });
    expect((await runProbe({ exec: { command: ['sleep', '9'] } }, container, slow)).message).toBe(
      'command "sleep 9" timed out',
    );
  });
});

describe('resolvePort', () => {
  it('resolves a named port and refuses a name the container does not have', () => {
    expect(resolvePort('http', container)).toBe(3000);
    expect(resolvePort('8080', container)).toBe(8080);
    expect(() => resolvePort('grpc', container)).toThrow(/not a named port/);
  });
});

describe('ProbeLoop', () => {
  it('turns failed only after failureThreshold failures in a row, reporting each one', async () => {
    const results: boolean[] = [];
    const failures: string[] = [];
    const answers = [false, false, true, false, false, false];
    const loop = new ProbeLoop(
      'Readiness',
      { periodSeconds: 0.01, failureThreshold: 3 },
      async () => {
        const ok = answers.shift() ?? true;
        return { ok, message: ok ? '' : 'down' };
      },
      (ok) => results.push(ok),
      (outcome) => failures.push(outcome.message),
    );
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    loop.stop();
    expect(results.slice(0, 2)).toEqual([true, false]);
    expect(failures).toHaveLength(5);
  });
});
