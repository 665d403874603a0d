import type { CoreV1Event, V1ConfigMap, V1Pod, V1Secret } from '@kubernetes/client-node';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerCli } from '../docker/cli';
import { desiredReplicas, type Manifests } from '../manifests/load';
import { Gateway } from '../net/gateway';
import { IngressServer } from '../net/ingress';
import { PodNetwork } from '../net/pod-network';
import type { ConfigSource } from '../pod/env';
import { PodRunner, type ContainerExit, type PodHost } from '../pod/pod-runner';
import {
  BarePodController,
  DeploymentController,
  JobController,
  StatefulSetController,
  type Controller,
  type PodScheduler,
} from './controllers';
import { hostsFile } from './hosts';
import { endpointsOf, hostEntries, serviceRoutes, targetPort, type ServiceState } from './services';

export interface HarnessOptions {
  /** Names every container, the network namespace and the state directory; random by default. */
  runId?: string;
  /** Where pods' volumes, claims and generated files live; `$TMPDIR/pakaura-harness-<runId>`. */
  stateDir?: string;
  pauseImage?: string;
  docker?: DockerCli;
  /** Port of the Ingress on 127.0.0.1 (0: any free one). */
  ingressPort?: number;
  /** Serve requests to the Ingress's own address as addressed to this host (see IngressServer). */
  ingressHostsEntry?: string;
}

/** The label every container the harness creates carries (clean up by it, and only by it). */
export const HARNESS_LABEL = 'pakaura.harness';
export const RUN_LABEL = 'pakaura.harness.run';

/**
 * Runs a rendered release on the Docker engine the way a kubelet and the controllers would
 * (see README.md): it owns the pods' network namespace and gateway, the controllers of every
 * workload, the Services' addresses and the Ingress; it knows every pod's status and the events
 * a cluster would record. Everything it starts carries `pakaura.harness.run=<runId>`; stop()
 * removes it all.
 */
export class Harness implements PodScheduler {
  readonly runId: string;
  readonly stateDir: string;
  readonly startedAt = Date.now();
  readonly controllers: Controller[] = [];
  readonly services: ServiceState[] = [];
  readonly events: CoreV1Event[] = [];
  readonly docker: DockerCli;
  readonly ingress: IngressServer;
  private readonly pods = new Set<PodRunner>();
  private readonly owners = new Map<PodRunner, Controller>();
  private readonly exits = new Map<string, ContainerExit>();
  private readonly exitWaiters = new Map<string, (exit: ContainerExit) => void>();
  private readonly oomKilled = new Set<string>();
  private readonly images = new Map<string, { user?: string }>();
  private readonly listeners = new Set<() => void>();
  private network?: PodNetwork;
  private gateway?: Gateway;
  private stopEvents?: () => void;
  private syncing = false;
  private dirty = false;
  private stopped = false;

  private constructor(
    readonly manifests: Manifests,
    private readonly options: HarnessOptions,
  ) {
    this.runId = options.runId ?? randomBytes(3).toString('hex');
    this.stateDir = options.stateDir ?? join(tmpdir(), `pakaura-harness-${this.runId}`);
    this.docker = options.docker ?? new DockerCli();
    this.ingress = new IngressServer(
      () => this.manifests.ingresses,
      {
        resolve: (namespace, service, port) => this.resolveService(namespace, service, port),
        connect: (ip, port, timeoutMs) => this.connect(ip, port, timeoutMs),
      },
      options.ingressHostsEntry,
    );
  }

  /**
   * Creates the network namespace, its bridge and gateway, the Services' addresses and the
   * Ingress, then starts every workload. Returns at once: wait with `waitForWorkloads()`.
   */
  static async start(manifests: Manifests, options: HarnessOptions = {}): Promise<Harness> {
    const harness = new Harness(manifests, options);
    try {
      await harness.boot();
    } catch (error) {
      await harness.stop();
      throw error;
    }
    return harness;
  }

  get labels(): Record<string, string> {
    return { [HARNESS_LABEL]: '1', [RUN_LABEL]: this.runId };
  }

  get networkName(): string {
    return `pkh-${this.runId}`;
  }

  /** Every pod that exists now (deleted ones until they are gone). */
  allPods(): PodRunner[] {
    return [...this.pods];
  }

  findPod(namespace: string, name: string): PodRunner | undefined {
    return [...this.pods].find((p) => p.namespace === namespace && p.name === name);
  }

  ownerOf(pod: PodRunner): Controller | undefined {
    return this.owners.get(pod);
  }

  /** Called after every change of a pod, a Service's endpoints or an event. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A TCP connection to an address inside the pods' network (via the gateway). */
  connect(ip: string, port: number, timeoutMs = 5_000) {
    if (!this.gateway) throw new Error('the harness is not running');
    return this.gateway.connect(ip, port, timeoutMs);
  }

