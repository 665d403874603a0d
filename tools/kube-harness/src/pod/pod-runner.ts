import type {
  V1Container,
  V1ContainerState,
  V1ContainerStatus,
  V1Pod,
  V1PodCondition,
} from '@kubernetes/client-node';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DockerCli } from '../docker/cli';
import { expandCommand, resolveEnv, type ConfigSource } from './env';
import { ContainerConfigError } from './errors';
import { ProbeLoop, runProbe, type ProbeKind, type ProbeOutcome } from './probes';
import { dockerRunArgs, envFileContent } from './run-args';
import { effectiveSecurity, podRef, verifyRunAsNonRoot } from './security';
import { prepareVolumes, VolumeError, type PreparedVolume } from './volumes';

/** How a container ended, from the engine. */
export interface ContainerExit {
  exitCode: number;
  oomKilled: boolean;
}

/** What a pod needs from the harness around it. */
export interface PodHost {
  docker: DockerCli;
  runId: string;
  podsDir: string;
  pauseImage: string;
  config: ConfigSource;
  labels: Record<string, string>;
  claimDir(claim: string): string;
  /** The image's config (its USER), or undefined when the engine does not have it. */
  imageConfig(image: string): Promise<{ user?: string } | undefined>;
  attachNetwork(pod: PodRunner, pid: number): Promise<{ address: string; link: string }>;
  detachNetwork(pod: PodRunner, link: string | undefined): Promise<void>;
  connect(host: string, port: number, timeoutMs: number): Promise<Socket>;
  /** The /etc/hosts the pod's containers see now. */
  hostsFor(pod: PodRunner): string;
  /** Resolves when the container stops (from `docker events`, never `docker wait`). */
  exitOf(containerId: string): Promise<ContainerExit>;
  changed(pod: PodRunner): void;
  event(pod: PodRunner, type: 'Normal' | 'Warning', reason: string, message: string): void;
}

interface Slot {
  spec: V1Container;
  init: boolean;
  attempt: number;
  restartCount: number;
  dockerName?: string;
  previousDockerName?: string;
  id?: string;
  state: V1ContainerState;
  lastState: V1ContainerState;
  ready: boolean;
  started: boolean;
  probes: ProbeLoop[];
  runningSince?: number;
}

const BACKOFF_START_S = 10;
const BACKOFF_MAX_S = 300;
const CONFIG_RETRY_MS = 10_000;

/**
 * One pod, run as a kubelet would: a pause container holding the pod's network namespace, the
 * init containers one after another until each succeeds, then every container at once, each with
 * its startup, readiness and liveness probes, restarted with the kubelet's back-off (10 s doubling
 * to 5 min) as the pod's restartPolicy says. Its `pod` object carries the status the API would
 * show (phase, conditions, container states, restart counts) and changes are reported to the host.
 */
export class PodRunner {
  readonly pod: V1Pod;
  readonly dir: string;
  deleting = false;
  private readonly slots: Slot[];
  private pause?: string;
  private link?: string;
  private volumes = new Map<string, PreparedVolume>();
  private finished?: Promise<void>;
  private removed?: Promise<void>;
  private readonly abort = new AbortController();
  private readonly supervisors: Promise<void>[] = [];
  private deadlineTimer?: NodeJS.Timeout;
  private readonly creating = new Set<Promise<unknown>>();

  constructor(
    private readonly host: PodHost,
    pod: V1Pod,
  ) {
    this.pod = structuredClone(pod);
    this.pod.status = { phase: 'Pending', conditions: [] };
    this.dir = join(host.podsDir, `${this.name}-${this.uid.slice(0, 8)}`);
    const slot = (spec: V1Container, init: boolean): Slot => ({
      spec,
      init,
      attempt: 0,
      restartCount: 0,
      state: { waiting: { reason: init ? 'PodInitializing' : 'ContainerCreating' } },
      lastState: {},
      ready: false,
      started: false,
      probes: [],
    });
    this.slots = [
      ...(pod.spec?.initContainers ?? []).map((c) => slot(c, true)),
      ...(pod.spec?.containers ?? []).map((c) => slot(c, false)),
    ];
  }

  get name(): string {
    return this.pod.metadata?.name ?? '';
  }

  get namespace(): string {
    return this.pod.metadata?.namespace ?? 'default';
  }

  get uid(): string {
    return this.pod.metadata?.uid ?? '';
  }

