import { resolveClusterTarget } from '@pakaura/deploy-tools/cluster';
import {
  REPORT_DIR,
  normalizeVerifyOptions,
  type NormalizedVerifyOptions,
} from '@pakaura/deploy-tools/verify';
import { isAbsolute, join } from 'node:path';
import type { VerifyExecutorSchema } from '../schema';

export interface NormalizedVerifyExecutorOptions extends NormalizedVerifyOptions {
  /** Absolute folder for report.json and junit.xml. */
  reportDir: string;
}

/**
 * Executor options in seconds and workspace-relative paths become runVerify() options. Without a
 * named context, the guard verifies the local cluster's own (the one deploy uses).
 */
export function normalizeOptions(
  options: VerifyExecutorSchema,
  workspaceRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): NormalizedVerifyExecutorOptions {
  const seconds = (value: number | undefined) => (value === undefined ? undefined : value * 1000);
  const reportDir = options.reportDir ?? REPORT_DIR;
  return {
    ...normalizeVerifyOptions({
      kubeconfig: options.kubeconfig,
      context: options.context,
      cluster: resolveClusterTarget(options, env),
      namespace: options.namespace,
      release: options.release,
      safe: options.safe,
      only: options.checks,
      ingressPort: options.ingressPort,
      ingressHost: options.ingressHost,
      timeouts: {
        replacementMs: seconds(options.replacementTimeout),
        databaseRestartMs: seconds(options.databaseRestartTimeout),
        ingressAddressMs: seconds(options.ingressTimeout),
      },
    }),
    reportDir: isAbsolute(reportDir) ? reportDir : join(workspaceRoot, reportDir),
  };
}
