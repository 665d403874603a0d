import { writeFile } from 'node:fs/promises';
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Harness } from '../cluster/harness';
import type { PodRunner } from '../pod/pod-runner';
import { clusterObjects, podObject } from './objects';
import { releaseSecret, type ReleaseInfo } from './release-secret';
import { SelectorError, fieldMatcher, labelMatcher, type KubeObject } from './selectors';
import { ObjectStore } from './store';

interface Resource {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
}

const r = (
  group: string,
  version: string,
  plural: string,
  kind: string,
  namespaced = true,
): Resource => ({
  group,
  version,
  plural,
  kind,
  namespaced,
});

/** What the facade serves: the kinds a release has, under their API groups. */
const RESOURCES: Resource[] = [
  r('', 'v1', 'pods', 'Pod'),
  r('', 'v1', 'secrets', 'Secret'),
  r('', 'v1', 'configmaps', 'ConfigMap'),
  r('', 'v1', 'services', 'Service'),
  r('', 'v1', 'endpoints', 'Endpoints'),
  r('', 'v1', 'events', 'Event'),
  r('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim'),
  r('', 'v1', 'namespaces', 'Namespace', false),
  r('apps', 'v1', 'deployments', 'Deployment'),
  r('apps', 'v1', 'statefulsets', 'StatefulSet'),
  r('apps', 'v1', 'replicasets', 'ReplicaSet'),
  r('batch', 'v1', 'jobs', 'Job'),
  r('networking.k8s.io', 'v1', 'ingresses', 'Ingress'),
  r('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler'),
];

const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const PORT_FORWARD_PROTOCOLS = ['v4.channel.k8s.io'];
const EXEC_TIMEOUT_MS = 120_000;

export interface FacadeOptions {
  /** The Helm release to show (`helm status`/`helm list` read its Secret). */
  release?: ReleaseInfo;
  /** Context name in the generated kubeconfig. */
  context?: string;
  kubeconfigPath: string;
}

/**
 * A Kubernetes API server on 127.0.0.1 backed by the harness, for tools written against a
 * cluster (`pakaura verify`, client-node, kubectl, helm): pods are the harness's pods with the
 * status it tracks, and list/get/watch follow them; deleting a pod deletes it in the harness,
 * whose controller brings it back its own way; `exec` is `docker exec` in the container;
 * port-forward connects to the pod's address inside the pods' network; logs are the container's.
 * Secrets, ConfigMaps, Services (with their addresses), Endpoints, the Ingress (its address
 * 127.0.0.1), workloads with live replica counts, events and the release Secret are served as a
 * cluster would. Writes other than deleting pods are refused: the render is the source of truth.
 * Like `kubectl proxy`, it listens on 127.0.0.1 only and asks for no credentials (client-go sends
 * none over plain http anyway).
 */
