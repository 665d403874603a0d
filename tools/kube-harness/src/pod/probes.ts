import type { V1Container, V1Probe } from '@kubernetes/client-node';
import { request } from 'node:http';
import type { Socket } from 'node:net';

export type ProbeKind = 'Startup' | 'Readiness' | 'Liveness';

export interface ProbeOutcome {
  ok: boolean;
  /** Why it failed, in the kubelet's words (`HTTP probe failed with statuscode: 503`, ...). */
  message: string;
}

/** How a probe reaches the container: a TCP connection to the pod's address, or an exec. */
export interface ProbeTransport {
  podIP: string;
  connect(host: string, port: number, timeoutMs: number): Promise<Socket>;
  exec(
    command: string[],
    timeoutMs: number,
  ): Promise<{ exitCode: number; output: string; timedOut: boolean }>;
}

/** The probe's settings with the API's defaults filled in. */
export function probeTiming(probe: V1Probe) {
  return {
    initialDelayMs: (probe.initialDelaySeconds ?? 0) * 1000,
    periodMs: (probe.periodSeconds ?? 10) * 1000,
    timeoutMs: (probe.timeoutSeconds ?? 1) * 1000,
    successThreshold: probe.successThreshold ?? 1,
    failureThreshold: probe.failureThreshold ?? 3,
  };
}

/** A named port (`http`) resolved through the container's ports; a number stays a number. */
export function resolvePort(port: number | string, container: V1Container): number {
  if (typeof port === 'number' || /^\d+$/.test(port)) return Number(port);
  const named = container.ports?.find((p) => p.name === port);
  if (!named) throw new Error(`port "${port}" is not a named port of container ${container.name}`);
  return named.containerPort;
}

/** Runs one probe once, as the kubelet's prober does (pkg/probe/http, tcp, exec). */
export async function runProbe(
  probe: V1Probe,
  container: V1Container,
  transport: ProbeTransport,
): Promise<ProbeOutcome> {
  const { timeoutMs } = probeTiming(probe);
  if (probe.httpGet) {
    const get = probe.httpGet;
    const port = resolvePort(get.port, container);
    const host = get.host ?? transport.podIP;
    const path = get.path ?? '/';
    const url = `${(get.scheme ?? 'HTTP').toLowerCase()}://${host}:${port}${path}`;
    let socket: Socket;
    try {
      socket = await transport.connect(host, port, timeoutMs);
    } catch (error) {
      return { ok: false, message: `Get "${url}": ${(error as Error).message}` };
    }
    return httpGet(socket, host, port, path, get.httpHeaders ?? [], timeoutMs, url);
  }
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port, container);
    const host = probe.tcpSocket.host ?? transport.podIP;
    try {
      (await transport.connect(host, port, timeoutMs)).destroy();
      return { ok: true, message: '' };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  }
  if (probe.exec) {
    const command = probe.exec.command ?? [];
    const result = await transport.exec(command, timeoutMs);
    if (result.timedOut)
      return { ok: false, message: `command ${JSON.stringify(command.join(' '))} timed out` };
    return {
      ok: result.exitCode === 0,
      message: result.output.trim() || `exit status ${result.exitCode}`,
    };
  }
  if (probe.grpc) return { ok: false, message: 'grpc probes are not supported by the harness' };
  return { ok: false, message: 'the probe has no handler' };
}

function httpGet(
  socket: Socket,
  host: string,
  port: number,
  path: string,
  headers: { name: string; value: string }[],
  timeoutMs: number,
  url: string,
): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const req = request(
      {
        host,
        port,
        path,
        method: 'GET',
        // No `agent`: with one (even `agent: false`) node ignores createConnection and dials
        // the address itself, from this machine's network instead of the pods'.
        createConnection: () => socket,
        headers: {
          'user-agent': 'kube-probe/1.29',
          accept: '*/*',
          connection: 'close',
          ...Object.fromEntries(headers.map((h) => [h.name, h.value])),
        },
      },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        resolve(
          status >= 200 && status < 400
            ? { ok: true, message: '' }
            : { ok: false, message: `HTTP probe failed with statuscode: ${status}` },
        );
        socket.destroy();
      },
    );
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      resolve({
        ok: false,
        message: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
      });
    });
    req.on('error', (error) => resolve({ ok: false, message: `Get "${url}": ${error.message}` }));
    req.end();
  });
}

/**
 * One probe on a loop, with the kubelet's thresholds: it starts after initialDelaySeconds, runs
 * every periodSeconds, and changes its result after successThreshold successes or
 * failureThreshold failures in a row. `onFailure` is told each failure (an Unhealthy event);
 * `onResult` each change of result.
 */
export class ProbeLoop {
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private successes = 0;
  private failures = 0;
  result: boolean | undefined;

  constructor(
    readonly kind: ProbeKind,
    private readonly probe: V1Probe,
    private readonly check: () => Promise<ProbeOutcome>,
    private readonly onResult: (ok: boolean, outcome: ProbeOutcome) => void,
    private readonly onFailure: (outcome: ProbeOutcome) => void,
  ) {}

  start(): void {
    const { initialDelayMs } = probeTiming(this.probe);
    this.timer = setTimeout(() => void this.tick(), initialDelayMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    const { periodMs, successThreshold, failureThreshold } = probeTiming(this.probe);
    const started = Date.now();
    const outcome = await this.check().catch((error: Error) => ({
      ok: false,
      message: error.message,
    }));
    if (this.stopped) return;
    if (outcome.ok) {
      this.failures = 0;
      this.successes += 1;
      if (this.result !== true && this.successes >= successThreshold) {
        this.result = true;
        this.onResult(true, outcome);
      }
    } else {
      this.successes = 0;
      this.failures += 1;
      this.onFailure(outcome);
      if (this.result !== false && this.failures >= failureThreshold) {
        this.result = false;
        this.onResult(false, outcome);
      }
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), Math.max(0, periodMs - (Date.now() - started)));
  }
}
