import type { V1ContainerStatus } from '@kubernetes/client-node';
import type { PodRunner } from '../pod/pod-runner';
import type { Controller } from './controllers';
import type { Harness } from './harness';

/** Waiting reasons no amount of waiting fixes: the deploy fails fast on them, so does the harness. */
export const FATAL_REASONS = new Set([
  'CreateContainerConfigError',
  'CrashLoopBackOff',
  'ErrImageNeverPull',
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'RunContainerError',
]);

export interface WorkloadReady {
  kind: string;
  name: string;
  seconds: number;
}

/** Why a workload is not up: the pod, its container, the kubelet's reason, and the last log lines. */
export interface PodProblem {
  workload: string;
  pod: string;
  container?: string;
  reason: string;
  message: string;
  logs: string[];
}

export class WorkloadsFailedError extends Error {
  constructor(readonly problems: PodProblem[]) {
    super(
      problems
        .map(
          (p) =>
            `${p.workload}: pod ${p.pod}${p.container ? ` container ${p.container}` : ''}: ${p.reason}: ${p.message}`,
        )
        .join('; '),
    );
    this.name = 'WorkloadsFailedError';
  }
}

/**
 * Waits until every workload is up (Deployments and StatefulSets Ready, Jobs complete, bare pods
 * Ready or Succeeded), calling `onReady` as each gets there, with the seconds since the harness
 * started. Fails as soon as a pod shows a reason no wait fixes (CreateContainerConfigError,
 * CrashLoopBackOff, a missing image, a failed Job), or at the timeout with what each workload
 * that is not up is waiting for; either way with the container's last log lines.
 */
export async function waitForWorkloads(
  harness: Harness,
  options: { timeoutMs: number; logLines?: number; onReady?: (ready: WorkloadReady) => void },
): Promise<WorkloadReady[]> {
  const reported = new Map<Controller, WorkloadReady>();
  const workloads = () => harness.controllers.filter((c) => !c.test);
  const progress = () => {
    for (const controller of workloads()) {
      if (!reported.has(controller) && controller.done()) {
        const ready = {
          kind: controller.kind,
          name: controller.name,
          seconds: (Date.now() - harness.startedAt) / 1000,
        };
        reported.set(controller, ready);
        options.onReady?.(ready);
      }
    }
    if (reported.size === workloads().length) return { ok: true as const };
    const fatal = workloads().flatMap((c) => (reported.has(c) ? [] : fatalProblems(harness, c)));
    return fatal.length > 0 ? { ok: false as const, fatal } : undefined;
  };
  let outcome: Awaited<ReturnType<typeof progress>>;
  try {
    outcome = await harness.until(progress, options.timeoutMs);
  } catch {
    const waiting = workloads().filter((c) => !reported.has(c));
    throw new WorkloadsFailedError(
      await withLogs(
        waiting.flatMap((c) => pendingProblems(harness, c, options.timeoutMs)),
        options.logLines,
      ),
    );
  }
  if (!outcome.ok) throw new WorkloadsFailedError(await withLogs(outcome.fatal, options.logLines));
  return [...reported.values()];
}

function label(controller: Controller): string {
  return `${controller.kind} ${controller.name}`;
}

function statuses(pod: PodRunner): { status: V1ContainerStatus; init: boolean }[] {
  return [
    ...(pod.pod.status?.initContainerStatuses ?? []).map((status) => ({ status, init: true })),
    ...(pod.pod.status?.containerStatuses ?? []).map((status) => ({ status, init: false })),
  ];
}

/** A problem while its pod is still at hand (to read its log). */
type Found = PodProblem & { runner?: PodRunner };

function fatalProblems(harness: Harness, controller: Controller): Found[] {
  const problems: Found[] = [];
  const failure = controller.failure();
  for (const pod of controller.pods) {
    if (pod.deleting) continue;
    for (const { status, init } of statuses(pod)) {
      const waiting = status.state?.waiting;
      if (waiting?.reason && FATAL_REASONS.has(waiting.reason)) {
        const warning = lastWarning(harness, pod, waiting.reason);
        problems.push({
          workload: label(controller),
          pod: pod.name,
          container: status.name,
          reason: init ? `Init:${waiting.reason}` : waiting.reason,
          message: [lastTerminated(status) ?? waiting.message ?? '', warning]
            .filter(Boolean)
            .join('; '),
          logs: [],
          runner: pod,
        });
      }
    }
  }
  if (failure && problems.length === 0) {
    const pod = [...controller.pods].at(-1);
    problems.push({
      workload: label(controller),
      pod: pod?.name ?? '-',
      container: pod?.pod.status?.containerStatuses?.[0]?.name,
      reason: failure.split(':')[0],
      message: failure,
      logs: [],
      runner: pod,
    });
  }
  return problems;
}

/** The pod's latest warning other than the back-off itself (an Unhealthy probe, a failed start). */
function lastWarning(harness: Harness, pod: PodRunner, reason: string): string | undefined {
  const event = harness.events.findLast(
    (e) =>
      e.involvedObject.uid === pod.uid &&
      e.type === 'Warning' &&
      e.reason !== 'BackOff' &&
      reason !== 'CreateContainerConfigError',
  );
  return event ? `last warning ${event.reason}: ${event.message}` : undefined;
}

function lastTerminated(status: V1ContainerStatus): string | undefined {
  const terminated = status.lastState?.terminated;
  if (!terminated) return undefined;
  return `last exit ${terminated.exitCode} (${terminated.reason})${terminated.message ? `: ${terminated.message}` : ''}, restarted ${status.restartCount} time(s)`;
}

/** For a workload still not up at the timeout: each pod's state and its latest warning event. */
function pendingProblems(harness: Harness, controller: Controller, timeoutMs: number): Found[] {
  const pods = [...controller.pods].filter(
    (p) => !p.deleting && !p.ready && p.phase !== 'Succeeded',
  );
  if (pods.length === 0) {
    return [
      {
        workload: label(controller),
        pod: '-',
        reason: 'NotReady',
        message: `not up within ${timeoutMs / 1000} s`,
        logs: [],
      },
    ];
  }
  return pods.map((pod) => {
    const all = statuses(pod);
    const stuck =
      all.find(({ status, init }) => init && !status.ready) ??
      all.find(({ status }) => !status.ready) ??
      all[0];
    const warning = harness.events.findLast(
      (e) => e.involvedObject.uid === pod.uid && e.type === 'Warning',
    );
    const state = stuck?.status.state;
    const where = stuck?.init
      ? `Init:${all.filter((s) => s.init && s.status.ready).length}/${all.filter((s) => s.init).length}`
      : pod.phase;
    const reason =
      state?.waiting?.reason ?? (stuck?.init ? where : (warning?.reason ?? 'NotReady'));
    const message = [
      `not Ready within ${timeoutMs / 1000} s (${where}${state?.running ? `, ${stuck?.status.name} running` : ''})`,
      warning ? `last warning ${warning.reason}: ${warning.message}` : undefined,
    ]
      .filter(Boolean)
      .join('; ');
    return {
      workload: label(controller),
      pod: pod.name,
      container: stuck?.status.name,
      reason,
      message,
      logs: [],
      runner: pod,
    };
  });
}

async function withLogs(problems: Found[], lines = 10): Promise<PodProblem[]> {
  return Promise.all(
    problems.map(async ({ runner, ...problem }) => ({
      ...problem,
      logs: runner ? await runner.logs(problem.container, lines) : [],
    })),
  );
}
