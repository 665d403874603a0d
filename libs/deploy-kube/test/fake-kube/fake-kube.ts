import { KubeConfig } from '@kubernetes/client-node';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleRequest } from './routes';
import type { KubeObject } from './selectors';
import { ObjectStore } from './store';
import {
  attachStreams,
  runLocally,
  type ExecHandler,
  type ExecRequest,
  type ExecResult,
} from './streams';
import { certificateUser, makeClusterCertificates, type ClusterCertificates } from './tls';
import { Workloads, type Pod, type Timing, type Workload } from './workloads';

export interface FakeKubeOptions {
  /** Context name in the generated kubeconfig; `minikube` passes the local-cluster guard. */
  context?: string;
  /** Namespace the kubeconfig's context selects. */
  namespace?: string;
  timing?: Partial<Timing>;
  /**
   * Serve HTTPS with a generated cluster CA and authenticate by client certificate, as minikube
   * and kind clusters do, so client-node's and kubectl's TLS paths run. Default: plain HTTP with a
   * bearer token.
   */
  tls?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
}

/** Where a port-forward (or `127.0.0.1:<port>` inside an exec) to a pod's port really goes. */
interface Backend {
  matches: (pod: Pod) => boolean;
  containerPort: number;
  localPort: () => number;
}

export type PodMatch = { pod: string } | { labels: Record<string, string> };

/**
 * A Kubernetes API server on 127.0.0.1 for tests: plain HTTP with a bearer token (or, with `tls`,
 * HTTPS with client certificates), and a kubeconfig file that points client-node (or kubectl) at it. Objects live in memory; pods behave as the
 * workloads they belong to say (see Workloads).
 */
export class FakeKube {
  readonly store = new ObjectStore();
  readonly workloads: Workloads;
  readonly requests: RecordedRequest[] = [];
  readonly token = `fake-token-${process.pid}`;
  readonly context: string;
  readonly namespace: string;
  readonly tls: boolean;
  /** The user the kubeconfig's client certificate names (minikube's is `minikube-user`). */
  readonly certificateUser: string;
  /** The generated CA and certificates when `tls` is on. */
  certificates?: ClusterCertificates;
  url = '';
  kubeconfigPath = '';
  /** Ends every watch after this many ms (0: only at `timeoutSeconds`), as a real server does now and then. */
  watchCloseAfterMs = 0;
  private server?: Server;
  private dir = '';
  private readonly logs = new Map<string, string[]>();
  private readonly backends: Backend[] = [];
  private readonly execHandlers: ExecHandler[] = [];
  private readonly forwards = new Map<string, Set<() => void>>();
  private readonly watches = new Map<ServerResponse, () => void>();
  private readonly closers: (() => void)[] = [];

  private constructor(options: FakeKubeOptions) {
    this.context = options.context ?? 'minikube';
    this.namespace = options.namespace ?? 'default';
    this.tls = options.tls ?? false;
    this.certificateUser = this.context.startsWith('kind-') ? 'kubernetes-admin' : 'minikube-user';
    this.workloads = new Workloads(this.store, {
      readyAfterMs: options.timing?.readyAfterMs ?? 150,
      terminateAfterMs: options.timing?.terminateAfterMs ?? 50,
    });
    this.workloads.on('pod-removed', (pod) => this.closeForwards(pod));
    this.store.watch(this.store.resourceVersion, (event) => {
      if (event.plural === 'pods') this.refreshWorkloadStatus(event.object as Pod);
    });
  }

  static async start(options: FakeKubeOptions = {}): Promise<FakeKube> {
    const kube = new FakeKube(options);
    await kube.listen();
    return kube;
  }

  /** A client-node KubeConfig loaded from the generated kubeconfig file. */
  kubeConfig(): KubeConfig {
    const kc = new KubeConfig();
    kc.loadFromFile(this.kubeconfigPath);
    return kc;
  }

  /**
   * Whether a request carries this server's credentials: the kubeconfig's bearer token, or (with
   * `tls`) a client certificate signed by the cluster CA for the kubeconfig's user.
   */
  authenticated(req: IncomingMessage): boolean {
    if (req.headers.authorization === `Bearer ${this.token}`) return true;
    return this.tls && certificateUser(req.socket) === this.certificateUser;
  }

  /** Routes port-forwards to `containerPort` of the matching pods to a port on 127.0.0.1. */
  setBackend(match: PodMatch, containerPort: number, localPort: number | (() => number)): void {
    const matches =
      'pod' in match
        ? (pod: Pod) => pod.metadata.name === match.pod
        : (pod: Pod) =>
            Object.entries(match.labels).every(([k, v]) => pod.metadata.labels?.[k] === v);
    const port = typeof localPort === 'number' ? () => localPort : localPort;
    this.backends.unshift({ matches, containerPort, localPort: port });
  }

  backendPort(pod: Pod, containerPort: number): number | undefined {
    return this.backends
      .find((b) => b.containerPort === containerPort && b.matches(pod))
      ?.localPort();
  }

  /** Handlers run newest first; the default runs `node` commands for real (see runLocally). */
  onExec(handler: ExecHandler): void {
    this.execHandlers.unshift(handler);
  }

  async exec(request: ExecRequest): Promise<ExecResult> {
    for (const handler of [...this.execHandlers, runLocally(this)]) {
      const result = await handler(request);
      if (result) return result;
    }
    return { stdout: '', stderr: 'no exec handler', exitCode: 1 };
  }

  appendLog(podName: string, line: string, container?: string): void {
    const key = `${podName}/${container ?? this.firstContainer(podName)}`;
    this.logs.set(key, [...(this.logs.get(key) ?? []), line]);
  }

