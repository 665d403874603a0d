import { isAbsolute, join } from 'node:path';
import { resolveClusterTarget } from '@pakaura/deploy-kube/cluster/options';
import { normalizeVerifyOptions, type NormalizedVerifyOptions } from './options';
import { CHECK_NAMES } from './types';

/** Where `verify` leaves its reports, under the workspace root. */
export const REPORT_DIR = join('dist', 'verify');

/**
 * The options of `pakaura verify` and of `nx run chart:verify`, one list under the same names
 * (the CLI spells them in kebab-case: `--ingress-port`). Durations are in seconds, paths
 * relative to the workspace root.
 */
export interface VerifyCommandOptions {
  safe?: boolean;
  checks?: readonly string[];
  context?: string;
  provider?: string;
  minikubeProfile?: string;
  kindCluster?: string;
  kubeconfig?: string;
  namespace?: string;
  release?: string;
  ingressPort?: number;
  ingressHost?: string;
  ingressTimeout?: number;
  replacementTimeout?: number;
  databaseRestartTimeout?: number;
  reportDir?: string;
}

export interface VerifyRunOptions extends NormalizedVerifyOptions {
  /** Absolute folder for report.json and junit.xml. */
  reportDir: string;
}

export { CHECK_NAMES };

/**
 * The one mapping from command options to runVerify() options, so the CLI and the executor get
 * the same defaults: without a named context, the guard checks the local cluster's own (the one
 * deploy uses), chosen by `provider` or the PAKAURA_* variables.
 */
export function verifyRunOptions(
  options: VerifyCommandOptions,
  workspaceRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): VerifyRunOptions {
  const seconds = (value: number | undefined) => (value === undefined ? undefined : value * 1000);
  const reportDir = options.reportDir ?? REPORT_DIR;
  return {
    ...normalizeVerifyOptions({
      kubeconfig: options.kubeconfig,
      context: options.context,
      cluster: resolveClusterTarget(
        {
          provider: options.provider,
          minikubeProfile: options.minikubeProfile,
          kindCluster: options.kindCluster,
        },
        env,
      ),
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