export class KubeFacade {
  readonly store = new ObjectStore();
  url = '';
  private server?: Server;
  private readonly wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered, req) => {
      const wanted = req.url?.includes('/portforward') ? PORT_FORWARD_PROTOCOLS : EXEC_PROTOCOLS;
      return wanted.find((p) => offered.has(p)) ?? false;
    },
  });
  private readonly forwards = new Map<string, Set<WebSocket>>();
  private unsubscribe?: () => void;
  private pending = false;

  private constructor(
    private readonly harness: Harness,
    private readonly options: FacadeOptions,
  ) {}

  static async start(harness: Harness, options: FacadeOptions): Promise<KubeFacade> {
    const facade = new KubeFacade(harness, options);
    facade.sync();
    facade.unsubscribe = harness.onChange(() => facade.scheduleSync());
    await facade.listen();
    return facade;
  }

  get context(): string {
    return this.options.context ?? 'kube-harness';
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  private async listen(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const kubeconfig = {
      apiVersion: 'v1',
      kind: 'Config',
      // client-node refuses plain http unless TLS verification is off (there is no TLS to verify).
      clusters: [
        { name: 'kube-harness', cluster: { server: this.url, 'insecure-skip-tls-verify': true } },
      ],
      users: [{ name: 'kube-harness', user: {} }],
      contexts: [
        {
          name: this.context,
          context: {
            cluster: 'kube-harness',
            user: 'kube-harness',
            namespace: this.harness.manifests.namespace,
          },
        },
      ],
      'current-context': this.context,
    };
    await writeFile(this.options.kubeconfigPath, JSON.stringify(kubeconfig, null, 2), {
      mode: 0o600,
    });
  }

  private scheduleSync(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      this.sync();
    });
  }

  /** Mirrors the harness into the store: only real changes become watch events. */
  private sync(): void {
    const objects = clusterObjects(this.harness);
    if (this.options.release)
      objects.push({
        plural: 'secrets',
        object: releaseSecret(this.options.release) as KubeObject,
      });
    const pods = this.harness.allPods();
    for (const pod of pods) objects.push({ plural: 'pods', object: podObject(pod) });
    const wanted = new Set(
      objects.map(
        ({ plural, object }) =>
          `${plural}/${object.metadata?.namespace ?? ''}/${object.metadata?.name}`,
      ),
    );
    for (const { plural, object } of objects) {
      const resource = RESOURCES.find((res) => res.plural === plural);
      this.store.put(plural, { apiVersion: apiVersion(resource), kind: resource?.kind, ...object });
    }
    for (const resource of RESOURCES) {
      for (const { namespace, name } of this.store.keys(resource.plural)) {
        if (!wanted.has(`${resource.plural}/${namespace ?? ''}/${name}`))
          this.store.remove(resource.plural, namespace, name);
      }
    }
    const alive = new Set(pods.map((p) => `${p.namespace}/${p.name}/${p.uid}`));
    for (const [key, sockets] of this.forwards) {
      if (!alive.has(key)) {
        sockets.forEach((ws) => ws.terminate());
        this.forwards.delete(key);
      }
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://kube-harness');
    if (url.pathname === '/version') {
      return json(res, 200, {
        major: '1',
        minor: '29',
        gitVersion: 'v1.29.0-kube-harness',
        platform: 'linux/amd64',
      });
    }
    if (['/livez', '/readyz', '/healthz'].includes(url.pathname))
      return void res.writeHead(200).end('ok');
    if (url.pathname === '/api') return json(res, 200, { kind: 'APIVersions', versions: ['v1'] });
    if (url.pathname === '/apis') return json(res, 200, apiGroups());
    const resources = resourceList(url.pathname);
    if (resources) return json(res, 200, resources);
    const target = parsePath(url.pathname);
    if (!target)
      return status(res, 404, 'NotFound', 'the server could not find the requested resource');
    try {
      await this.route(target, req, res, url.searchParams);
    } catch (error) {
      if (error instanceof SelectorError) return status(res, 400, 'BadRequest', error.message);
      status(res, 500, 'InternalError', (error as Error).message);
    }
  }

  private async route(
    target: { resource: Resource; namespace?: string; name?: string; subresource?: string },
    req: IncomingMessage,
    res: ServerResponse,
    query: URLSearchParams,
  ): Promise<void> {
    const { resource, namespace, name, subresource } = target;
    const method = req.method ?? 'GET';
    const selectors = {
      labelSelector: query.get('labelSelector') ?? undefined,
      fieldSelector: query.get('fieldSelector') ?? undefined,
    };
    if (!name) {
      if (method !== 'GET') return refuseWrite(res, method, resource);
      if (query.get('watch') === 'true' || query.get('watch') === '1')
        return this.watch(resource, namespace, selectors, query, req, res);
      return json(res, 200, {
        apiVersion: apiVersion(resource),
        kind: `${resource.kind}List`,
        metadata: { resourceVersion: String(this.store.revision) },
        items: this.store.list(resource.plural, namespace, selectors),
      });
    }
    const current = this.store.get(resource.plural, namespace, name);
    if (!current) return status(res, 404, 'NotFound', `${resource.plural} "${name}" not found`);
    if (resource.plural === 'pods' && subresource === 'log') return this.logs(current, query, res);
    if (subresource === 'exec' || subresource === 'portforward') {
      return status(res, 400, 'BadRequest', 'Upgrade request required');
    }
    if (subresource)
      return status(res, 404, 'NotFound', `${resource.plural} "${name}" has no ${subresource}`);
    if (method === 'GET') return json(res, 200, current);
    if (method === 'DELETE' && resource.plural === 'pods') {
      const body = await readBody(req);
      const grace =
        (JSON.parse(body || '{}') as { gracePeriodSeconds?: number }).gracePeriodSeconds ??
        numberOr(query.get('gracePeriodSeconds'));
      const pod = this.harness.findPod(namespace ?? '', name);
      if (pod) await this.harness.deletePod(pod.namespace, pod.name, grace);
      this.sync();
      return json(res, 200, this.store.get('pods', namespace, name) ?? current);
    }
    return refuseWrite(res, method, resource);
  }

  private watch(
    resource: Resource,
    namespace: string | undefined,
    selectors: { labelSelector?: string; fieldSelector?: string },
    query: URLSearchParams,
    req: IncomingMessage,
    res: ServerResponse,
  ): void {
    const byLabel = labelMatcher(selectors.labelSelector);
    const byField = fieldMatcher(selectors.fieldSelector);
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    const send = (type: string, object: KubeObject) =>
      res.write(`${JSON.stringify({ type, object })}\n`);
    const from = query.get('resourceVersion');
    let since = Number(from);
    if (!from || from === '0') {
      for (const object of this.store.list(resource.plural, namespace, selectors))
        send('ADDED', object);
      since = this.store.revision;
    }
    const stop = this.store.watch(since, (event) => {
      if (event.plural !== resource.plural) return;
      if (namespace !== undefined && event.object.metadata?.namespace !== namespace) return;
      if (!byLabel(event.object) || !byField(event.object)) return;
      send(event.type, event.object);
    });
    const seconds = Number(query.get('timeoutSeconds') ?? 0);
    const timer = seconds > 0 ? setTimeout(() => res.end(), seconds * 1000) : undefined;
    const finish = () => {
      stop();
      if (timer) clearTimeout(timer);
    };
    req.on('close', finish);
    res.on('close', finish);
  }

  private async logs(pod: KubeObject, query: URLSearchParams, res: ServerResponse): Promise<void> {
    const runner = this.harness.findPod(
      String(pod.metadata?.namespace),
      String(pod.metadata?.name),
    );
    if (!runner) return status(res, 404, 'NotFound', `pods "${pod.metadata?.name}" not found`);
    const containers = runner.containerNames();
    const container =
      query.get('container') ?? (containers.length === 1 ? containers[0] : undefined);
    if (!container) {
      return status(
        res,
        400,
        'BadRequest',
        `a container name must be specified for pod ${runner.name}, choose one of: [${containers.join(' ')}]`,
      );
    }
    const previous = query.get('previous') === 'true';
    if (!runner.dockerName(container, previous)) {
      const message = previous
        ? `previous terminated container "${container}" in pod "${runner.name}" not found`
        : `container "${container}" in pod "${runner.name}" is waiting to start: ContainerCreating`;
      return status(res, 400, 'BadRequest', message);
    }
    const tail = query.get('tailLines');
    const lines = await runner.logs(container, tail ? Number(tail) : undefined, previous);
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(lines.map((line) => `${line}\n`).join(''));
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://kube-harness');
    const target = parsePath(url.pathname);
    if (!target?.name || target.resource.plural !== 'pods')
      return refuse(socket, 404, 'the server could not find the requested resource');
    const pod = this.harness.findPod(target.namespace ?? '', target.name);
    if (!pod || pod.deleting || pod.phase !== 'Running') {
      return refuse(
        socket,
        pod ? 400 : 404,
        pod ? `pod ${target.name} is not running` : `pods "${target.name}" not found`,
      );
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      if (target.subresource === 'exec') void this.exec(pod, url.searchParams, ws);
      else if (target.subresource === 'portforward')
        void this.portForward(pod, url.searchParams, ws);
      else ws.close(1008, 'unknown subresource');
    });
  }

  /** `kubectl exec` without stdin: docker exec, then stdout, stderr and the exit Status. */
  private async exec(pod: PodRunner, query: URLSearchParams, ws: WebSocket): Promise<void> {
    const command = query.getAll('command');
    const container = query.get('container') || undefined;
    const result = await pod.exec(container, command, EXEC_TIMEOUT_MS);
    if (ws.readyState !== ws.OPEN) return;
    if (result.stdout) ws.send(frame(1, Buffer.from(result.stdout)));
    if (result.stderr) ws.send(frame(2, Buffer.from(result.stderr)));
    const exit =
      result.exitCode === 0
        ? { metadata: {}, status: 'Success' }
        : {
            metadata: {},
            status: 'Failure',
            message: `command terminated with non-zero exit code: exit status ${result.exitCode}`,
            reason: 'NonZeroExitCode',
            details: { causes: [{ reason: 'ExitCode', message: String(result.exitCode) }] },
          };
    ws.send(frame(3, Buffer.from(JSON.stringify(exit))));
    ws.close(1000);
  }

  /**
   * One forwarded connection per WebSocket (client-node opens one per TCP connection): the port
   * number first on channels 0 and 1, then data on 0 and errors on 1, to the pod's address.
   */
  private async portForward(pod: PodRunner, query: URLSearchParams, ws: WebSocket): Promise<void> {
    const port = Number(query.get('ports'));
    const portBytes = Buffer.alloc(2);
    portBytes.writeUInt16LE(port);
    ws.send(frame(0, portBytes));
    ws.send(frame(1, portBytes));
    const queued: Buffer[] = [];
    let tcp: Socket | undefined;
    let closed = false;
    ws.on('message', (data: Buffer) => {
      if (data[0] !== 0) return;
      if (tcp) tcp.write(data.subarray(1));
      else queued.push(data.subarray(1));
    });
    ws.on('close', () => {
      closed = true;
      tcp?.end();
    });
    try {
      tcp = await this.harness.connect(pod.podIP ?? '', port, 5_000);
    } catch (error) {
      if (ws.readyState === ws.OPEN) {
        ws.send(
          frame(
            1,
            Buffer.from(
              `error forwarding port ${port} to pod ${pod.uid}, uid : ${(error as Error).message}`,
            ),
          ),
        );
        ws.close(1000);
      }
      return;
    }
    if (closed) return void tcp.destroy();
    const key = `${pod.namespace}/${pod.name}/${pod.uid}`;
    const tracked = this.forwards.get(key) ?? new Set<WebSocket>();
    tracked.add(ws);
    this.forwards.set(key, tracked);
    queued.forEach((chunk) => tcp?.write(chunk));
    tcp.on('data', (data: Buffer) => ws.readyState === ws.OPEN && ws.send(frame(0, data)));
    tcp.on('close', () => {
      tracked.delete(ws);
      if (ws.readyState === ws.OPEN) ws.close(1000);
    });
    tcp.on('error', (error) => {
      if (ws.readyState === ws.OPEN) ws.send(frame(1, Buffer.from(error.message)));
    });
  }
}