  get podIP(): string | undefined {
    return this.pod.status?.podIP;
  }

  get phase(): string {
    return this.pod.status?.phase ?? 'Pending';
  }

  get ready(): boolean {
    return !this.deleting && this.condition('Ready');
  }

  /** Starts the pod; resolves when it has finished (Succeeded/Failed) or was deleted. */
  start(): Promise<void> {
    this.finished ??= this.run().catch((error: Error) => {
      if (this.deleting) return;
      this.host.event(this, 'Warning', 'Failed', error.message);
      this.setPhase('Failed', 'HarnessError', error.message);
    });
    return this.finished;
  }

  /**
   * Stops the pod's supervision for good without touching its containers (the harness removes
   * them all by label next): nothing restarts a container after this resolves.
   */
  async halt(): Promise<void> {
    this.deleting = true;
    this.abort.abort();
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    for (const slot of this.slots) slot.probes.forEach((p) => p.stop());
    await Promise.allSettled([...this.creating]);
  }

  /** The docker container now running (or last run) for a container of the pod. */
  dockerName(container?: string, previous = false): string | undefined {
    const slot = this.slot(container);
    return previous ? slot?.previousDockerName : (slot?.dockerName ?? slot?.previousDockerName);
  }

  containerNames(): string[] {
    return this.slots.filter((s) => !s.init).map((s) => s.spec.name);
  }

  /** The last lines of a container's log (of its previous instance with `previous`). */
  async logs(container: string | undefined, lines?: number, previous = false): Promise<string[]> {
    const name = this.dockerName(container, previous);
    if (!name) return [];
    const text = await this.host.docker.logs(name, lines).catch(() => '');
    return text.split('\n').filter((line) => line.length > 0);
  }

  /** Runs a command in a running container (`docker exec`). */
  async exec(
    container: string | undefined,
    command: string[],
    timeoutMs: number,
  ): Promise<{ exitCode: number; stdout: string; stderr: string; timedOut: boolean }> {
    const slot = this.slot(container);
    if (!slot?.dockerName || !slot.state.running) {
      return {
        exitCode: 126,
        stdout: '',
        stderr: `container ${container ?? ''} is not running`,
        timedOut: false,
      };
    }
    return this.host.docker.tryRun(['exec', slot.dockerName, ...command], { timeoutMs });
  }

  /** The /etc/hosts of this pod changed: rewrite the file in place (its bind mounts see it). */
  async refreshHosts(): Promise<void> {
    if (!this.pause || this.deleting) return;
    await writeFile(join(this.dir, 'hosts'), this.host.hostsFor(this)).catch(() => undefined);
  }

  /**
   * Deletes the pod as the kubelet does: not Ready at once (so Services drop it), preStop hooks,
   * SIGTERM, SIGKILL after the grace period, then its containers, network and emptyDirs go.
   * PersistentVolumeClaim directories stay.
   */
  delete(gracePeriodSeconds?: number): Promise<void> {
    this.removed ??= this.terminate(
      gracePeriodSeconds ?? this.pod.spec?.terminationGracePeriodSeconds ?? 30,
    );
    return this.removed;
  }

  private async terminate(graceSeconds: number): Promise<void> {
    const started = Date.now();
    this.deleting = true;
    this.abort.abort();
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    this.pod.metadata = {
      ...this.pod.metadata,
      deletionTimestamp: new Date(),
      deletionGracePeriodSeconds: graceSeconds,
    };
    for (const slot of this.slots) slot.probes.forEach((p) => p.stop());
    this.refreshStatus();
    const running = this.slots.filter((s) => s.state.running && s.dockerName);
    for (const slot of running)
      this.host.event(this, 'Normal', 'Killing', `Stopping container ${slot.spec.name}`);
    await Promise.all(running.map((slot) => this.preStop(slot, graceSeconds)));
    const left = Math.max(0, Math.ceil(graceSeconds - (Date.now() - started) / 1000));
    await Promise.all(
      running.map((slot) =>
        this.host.docker.tryRun(['stop', '-t', String(left), slot.dockerName as string]),
      ),
    );
    await Promise.allSettled(this.supervisors);
    await this.removeContainers();
    this.host.changed(this);
  }

