import type { V1Job, V1Pod } from '@kubernetes/client-node';
import { isPodReady } from '@pakaura/deploy-kube/kube';

/** What a person sees while helm waits. */
export interface RolloutView {
  elapsedMs: number;
  /** One per Deployment/StatefulSet of the release: ready pods of those wanted. */
  components: { name: string; ready: number; wanted: number }[];
  /** The release's Jobs (the migration): running, complete or failed. */
  jobs: { name: string; state: string }[];
  /** Every pod that is not Ready, with its state as `kubectl get pods` would word it. */
  waiting: { name: string; state: string }[];
}

export interface ProgressReporter {
  update(view: RolloutView): void;
  /** Prints a line above the progress (which is redrawn below it on a terminal). */
  line(text: string): void;
  /** Leaves the last progress on screen and stops redrawing. */
  done(): void;
}

/** `1:05` */
export function formatElapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function summary(view: RolloutView): string {
  const parts = [
    ...view.components.map((c) => `${c.name} ${c.ready}/${c.wanted}`),
    ...view.jobs.map((j) => `${j.name} ${j.state}`),
  ];
  return parts.length > 0 ? parts.join(' · ') : 'no pods yet';
}

/** The progress as a block of lines, for a terminal that redraws it in place. */
export function progressBlock(view: RolloutView): string[] {
  return [
    `Waiting ${formatElapsed(view.elapsedMs)}: ${summary(view)}`,
    ...view.waiting.map((p) => `  ${p.name}: ${p.state}`),
  ];
}

/** The progress as one line, for logs: printed again only when something but the time changed. */
export function progressLine(view: RolloutView): string {
  const waiting = view.waiting.map((p) => `${p.name} ${p.state}`).join(', ');
  return `[${formatElapsed(view.elapsedMs)}] ${summary(view)}${waiting ? ` | not ready: ${waiting}` : ''}`;
}

/** One line per change (CI, Nx, a pipe): nothing is ever redrawn. */
export function lineReporter(print: (line: string) => void): ProgressReporter {
  let last = '';
  return {
    update(view) {
      const key = progressLine({ ...view, elapsedMs: 0 });
      if (key === last) return;
      last = key;
      print(`  ${progressLine(view)}`);
    },
    line: (text) => print(text),
    done: () => undefined,
  };
}

/** Redraws the block in place with ANSI cursor moves (a terminal). */
export function terminalReporter(write: (text: string) => void): ProgressReporter {
  let drawn = 0;
  let block: string[] = [];
  const erase = () => {
    if (drawn > 0) write(`\x1b[${drawn}F\x1b[J`);
    drawn = 0;
  };
  const draw = () => {
    write(block.map((line) => `\x1b[2K${line}\n`).join(''));
    drawn = block.length;
  };
  return {
    update(view) {
      erase();
      block = progressBlock(view);
      draw();
    },
    line(text) {
      erase();
      write(`${text}\n`);
      draw();
    },
    done: () => {
      drawn = 0;
    },
  };
}

/** A pod's state in the words of `kubectl get pods`' STATUS column. */
export function podStateText(pod: V1Pod, now = Date.now()): string {
  if (pod.metadata?.deletionTimestamp) return 'Terminating';
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False') return `Pending (${scheduled.reason ?? 'Unschedulable'})`;
  const inits = pod.status?.initContainerStatuses ?? [];
  const unfinished = inits.findIndex((s) => !(s.state?.terminated?.exitCode === 0));
  if (unfinished >= 0) {
    const s = inits[unfinished];
    const detail =
      s.state?.waiting?.reason ??
      (s.state?.terminated ? `exit ${s.state.terminated.exitCode}` : undefined) ??
      (s.state?.running
        ? `${s.name} running ${runningFor(s.state.running.startedAt, now)}`
        : undefined);
    return `Init:${unfinished}/${inits.length}${detail ? ` (${detail})` : ''}`;
  }
  const containers = pod.status?.containerStatuses ?? [];
  const waiting = containers.find((c) => c.state?.waiting?.reason)?.state?.waiting?.reason;
  if (waiting) return waiting;
  const terminated = containers.find((c) => c.state?.terminated)?.state?.terminated;
  if (terminated) return terminated.reason ?? `exit ${terminated.exitCode}`;
  if (pod.status?.phase === 'Running' && !isPodReady(pod)) {
    const ready = containers.filter((c) => c.ready).length;
    return `Running, ${ready}/${containers.length} ready`;
  }
  return pod.status?.phase ?? 'Unknown';
}

export function jobStateText(job: V1Job): string {
  const condition = job.status?.conditions?.find(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );
  if (condition?.type === 'Complete') return 'complete';
  if (condition?.type === 'Failed') return 'failed';
  return (job.status?.failed ?? 0) > 0 ? `running (${job.status?.failed} failed)` : 'running';
}

function runningFor(startedAt: Date | string | undefined, now: number): string {
  if (!startedAt) return '';
  return `${Math.max(0, Math.round((now - new Date(startedAt).getTime()) / 1000))}s`;
}