  /** Deletes a pod as `kubectl delete pod` does; its controller replaces it in its own way. */
  async deletePod(
    namespace: string,
    name: string,
    gracePeriodSeconds?: number,
  ): Promise<PodRunner | undefined> {
    const pod = this.findPod(namespace, name);
    if (!pod) return undefined;
    void pod.delete(gracePeriodSeconds);
    const owner = this.owners.get(pod);
    if (owner) void owner.podDeleted(pod);
    else void this.removePod(pod);
    return pod;
  }

  /** Starts `helm test`'s pods and resolves with each one's outcome and log. */
  async runTests(
    timeoutMs: number,
  ): Promise<{ name: string; phase: string; seconds: number; logs: string[] }[]> {
    const started = Date.now();
    const controllers = this.manifests.testPods.map(
      (pod) => new BarePodController(pod, this, true),
    );
    controllers.forEach((c) => {
      this.controllers.push(c);
      c.start();
    });
    return Promise.all(
      controllers.map(async (controller) => {
        const [pod] = controller.pods;
        const phase = await this.until(
          () => (['Succeeded', 'Failed'].includes(pod.phase) ? pod.phase : undefined),
          timeoutMs,
        ).catch(() => `${pod.phase} (not finished within ${timeoutMs / 1000} s)`);
        return {
          name: pod.name,
          phase,
          seconds: (Date.now() - started) / 1000,
          logs: await pod.logs(undefined, 20),
        };
      }),
    );
  }