function parsePath(
  pathname: string,
): { resource: Resource; namespace?: string; name?: string; subresource?: string } | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') [group, version, rest] = ['', parts[1], parts.slice(2)];
  else if (parts[0] === 'apis') [group, version, rest] = [parts[1], parts[2], parts.slice(3)];
  else return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, subresource] = rest;
  const resource = RESOURCES.find(
    (res) => res.group === group && res.version === version && res.plural === plural,
  );
  return resource ? { resource, namespace, name, subresource } : undefined;
}

function apiVersion(resource: Resource | undefined): string {
  if (!resource) return 'v1';
  return resource.group ? `${resource.group}/${resource.version}` : resource.version;
}

function apiGroups() {
  const groups = [
    ...new Set(RESOURCES.filter((res) => res.group).map((res) => `${res.group}/${res.version}`)),
  ];
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map((gv) => {
      const [name, version] = gv.split('/');
      return {
        name,
        versions: [{ groupVersion: gv, version }],
        preferredVersion: { groupVersion: gv, version },
      };
    }),
  };
}

const SHORT_NAMES: Record<string, string[]> = {
  pods: ['po'],
  services: ['svc'],
  endpoints: ['ep'],
  events: ['ev'],
  configmaps: ['cm'],
  persistentvolumeclaims: ['pvc'],
  namespaces: ['ns'],
  deployments: ['deploy'],
  statefulsets: ['sts'],
  replicasets: ['rs'],
  ingresses: ['ing'],
  horizontalpodautoscalers: ['hpa'],
};

