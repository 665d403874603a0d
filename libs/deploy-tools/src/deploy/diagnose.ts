import type { KubeConfig } from '@kubernetes/client-node';
import { objectEvents } from '../kube/events';
import { lastLogLines } from '../kube/logs';
import { readSecretValues } from '../kube/secrets';
import { redact } from '../process';
import { maskCredentials } from './mask-credentials';
import type { PodFailure } from './pod-failure';

/** Log lines shown for a failing container. */
export const DIAGNOSTIC_LOG_LINES = 20;

/**
 * What a person needs to fix a pod that cannot start: its state, its events and its last log
 * lines (of the crashed instance for a crash loop), every known secret value masked.
 */
export async function diagnosePodFailure(
  kc: KubeConfig,
  namespace: string,
  failure: PodFailure,
  mask: { secretName: string; values: readonly string[] },
): Promise<string[]> {
  const lines = [
    `Pod ${failure.pod}: container ${failure.container} is ${failure.reason}${failure.restarts ? ` after ${failure.restarts} restarts` : ''}${failure.message ? `: ${failure.message}` : ''}`,
  ];
  const events = await objectEvents(kc, namespace, failure.pod).catch((error: Error) => [
    `(${error.message})`,
  ]);
  lines.push('Events:', ...(events.length > 0 ? events : ['(none)']).map((e) => `  ${e}`));
  if (failure.reason === 'CrashLoopBackOff' || failure.crashed) {
    const logs = await lastLogLines(
      kc,
      namespace,
      failure.pod,
      failure.container,
      DIAGNOSTIC_LOG_LINES,
      failure.crashed,
    )
      .catch(() =>
        lastLogLines(kc, namespace, failure.pod, failure.container, DIAGNOSTIC_LOG_LINES),
      )
      .catch((error: Error) => [`(${error.message})`]);
    lines.push(
      `Last log lines of ${failure.container}${failure.crashed ? ' (the instance that crashed)' : ''}:`,
      ...(logs.length > 0 ? logs : ['(empty)']).map((l) => `  ${l}`),
    );
  } else {
    lines.push(`No logs: container ${failure.container} never started.`);
  }
  const stored = await readSecretValues(kc, namespace, mask.secretName).catch(() => ({}));
  const secrets = [...mask.values, ...Object.values(stored)];
  return lines.map((line) => maskCredentials(redact(line, secrets)));
}