  /** Resolves with `check()`'s first defined answer, checked after every change. */
  until<T>(check: () => T | undefined, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const tryNow = () => {
        const value = check();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const unsubscribe = this.onChange(tryNow);
      const cleanup = () => {
        clearTimeout(timer);
        unsubscribe();
      };
      tryNow();
    });
  }

  /** Removes every container, the network namespace, the gateway and the state directory. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.controllers.forEach((c) => c.stop());
    await this.ingress.close();
    // Supervision first, or a container killed by the removal would be restarted.
    await Promise.all(this.allPods().map((pod) => pod.halt()));
    await removeRun(this.docker, this.runId);
    this.stopEvents?.();
    this.gateway?.stop();
    await this.network?.destroy();
    await rm(this.stateDir, { recursive: true, force: true });
  }

  // PodScheduler

  runPod(pod: V1Pod, owner: Controller): PodRunner {
    const runner = new PodRunner(this.podHost(), pod);
    this.pods.add(runner);
    this.owners.set(runner, owner);
    void runner.start();
    this.notify();
    return runner;
  }

  async removePod(pod: PodRunner): Promise<void> {
    await pod.delete();
    this.pods.delete(pod);
    this.owners.delete(pod);
    this.sync();
  }

  // internals

  private async boot(): Promise<void> {
    await mkdir(join(this.stateDir, 'pods'), { recursive: true });
    await this.docker.run(['version', '--format', '{{.Server.Version}}']).catch((error: Error) => {
      throw new Error(`${error.message}. Start the engine: .ci/images/dockerd.sh start`);
    });
    const pause = this.options.pauseImage ?? 'pakaura-harness-pause:1';
    if (!(await this.imageConfig(pause))) {
      throw new Error(
        `The pause image ${pause} is not in the Docker engine: build it with .ci/images/pause-image.sh`,
      );
    }
    const events = this.docker.events(`${RUN_LABEL}=${this.runId}`, (event) =>
      this.onDockerEvent(event),
    );
    this.stopEvents = events.stop;
    await events.ready;
    this.network = await PodNetwork.create(this.networkName);
    this.gateway = await Gateway.start(this.network.path, join(this.stateDir, 'gateway.sock'));
    for (const service of this.manifests.services) {
      const headless = service.spec?.clusterIP === 'None';
      this.services.push({
        service,
        clusterIP: headless ? undefined : await this.network.addServiceAddress(),
      });
    }
    await this.gateway.setServices(serviceRoutes(this.services, []));
    await this.ingress.listen(this.options.ingressPort ?? 0);
    const m = this.manifests;
    for (const statefulSet of m.statefulSets)
      this.controllers.push(new StatefulSetController(statefulSet, this));
    for (const deployment of m.deployments) {
      this.controllers.push(
        new DeploymentController(deployment, desiredReplicas(deployment, m.autoscalers), this),
      );
    }
    for (const job of m.jobs) this.controllers.push(new JobController(job, this));
    for (const pod of m.pods) this.controllers.push(new BarePodController(pod, this));
    this.controllers.forEach((c) => c.start());
  }

  private podHost(): PodHost {
    return {
      docker: this.docker,
      runId: this.runId,
      podsDir: join(this.stateDir, 'pods'),
      pauseImage: this.options.pauseImage ?? 'pakaura-harness-pause:1',
      config: this.configSource(),
      labels: this.labels,
      claimDir: (claim) => join(this.stateDir, 'claims', claim),
      imageConfig: (image) => this.imageConfig(image),
      attachNetwork: (pod, pid) =>
        (this.network as PodNetwork).attach(`${pod.namespace}/${pod.name}/${pod.uid}`, pid),
      detachNetwork: (pod, link) =>
        (this.network as PodNetwork).detach(`${pod.namespace}/${pod.name}/${pod.uid}`, link),
      connect: (host, port, timeoutMs) => this.connect(host, port, timeoutMs),
      hostsFor: (pod) =>
        hostsFile(
          {
            address: pod.podIP,
            hostname: pod.pod.spec?.hostname ?? pod.name,
            subdomain: pod.pod.spec?.subdomain,
            namespace: pod.namespace,
          },
          hostEntries(this.services, this.allPods()),
        ),
      exitOf: (id) => this.exitOf(id),
      changed: (pod) => {
        this.owners.get(pod)?.podChanged(pod);
        this.sync();
      },
      event: (pod, type, reason, message) => this.record(pod, type, reason, message),
    };
  }

  configSource(): ConfigSource {
    const find = <T extends V1Secret | V1ConfigMap>(list: T[], namespace: string, name: string) =>
      list.find((o) => o.metadata?.namespace === namespace && o.metadata?.name === name);
    return {
      secret: (namespace, name) => find(this.manifests.secrets, namespace, name),
      configMap: (namespace, name) => find(this.manifests.configMaps, namespace, name),
    };
  }

  private async imageConfig(image: string): Promise<{ user?: string } | undefined> {
    const known = this.images.get(image);
    if (known) return known;
    const result = await this.docker.tryRun([
      'image',
      'inspect',
      '--format',
      '{{json .Config}}',
      image,
    ]);
    if (result.exitCode !== 0) return undefined;
    const config = JSON.parse(result.stdout) as { User?: string };
    const entry = { user: config.User || undefined };
    this.images.set(image, entry);
    return entry;
  }

  private exitOf(id: string): Promise<ContainerExit> {
    const known = this.exits.get(id);
    if (known) {
      this.exits.delete(id);
      return Promise.resolve(known);
    }
    return new Promise((resolve) => this.exitWaiters.set(id, resolve));
  }

  private onDockerEvent(event: {
    status: string;
    id: string;
    attributes: Record<string, string>;
  }): void {
    if (event.status === 'oom') this.oomKilled.add(event.id);
    if (event.status !== 'die') return;
    const exit = {
      exitCode: Number(event.attributes['exitCode'] ?? 1),
      oomKilled: this.oomKilled.delete(event.id),
    };
    const waiter = this.exitWaiters.get(event.id);
    if (waiter) {
      this.exitWaiters.delete(event.id);
      waiter(exit);
    } else this.exits.set(event.id, exit);
  }

  private resolveService(namespace: string, name: string, port: number | string) {
    const state = this.services.find(
      (s) => s.service.metadata?.namespace === namespace && s.service.metadata?.name === name,
    );
    const servicePort = state?.service.spec?.ports?.find((p) => p.port === port || p.name === port);
    if (!state || !servicePort) return undefined;
    const ready = endpointsOf(state.service, this.allPods()).some(
      (pod) => targetPort(servicePort, pod) !== undefined,
    );
    if (state.clusterIP) return { ip: state.clusterIP, port: servicePort.port, ready };
    const [pod] = endpointsOf(state.service, this.allPods());
    if (!pod) return { ip: '', port: 0, ready: false };
    return {
      ip: pod.podIP as string,
      port: targetPort(servicePort, pod) ?? servicePort.port,
      ready,
    };
  }

  private record(
    pod: PodRunner,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void {
    const last = this.events.findLast(
      (e) => e.involvedObject.uid === pod.uid && e.reason === reason && e.message === message,
    );
    const now = new Date();
    if (last) {
      last.count = (last.count ?? 1) + 1;
      last.lastTimestamp = now;
    } else {
      this.events.push({
        metadata: { name: `${pod.name}.${randomUUID().slice(0, 8)}`, namespace: pod.namespace },
        involvedObject: {
          kind: 'Pod',
          name: pod.name,
          namespace: pod.namespace,
          uid: pod.uid,
          apiVersion: 'v1',
        },
        type,
        reason,
        message,
        count: 1,
        firstTimestamp: now,
        lastTimestamp: now,
        source: { component: 'kubelet', host: 'kube-harness' },
      });
    }
    this.notify();
  }

  /** Pushes Service endpoints to the gateway and rewrites hosts files, one sync at a time. */
  private sync(): void {
    this.notify();
    if (this.syncing) {
      this.dirty = true;
      return;
    }
    this.syncing = true;
    void (async () => {
      do {
        this.dirty = false;
        if (this.stopped || !this.gateway) break;
        const pods = this.allPods();
        await this.gateway.setServices(serviceRoutes(this.services, pods)).catch(() => undefined);
        await Promise.all(pods.map((pod) => pod.refreshHosts()));
      } while (this.dirty);
      this.syncing = false;
    })();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Removes every container of a run, whatever state the harness was left in. */
export async function removeRun(docker: DockerCli, runId: string): Promise<number> {
  const ids = (await docker.tryRun(['ps', '-aq', '--filter', `label=${RUN_LABEL}=${runId}`])).stdout
    .split('\n')
    .filter(Boolean);
  if (ids.length > 0) await docker.tryRun(['rm', '-f', ...ids]);
  return ids.length;
}