/** Discovery (`/api/v1`, `/apis/<group>/<version>`), so kubectl can name the kinds. */
function resourceList(pathname: string) {
  const groupVersion =
    pathname === '/api/v1' ? 'v1' : /^\/apis\/([^/]+\/[^/]+)$/.exec(pathname)?.[1];
  if (!groupVersion) return undefined;
  const served = RESOURCES.filter((res) => apiVersion(res) === groupVersion);
  if (served.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources: served.map((res) => ({
      name: res.plural,
      singularName: res.kind.toLowerCase(),
      namespaced: res.namespaced,
      kind: res.kind,
      verbs: res.plural === 'pods' ? ['get', 'list', 'watch', 'delete'] : ['get', 'list', 'watch'],
      shortNames: SHORT_NAMES[res.plural] ?? [],
    })),
  };
}

function numberOr(value: string | null): number | undefined {
  return value === null ? undefined : Number(value);
}

function frame(channel: number, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from([channel]), data]);
}

function json(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function status(res: ServerResponse, code: number, reason: string, message: string): void {
  json(res, code, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  });
}

function refuseWrite(res: ServerResponse, method: string, resource: Resource): void {
  status(
    res,
    405,
    'MethodNotAllowed',
    `${method} on ${resource.plural} is not served: the harness runs a render as it is; only deleting pods is allowed`,
  );
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
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