  private async preStop(slot: Slot, graceSeconds: number): Promise<void> {
    const hook = slot.spec.lifecycle?.preStop;
    if (!hook) return;
    const limitMs = graceSeconds * 1000;
    if (hook.exec?.command) {
      await this.exec(slot.spec.name, hook.exec.command, limitMs);
    } else if ((hook as { sleep?: { seconds: number } }).sleep) {
      const seconds = (hook as { sleep: { seconds: number } }).sleep.seconds;
      await sleep(Math.min(seconds * 1000, limitMs));
    } else if (hook.httpGet && this.podIP) {
      await runProbe(
        { httpGet: hook.httpGet, timeoutSeconds: graceSeconds },
        slot.spec,
        this.transport(slot),
      );
    }
  }

  private async removeContainers(): Promise<void> {
    const label = `label=pakaura.harness.pod-uid=${this.uid}`;
    const ids = (await this.host.docker.tryRun(['ps', '-aq', '--filter', label])).stdout
      .split('\n')
      .filter(Boolean);
    if (ids.length > 0) await this.host.docker.tryRun(['rm', '-f', ...ids]);
    await this.host.detachNetwork(this, this.link);
    await rm(this.dir, { recursive: true, force: true });
  }

  private async run(): Promise<void> {
    this.pod.status = {
      ...this.pod.status,
      startTime: new Date(),
      conditions: [condition('PodScheduled', true)],
    };
    this.refreshStatus();
    this.host.event(
      this,
      'Normal',
      'Scheduled',
      `Successfully assigned ${this.namespace}/${this.name} to kube-harness`,
    );
    const deadline = this.pod.spec?.activeDeadlineSeconds;
    if (deadline) {
      this.deadlineTimer = setTimeout(() => void this.deadlineExceeded(deadline), deadline * 1000);
    }
    await mkdir(join(this.dir, 'env'), { recursive: true, mode: 0o700 });
    this.volumes = await this.retryUntilDeleted(() =>
      prepareVolumes(this.pod, this.dir, (claim) => this.host.claimDir(claim), this.host.config),
    );
    if (this.deleting) return;
    await this.startPause();
    for (const slot of this.slots.filter((s) => s.init)) {
      const ok = await this.runInit(slot);
      if (!ok || this.deleting) return;
    }
    this.pod.status?.conditions?.push(condition('Initialized', true));
    for (const slot of this.slots.filter((s) => !s.init))
      this.supervisors.push(this.supervise(slot));
    this.refreshStatus();
    await Promise.all(this.supervisors);
    if (this.deleting) return;
    const failed = this.slots.some((s) => !s.init && (s.state.terminated?.exitCode ?? 0) !== 0);
    this.setPhase(failed ? 'Failed' : 'Succeeded');
  }

