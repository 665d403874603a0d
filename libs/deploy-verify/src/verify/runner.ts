import { loadKubeConfig } from '@pakaura/deploy-kube/kube';
import { guardContext } from '@pakaura/deploy-kube/kube';
import { resolveBinary } from '@pakaura/deploy-kube/process';
import { redact } from '@pakaura/deploy-kube/process';
import { CHECKS } from './checks';
import { normalizeVerifyOptions, type VerifyOptions } from './options';
import {
  CHECK_NAMES,
  type Check,
  type CheckContext,
  type CheckResult,
  type VerifyReport,
} from './types';

export interface RunVerifyHooks {
  /** Called as each check starts and ends, for live progress. */
  onStart?: (check: Check) => void;
  onResult?: (result: CheckResult) => void;
  signal?: AbortSignal;
}

/**
 * Runs the checks in order, the disruptive ones last (skipped with `safe`), and returns a report
 * with each check's result, duration, evidence and measurements. A failing check does not stop the
 * others. Secret values any check came across are masked in every line of the report.
 */
export async function runVerify(
  options: VerifyOptions = {},
  hooks: RunVerifyHooks = {},
): Promise<VerifyReport> {
  const opts = normalizeVerifyOptions(options);
  const { context } = await guardContext(
    { kubeconfig: opts.kubeconfig, context: opts.context, cluster: opts.cluster },
    'verify',
  );
  const kc = loadKubeConfig({ kubeconfig: opts.kubeconfig, context });
  const helmArgs = [
    '--kube-context',
    context,
    ...(opts.kubeconfig ? ['--kubeconfig', opts.kubeconfig] : []),
  ];
  const secrets: string[] = [];
  const signal = hooks.signal ?? new AbortController().signal;
  const startedAt = new Date();
  const results: CheckResult[] = [];

  for (const checkName of CHECK_NAMES) {
    const check = CHECKS[checkName];
    const base = {
      name: check.name,
      task: check.task,
      title: check.title,
      evidence: [],
      measurements: {},
    };
    if (opts.only.length > 0 && !opts.only.includes(checkName)) continue;
    if (opts.safe && check.disruptive) {
      const skipped: CheckResult = {
        ...base,
        status: 'skipped',
        durationMs: 0,
        waitedMs: 0,
        message: 'disruptive: skipped by --safe',
      };
      results.push(skipped);
      hooks.onResult?.(skipped);
      continue;
    }
    hooks.onStart?.(check);
    const evidence: string[] = [];
    const measurements: Record<string, number> = {};
    let waitedMs = 0;
    const ctx: CheckContext = {
      kc,
      namespace: opts.namespace,
      release: opts.release,
      helmArgs,
      helmBinary: () => opts.helm ?? resolveBinary('helm'),
      timeouts: opts.timeouts,
      ingressPort: opts.ingressPort,
      ingressHost: opts.ingressHost,
      signal,
      evidence: (line) => evidence.push(line),
      measure: (key, value) => (measurements[key] = value),
      waiting: async (wait) => {
        const started = performance.now();
        try {
          return await wait;
        } finally {
          waitedMs += performance.now() - started;
        }
      },
      addSecrets: (values) => secrets.push(...values),
    };
    const started = performance.now();
    let message: string | undefined;
    try {
      await check.run(ctx);
    } catch (error) {
      if (signal.aborted) throw error;
      message = error instanceof Error ? error.message : String(error);
    }
    const result: CheckResult = mask(
      {
        ...base,
        status: message === undefined ? 'passed' : 'failed',
        durationMs: Math.round(performance.now() - started),
        waitedMs: Math.round(waitedMs),
        evidence,
        measurements,
        ...(message === undefined ? {} : { message: oneLine(message) }),
      },
      secrets,
    );
    results.push(result);
    hooks.onResult?.(result);
  }

  const checks = results.map((r) => mask(r, secrets));
  const durationMs = Date.now() - startedAt.getTime();
  return {
    namespace: opts.namespace,
    release: opts.release,
    context,
    startedAt: startedAt.toISOString(),
    durationMs,
    overheadMs: durationMs - checks.reduce((sum, c) => sum + c.waitedMs, 0),
    passed: checks.every((c) => c.status !== 'failed'),
    checks,
  };
}

function mask(result: CheckResult, secrets: readonly string[]): CheckResult {
  return {
    ...result,
    evidence: result.evidence.map((line) => redact(line, secrets)),
    ...(result.message ? { message: redact(result.message, secrets) } : {}),
  };
}

function oneLine(text: string): string {
  return text.split('\n').join(' ').trim();
}
