import type { V1Ingress, V1IngressBackend } from '@kubernetes/client-node';
import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Where a request goes: a Service port, found by the Ingress's rules. */
export interface IngressRoute {
  ingress: V1Ingress;
  backend: V1IngressBackend;
}

/** How the Ingress reaches a Service: its address and port, and whether any pod behind it is Ready. */
export interface ServiceDialer {
  /** undefined when there is no such Service or port. */
  resolve(
    namespace: string,
    service: string,
    port: number | string,
  ): { ip: string; port: number; ready: boolean } | undefined;
  connect(ip: string, port: number, timeoutMs: number): Promise<Socket>;
}

/**
 * The Ingress's routing, as ingress-nginx applies it: rules match the request's host exactly (a
 * rule without host matches any), then the longest matching path (`Prefix` by whole path
 * segments, `Exact`, `ImplementationSpecific` as a prefix); no match is a 404.
 */
export function matchRoute(
  ingresses: V1Ingress[],
  host: string,
  path: string,
): IngressRoute | undefined {
  let best: { route: IngressRoute; length: number } | undefined;
  for (const ingress of ingresses) {
    for (const rule of ingress.spec?.rules ?? []) {
      if (rule.host && rule.host !== host) continue;
      for (const candidate of rule.http?.paths ?? []) {
        const wanted = candidate.path ?? '/';
        const type = candidate.pathType ?? 'ImplementationSpecific';
        const matches =
          type === 'Exact'
            ? path === wanted
            : type === 'Prefix'
              ? prefixMatches(wanted, path)
              : path.startsWith(wanted);
        if (matches && (!best || wanted.length > best.length)) {
          best = { route: { ingress, backend: candidate.backend }, length: wanted.length };
        }
      }
    }
    if (!best && ingress.spec?.defaultBackend) {
      best = { route: { ingress, backend: ingress.spec.defaultBackend }, length: 0 };
    }
  }
  return best?.route;
}

function prefixMatches(prefix: string, path: string): boolean {
  const trimmed = prefix === '/' ? '' : prefix.replace(/\/+$/, '');
  return trimmed === '' || path === trimmed || path.startsWith(`${trimmed}/`);
}

/** `1m` → 1048576 (nginx's size syntax); `0` means no limit. */
export function nginxSize(value: string | undefined): number | undefined {
  const match = /^(\d+)([kKmMgG]?)$/.exec(value ?? '');
  if (!match) return undefined;
  const factor = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2].toLowerCase()] ?? 1;
  return Number(match[1]) * factor;
}

/**
 * The Ingress on one address (127.0.0.1, a port of its own): routes each request by host and
 * path to a Service, through the gateway to its address inside the pods' network, adding the
 * X-Forwarded-* headers ingress-nginx adds. It accepts origin-form requests (`GET /path`, Host
 * header) and absolute-form ones (`GET http://host/path`), so a browser can use it as its HTTP
 * proxy and open `http://pakaura.local/` as a user would. No ready pod behind the Service is a
 * 503; an unreachable one a 502; a body over `proxy-body-size` a 413.
 */
export class IngressServer {
  private server?: Server;
  port = 0;

  /**
   * @param hostsEntry a host name to serve requests that name the Ingress's own address
   * (`127.0.0.1:<port>`, `localhost:<port>`) as: what the line `127.0.0.1 pakaura.local` in a
   * laptop's /etc/hosts does, for clients (a test runner) that cannot be given that line.
   */
  constructor(
    private readonly ingresses: () => V1Ingress[],
    private readonly dialer: ServiceDialer,
    private readonly hostsEntry?: string,
  ) {}

  async listen(port = 0): Promise<number> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this.port;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
      if (!this.server) resolve();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const absolute = /^https?:\/\//i.test(req.url ?? '');
    const target = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const named = (
      absolute ? target.hostname : (req.headers.host ?? '').replace(/:\d+$/, '')
    ).toLowerCase();
    const host =
      this.hostsEntry && ['127.0.0.1', 'localhost'].includes(named) ? this.hostsEntry : named;
    const route = matchRoute(this.ingresses(), host, target.pathname);
    if (!route) return fail(res, 404, 'Not Found');
    const annotations = route.ingress.metadata?.annotations ?? {};
    const limit =
      nginxSize(annotations['nginx.ingress.kubernetes.io/proxy-body-size']) ?? 1024 ** 2;
    if (limit > 0 && Number(req.headers['content-length'] ?? 0) > limit) {
      return fail(res, 413, 'Request Entity Too Large');
    }
    const service = route.backend.service;
    const namespace = route.ingress.metadata?.namespace ?? 'default';
    const address =
      service &&
      this.dialer.resolve(
        namespace,
        service.name,
        service.port?.number ?? service.port?.name ?? 80,
      );
    if (!address) return fail(res, 503, 'Service Temporarily Unavailable');
    if (!address.ready) return fail(res, 503, 'Service Temporarily Unavailable');
    const readTimeoutMs =
      Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'] ?? 60) * 1000;
    let socket: Socket;
    try {
      socket = await this.dialer.connect(address.ip, address.port, 5_000);
    } catch {
      return fail(res, 502, 'Bad Gateway');
    }
    const client = req.socket.remoteAddress ?? '127.0.0.1';
    const forwardedFor = [req.headers['x-forwarded-for'], client].filter(Boolean).join(', ');
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    const upstream = request(
      {
        host: address.ip,
        port: address.port,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        // No `agent`: with one (even `agent: false`) node ignores createConnection and dials
        // the address itself, from this machine's network instead of the pods'.
        createConnection: () => socket,
        headers: {
          ...headers,
          host: absolute ? target.host : (req.headers.host ?? host),
          'x-forwarded-for': forwardedFor,
          'x-real-ip': client,
          'x-forwarded-host': host,
          'x-forwarded-port': String(this.port),
          'x-forwarded-proto': 'http',
          'x-forwarded-scheme': 'http',
          connection: 'close',
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.setTimeout(readTimeoutMs, () => {
      upstream.destroy();
      if (!res.headersSent) fail(res, 504, 'Gateway Time-out');
      else res.destroy();
    });
    upstream.on('error', () => {
      if (!res.headersSent) fail(res, 502, 'Bad Gateway');
      else res.destroy();
    });
    req.pipe(upstream);
  }
}

function fail(res: ServerResponse, status: number, title: string): void {
  const body = `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  res.writeHead(status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