  /** Retries a step that fails with a FailedMount (as the kubelet keeps retrying) until deletion. */
  private async retryUntilDeleted<T>(step: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await step();
      } catch (error) {
        if (!(error instanceof VolumeError) || this.deleting) throw error;
        this.host.event(this, 'Warning', error.reason, error.message);
        await sleep(CONFIG_RETRY_MS, undefined, { signal: this.abort.signal }).catch(
          () => undefined,
        );
      }
    }
  }

  private async startPause(): Promise<void> {
    this.pause = `pkh-${this.host.runId}.${this.name}.${this.uid.slice(0, 8)}.pause`;
    const hostname = (this.pod.spec?.hostname ?? this.name).slice(0, 63);
    await writeFile(join(this.dir, 'resolv.conf'), RESOLV_CONF);
    await writeFile(join(this.dir, 'hosts'), '127.0.0.1 localhost\n');
    const started = this.host.docker.run([
      'run',
      '-d',
      '--name',
      this.pause,
      '--network',
      'none',
      '--ipc',
      'shareable',
      '--hostname',
      hostname,
      ...this.labelArgs('POD'),
      '--no-healthcheck',
      this.host.pauseImage,
    ]);
    this.creating.add(started);
    const id = (await started.finally(() => this.creating.delete(started))).trim();
    const pid = Number(
      (await this.host.docker.run(['inspect', '-f', '{{.State.Pid}}', id])).trim(),
    );
    const { address, link } = await this.host.attachNetwork(this, pid);
    this.link = link;
    this.pod.status = {
      ...this.pod.status,
      podIP: address,
      podIPs: [{ ip: address }],
      hostIP: '127.0.0.1',
    };
    await this.refreshHosts();
    this.refreshStatus();
  }

  /** An init container to completion: true when it succeeded, false when the pod failed or went. */
  private async runInit(slot: Slot): Promise<boolean> {
    for (;;) {
      const exit = await this.runOnce(slot);
      if (this.deleting) return false;
      if (exit && exit.exitCode === 0) {
        slot.ready = true;
        this.refreshStatus();
        return true;
      }
      if (exit && this.pod.spec?.restartPolicy === 'Never') {
        this.setPhase('Failed');
        return false;
      }
      await this.backOff(slot);
      if (this.deleting) return false;
    }
  }

  /** A container for the pod's lifetime: probes while it runs, restarts as the policy says. */
  private async supervise(slot: Slot): Promise<void> {
    const policy = this.pod.spec?.restartPolicy ?? 'Always';
    for (;;) {
      const exit = await this.runOnce(slot);
      if (this.deleting) return;
      if (exit && (policy === 'Never' || (policy === 'OnFailure' && exit.exitCode === 0))) return;
      await this.backOff(slot);
      if (this.deleting) return;
    }
  }

  /**
   * Creates and starts the container, runs its probes, and resolves with its exit. A container
   * that cannot be created (a missing Secret key, an image that is not there, a user the policy
   * refuses) stays waiting with the kubelet's reason and resolves undefined.
   */
  private async runOnce(slot: Slot): Promise<ContainerExit | undefined> {
    let id: string;
    try {
      id = await this.createContainer(slot);
    } catch (error) {
      if (this.deleting) return undefined;
      if (error instanceof ContainerConfigError) {
        slot.state = { waiting: { reason: error.reason, message: error.message } };
        this.refreshStatus();
        this.host.event(this, 'Warning', 'Failed', `Error: ${error.message}`);
        return undefined;
      }
      const message = (error as Error).message;
      slot.state = {
        terminated: {
          exitCode: 128,
          reason: 'StartError',
          message,
          startedAt: new Date(0),
          finishedAt: new Date(),
        },
      };
      this.refreshStatus();
      this.host.event(this, 'Warning', 'Failed', `Error: ${message}`);
      return { exitCode: 128, oomKilled: false };
    }
    slot.id = id;
    slot.runningSince = Date.now();
    slot.state = { running: { startedAt: new Date() } };
    this.host.event(this, 'Normal', 'Started', `Started container ${slot.spec.name}`);
    if (!slot.init) this.startProbes(slot);
    this.refreshStatus();
    const exit = await this.host.exitOf(id);
    slot.probes.forEach((p) => p.stop());
    slot.probes = [];
    slot.ready = false;
    slot.started = false;
    slot.state = {
      terminated: {
        exitCode: exit.exitCode,
        reason: exit.oomKilled ? 'OOMKilled' : exit.exitCode === 0 ? 'Completed' : 'Error',
        startedAt: slot.state.running?.startedAt ?? new Date(),
        finishedAt: new Date(),
        containerID: `docker://${id}`,
      },
    };
    this.refreshStatus();
    return exit;
  }

  private async createContainer(slot: Slot): Promise<string> {
    const container = slot.spec;
    const image = container.image ?? '';
    const imageConfig = await this.host.imageConfig(image);
    if (!imageConfig) {
      const never = container.imagePullPolicy === 'Never';
      throw new ContainerConfigError(
        never ? 'ErrImageNeverPull' : 'ErrImagePull',
        never
          ? `Container image "${image}" is not present with pull policy of Never`
          : `Container image "${image}" is not present in the Docker engine, and the harness pulls no image: build or load it first`,
      );
    }
    const security = effectiveSecurity(this.pod, container);
    const env = resolveEnv(this.pod, container, this.host.config, { podIP: this.podIP });
    verifyRunAsNonRoot(this.pod, container, security, imageConfig.user);
    slot.attempt += 1;
    const dockerName = `pkh-${this.host.runId}.${this.name}.${this.uid.slice(0, 8)}.${container.name}.${slot.attempt}`;
    const envFile = join(this.dir, 'env', `${container.name}.${slot.attempt}`);
    await writeFile(envFile, envFileContent(env), { mode: 0o600 });
    const argv = dockerRunArgs(this.pod, {
      dockerName,
      pause: this.pause as string,
      labels: this.labels(container.name),
      container,
      image,
      imageUser: imageConfig.user,
      security,
      command: expandCommand(container.command, env),
      args: expandCommand(container.args, env),
      volumes: this.volumes,
      hostsFile: join(this.dir, 'hosts'),
      resolvFile: join(this.dir, 'resolv.conf'),
      envFile,
      stopTimeoutSeconds: this.pod.spec?.terminationGracePeriodSeconds ?? 30,
    });
    if (slot.previousDockerName) {
      await this.host.docker.tryRun(['rm', '-f', slot.previousDockerName]);
    }
    slot.previousDockerName = slot.dockerName;
    slot.dockerName = dockerName;
    if (this.deleting)
      throw new ContainerConfigError('PodTerminating', `pod ${this.name} is being deleted`);
    this.host.event(this, 'Normal', 'Created', `Created container ${container.name}`);
    const run = this.host.docker.tryRun(argv);
    this.creating.add(run);
    const result = await run.finally(() => this.creating.delete(run));
    await rm(envFile, { force: true });
    if (result.exitCode !== 0) {
      const line = result.stderr.trim().split('\n').pop() ?? '';
      throw new Error(line.replace(/^docker: Error response from daemon: /, ''));
    }
    return result.stdout.trim();
  }

  private startProbes(slot: Slot): void {
    const spec = slot.spec;
    const transport = this.transport(slot);
    const make = (kind: ProbeKind, onResult: (ok: boolean, outcome: ProbeOutcome) => void) => {
      const probe =
        kind === 'Startup'
          ? spec.startupProbe
          : kind === 'Readiness'
            ? spec.readinessProbe
            : spec.livenessProbe;
      if (!probe) return undefined;
      return new ProbeLoop(
        kind,
        probe,
        () => runProbe(probe, spec, transport),
        onResult,
        (outcome) =>
          this.host.event(this, 'Warning', 'Unhealthy', `${kind} probe failed: ${outcome.message}`),
      );
    };
    const afterStartup = () => {
      slot.started = true;
      const readiness = make('Readiness', (ok) => {
        slot.ready = ok;
        this.refreshStatus();
      });
      const liveness = make('Liveness', (ok) => {
        if (!ok)
          void this.kill(slot, `Container ${spec.name} failed liveness probe, will be restarted`);
      });
      if (!readiness) slot.ready = true;
      for (const loop of [readiness, liveness]) {
        if (loop) {
          slot.probes.push(loop);
          loop.start();
        }
      }
      this.refreshStatus();
    };
    const startup = make('Startup', (ok) => {
      if (ok) {
        startup?.stop();
        afterStartup();
      } else void this.kill(slot, `Container ${spec.name} failed startup probe, will be restarted`);
    });
    if (startup) {
      slot.probes.push(startup);
      startup.start();
    } else afterStartup();
  }

  private transport(slot: Slot) {
    return {
      podIP: this.podIP ?? '',
      connect: (host: string, port: number, timeoutMs: number) =>
        this.host.connect(host, port, timeoutMs),
      exec: async (command: string[], timeoutMs: number) => {
        const result = await this.exec(slot.spec.name, command, timeoutMs);
        return {
          exitCode: result.exitCode,
          output: `${result.stdout}${result.stderr}`,
          timedOut: result.timedOut,
        };
      },
    };
  }

  /** Stops a running container the way the kubelet kills it for a failed probe. */
  private async kill(slot: Slot, message: string): Promise<void> {
    if (!slot.dockerName || this.deleting) return;
    slot.probes.forEach((p) => p.stop());
    this.host.event(this, 'Normal', 'Killing', message);
    const grace = this.pod.spec?.terminationGracePeriodSeconds ?? 30;
    await this.host.docker.tryRun(['stop', '-t', String(grace), slot.dockerName]);
  }

  /**
   * Waits before the next try: a container that could not be created is retried every 10 s
   * without counting a restart; one that exited restarts at once the first time, then after the
   * kubelet's back-off (10 s doubling to 5 min, reset after 10 min of running) in CrashLoopBackOff.
   */
  private async backOff(slot: Slot): Promise<void> {
    if (CONFIG_REASONS.has(slot.state.waiting?.reason ?? '')) {
      await sleep(CONFIG_RETRY_MS, undefined, { signal: this.abort.signal }).catch(() => undefined);
      return;
    }
    const ranLong = slot.runningSince !== undefined && Date.now() - slot.runningSince > 10 * 60_000;
    const backOffs = ranLong ? 0 : slot.restartCount;
    const delay =
      backOffs === 0 ? 0 : Math.min(BACKOFF_START_S * 2 ** (backOffs - 1), BACKOFF_MAX_S);
    const terminated = slot.state.terminated;
    if (terminated) slot.lastState = { terminated };
    slot.restartCount += 1;
    if (delay === 0) return;
    slot.state = {
      waiting: {
        reason: 'CrashLoopBackOff',
        message: `back-off ${delay}s restarting failed container=${slot.spec.name} pod=${podRef(this.pod)}`,
      },
    };
    this.refreshStatus();
    this.host.event(
      this,
      'Warning',
      'BackOff',
      `Back-off restarting failed container ${slot.spec.name} in pod ${podRef(this.pod)}`,
    );
    await sleep(delay * 1000, undefined, { signal: this.abort.signal }).catch(() => undefined);
  }

  private async deadlineExceeded(seconds: number): Promise<void> {
    if (this.deleting || ['Succeeded', 'Failed'].includes(this.phase)) return;
    this.host.event(
      this,
      'Warning',
      'DeadlineExceeded',
      `Pod was active on the node longer than the specified deadline (${seconds} s)`,
    );
    this.setPhase(
      'Failed',
      'DeadlineExceeded',
      `Pod was active on the node longer than the specified deadline`,
    );
    this.deleting = true;
    this.abort.abort();
    await Promise.all(
      this.slots
        .filter((s) => s.state.running && s.dockerName)
        .map((s) => this.host.docker.tryRun(['kill', s.dockerName as string])),
    );
  }

  private setPhase(phase: 'Succeeded' | 'Failed', reason?: string, message?: string): void {
    this.pod.status = {
      ...this.pod.status,
      phase,
      ...(reason ? { reason } : {}),
      ...(message ? { message } : {}),
    };
    this.refreshStatus();
  }

  private slot(container?: string): Slot | undefined {
    return container
      ? this.slots.find((s) => s.spec.name === container)
      : this.slots.find((s) => !s.init);
  }

  private condition(type: string): boolean {
    return (
      this.pod.status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false
    );
  }

  private labels(container: string): Record<string, string> {
    return {
      ...this.host.labels,
      'pakaura.harness.pod': `${this.namespace}/${this.name}`,
      'pakaura.harness.pod-uid': this.uid,
      'pakaura.harness.container': container,
    };
  }

  private labelArgs(container: string): string[] {
    return Object.entries(this.labels(container)).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
  }

  /** Recomputes phase, conditions and container statuses, then tells the host. */
  private refreshStatus(): void {
    const status = this.pod.status ?? {};
    const main = this.slots.filter((s) => !s.init);
    const init = this.slots.filter((s) => s.init);
    const initialized = init.every((s) => s.ready);
    const containersReady = !this.deleting && main.every((s) => s.ready && s.state.running);
    if (status.phase === 'Pending' && initialized && main.some((s) => s.state.running))
      status.phase = 'Running';
    const conditions: V1PodCondition[] = [
      condition('PodScheduled', true),
      condition('Initialized', initialized),
      condition('ContainersReady', containersReady),
      condition('Ready', containersReady),
    ];
    const previous = new Map((status.conditions ?? []).map((c) => [c.type, c]));
    status.conditions = conditions.map((c) =>
      previous.get(c.type)?.status === c.status ? (previous.get(c.type) as V1PodCondition) : c,
    );
    status.initContainerStatuses = init.map((s) => this.containerStatus(s));
    status.containerStatuses = main.map((s) => this.containerStatus(s));
    this.pod.status = status;
    this.host.changed(this);
  }

  private containerStatus(slot: Slot): V1ContainerStatus {
    return {
      name: slot.spec.name,
      image: slot.spec.image ?? '',
      imageID: '',
      ready: slot.ready,
      started: slot.init ? undefined : slot.started,
      restartCount: slot.restartCount,
      state: slot.state,
      lastState: slot.lastState,
      ...(slot.id ? { containerID: `docker://${slot.id}` } : {}),
    };
  }
}

const CONFIG_REASONS = new Set(['CreateContainerConfigError', 'ErrImageNeverPull', 'ErrImagePull']);

/** Names resolve only through the generated /etc/hosts: no query leaves the pod. */
const RESOLV_CONF = 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n';

function condition(type: string, ok: boolean): V1PodCondition {
  return { type, status: ok ? 'True' : 'False', lastTransitionTime: new Date() };
}
