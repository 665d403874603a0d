import type { KubeConfig } from '@kubernetes/client-node';
import { objectEvents } from '@pakaura/deploy-kube/kube';
import { lastLogLines } from '@pakaura/deploy-kube/kube';
import { readSecretValues } from '@pakaura/deploy-kube/kube';
import { maskCredentials, redact } from '@pakaura/deploy-kube/process';
import type { PodFailure } from './pod-failure';

/** Log lines shown for a failing container. */
export const DIAGNOSTIC_LOG_LINES = 20;

/**
 * What a person needs to fix a pod that cannot start: its state, the events of the object that
 * explains it (a Pending claim, a failed Job), the pod's events and the last log lines of the
 * container at fault (of the crashed instance for a crash loop, of the running one for an init
 * container that never finishes), every known secret value masked.
 */
export async function diagnosePodFailure(
  kc: KubeConfig,
  namespace: string,
  failure: PodFailure,
  mask: { secretName: string; values: readonly string[] },
): Promise<string[]> {
  const lines = [
    failure.reason === 'JobFailed' || failure.reason === 'Unschedulable' || failure.related
      ? `${failure.message}${failure.pod ? ` (pod ${failure.pod})` : ''}`
      : `Pod ${failure.pod}: container ${failure.container} is ${failure.reason}${failure.restarts ? ` after ${failure.restarts} restarts` : ''}${failure.message ? `: ${failure.message}` : ''}`,
  ];
  const eventsOf = async (name: string) =>
    objectEvents(kc, namespace, name).catch((error: Error) => [`(${error.message})`]);
  if (failure.related) {
    const events = await eventsOf(failure.related.name);
    lines.push(
      `Events of ${failure.related.kind} ${failure.related.name}:`,
      ...(events.length > 0 ? events : ['(none)']).map((e) => `  ${e}`),
    );
  }
  if (failure.pod) {
    const events = await eventsOf(failure.pod);
    lines.push(
      failure.related ? `Events of pod ${failure.pod}:` : 'Events:',
      ...(events.length > 0 ? events : ['(none)']).map((e) => `  ${e}`),
    );
  }
  const previous = failure.reason === 'CrashLoopBackOff' || failure.crashed;
  if (failure.pod && (previous || failure.running || failure.terminated)) {
    const logs = await lastLogLines(
      kc,
      namespace,
      failure.pod,
      failure.container,
      DIAGNOSTIC_LOG_LINES,
      previous,
    )
      .catch(() =>
        lastLogLines(kc, namespace, failure.pod, failure.container, DIAGNOSTIC_LOG_LINES),
      )
      .catch((error: Error) => [`(${error.message})`]);
    lines.push(
      `Last log lines of ${failure.container}${previous ? ' (the instance that crashed)' : ''}:`,
      ...(logs.length > 0 ? logs : ['(empty)']).map((l) => `  ${l}`),
    );
  } else if (failure.pod) {
    lines.push(`No logs: container ${failure.container} never started.`);
  }
  const stored = await readSecretValues(kc, namespace, mask.secretName).catch(() => ({}));
  const secrets = [...mask.values, ...Object.values(stored)];
  return lines.map((line) => maskCredentials(redact(line, secrets)));
}