  logsOf(podName: string, container: string): string[] {
    return this.logs.get(`${podName}/${container}`) ?? [];
  }

  /** Deletes an object as the API does: pods terminate and are replaced by their controller. */
  deleteObject(
    plural: string,
    namespace: string | undefined,
    name: string,
    gracePeriodSeconds?: number,
  ): KubeObject | undefined {
    if (plural === 'pods' && namespace)
      return this.workloads.deletePod(namespace, name, gracePeriodSeconds);
    return this.store.remove(plural, namespace, name);
  }

  /** Pods of a namespace, optionally by label selector. */
  pods(namespace = this.namespace, labelSelector?: string): Pod[] {
    return this.store.list<Pod>('pods', namespace, { labelSelector });
  }

  trackForward(pod: Pod, close: () => void): () => void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const set = this.forwards.get(key) ?? new Set();
    set.add(close);
    this.forwards.set(key, set);
    return () => set.delete(close);
  }

  trackWatch(res: ServerResponse, stop: () => void): void {
    this.watches.set(res, stop);
    res.on('close', () => this.watches.delete(res));
  }

  /** Ends every open watch now, as an API server restart or its request timeout does. */
  closeWatches(): void {
    for (const [res, stop] of this.watches) {
      stop();
      res.end();
    }
  }

  onClose(action: () => void): void {
    this.closers.push(action);
  }

  async close(): Promise<void> {
    this.workloads.stop();
    this.closeWatches();
    for (const action of this.closers) action();
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async listen(): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'pakaura-fake-kube-'));
    const handler = (req: IncomingMessage, res: ServerResponse) =>
      void handleRequest(this, req, res);
    let server: Server;
    if (this.tls) {
      this.certificates = makeClusterCertificates(this.dir, this.certificateUser);
      // kube-apiserver asks for a client certificate but does not require one: a connection
      // without it is anonymous (401 here, as with --anonymous-auth=false).
      server = createTlsServer(
        {
          key: this.certificates.serverKey,
          cert: this.certificates.serverCert,
          ca: this.certificates.caCert,
          requestCert: true,
          rejectUnauthorized: false,
        },
        handler,
      );
    } else {
      server = createServer(handler);
    }
    server.on('upgrade', attachStreams(this));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    const scheme = this.tls ? 'https' : 'http';
    this.url = `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.kubeconfigPath = join(this.dir, 'kubeconfig');
    writeFileSync(this.kubeconfigPath, JSON.stringify(this.kubeconfigDocument(), null, 2));
  }

  /**
   * Shaped like minikube's and kind's: the cluster entry carries the context's name. With `tls`,
   * a `kind-*` context embeds the CA and client certificate as base64 `*-data` fields (kind 0.24
   * pkg/cluster/internal/kubeconfig), any other names the files (minikube 1.34
   * pkg/minikube/kubeconfig, unless `--embed-certs`).
   */
  private kubeconfigDocument() {
    const certs = this.certificates;
    const embed = this.context.startsWith('kind-');
    const base64 = (pem: string) => Buffer.from(pem).toString('base64');
    const cluster = !certs
      ? { server: this.url, 'insecure-skip-tls-verify': true }
      : embed
        ? { server: this.url, 'certificate-authority-data': base64(certs.caCert) }
        : { server: this.url, 'certificate-authority': certs.files.ca };
    const user = !certs
      ? { token: this.token }
      : embed
        ? {
            'client-certificate-data': base64(certs.clientCert),
            'client-key-data': base64(certs.clientKey),
          }
        : { 'client-certificate': certs.files.clientCert, 'client-key': certs.files.clientKey };
    return {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: this.context, cluster }],
      users: [{ name: 'fake-user', user }],
      contexts: [
        {
          name: this.context,
          context: { cluster: this.context, user: 'fake-user', namespace: this.namespace },
        },
      ],
      'current-context': this.context,
    };
  }

  private closeForwards(pod: Pod): void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    for (const close of this.forwards.get(key) ?? []) close();
    this.forwards.delete(key);
  }

  private firstContainer(podName: string): string {
    const pod = this.store.list<Pod>('pods').find((p) => p.metadata.name === podName);
    return pod?.spec.containers[0]?.name ?? 'main';
  }

  /** Keeps `status.replicas/readyReplicas` of the pod's Deployment or StatefulSet current. */
  private refreshWorkloadStatus(pod: Pod): void {
    const namespace = pod.metadata.namespace;
    const owner = (
      pod.metadata['ownerReferences'] as { kind: string; name: string }[] | undefined
    )?.[0];
    if (!owner || !namespace) return;
    let plural = owner.kind === 'StatefulSet' ? 'statefulsets' : 'deployments';
    let name = owner.name;
    if (owner.kind === 'ReplicaSet') {
      const rs = this.store.get<Workload>('replicasets', namespace, owner.name);
      const deployment = (rs?.metadata['ownerReferences'] as { name: string }[] | undefined)?.[0];
      if (!deployment) return;
      plural = 'deployments';
      name = deployment.name;
    }
    const workload = this.store.get<Workload>(plural, namespace, name);
    if (!workload) return;
    const selector = Object.entries(workload.spec.selector?.matchLabels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    const owned = this.pods(namespace, selector).filter((p) => !p.metadata['deletionTimestamp']);
    const ready = owned.filter((p) =>
      p.status.conditions?.some(
        (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
      ),
    ).length;
    const status = {
      replicas: owned.length,
      readyReplicas: ready,
      availableReplicas: ready,
      updatedReplicas: owned.length,
    };
    if (JSON.stringify(workload.status ?? {}) === JSON.stringify(status)) return;
    this.store.update<Workload>(plural, namespace, name, (w) => {
      w.status = status;
    });
  }
}
