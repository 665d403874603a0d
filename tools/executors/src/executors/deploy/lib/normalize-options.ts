import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { IMAGE_NAMES, NAMESPACE, RELEASE_NAME, type ImageKey } from '@pakaura/contract';
import { resolveClusterTarget } from '@pakaura/deploy-kube/cluster';
import type { DeployOptions } from '@pakaura/deploy-release';
import { nonEmpty, projectRoot, workspacePath } from '../../../lib/options';
import type { DeployExecutorSchema } from '../schema';

/** Deploy options with everything filled in but the helm program, resolved when it is needed. */
export type NormalizedDeployOptions = Omit<DeployOptions, 'helm'> & { helm?: string };

export const DEPLOY_ENV = { helm: 'PAKAURA_HELM' } as const;

/**
 * Every option from the command line/project.json, then the environment, then the defaults
 * (release and namespace from the contract, the chart in the project's own root). Refuses what
 * cannot work, each with one sentence that says what to change.
 */
export function normalizeOptions(
  options: DeployExecutorSchema,
  context: Pick<ExecutorContext, 'root' | 'projectName' | 'projectsConfigurations'>,
  env: NodeJS.ProcessEnv = process.env,
): NormalizedDeployOptions {
  const root = context.root;
  const chart = options.chart ?? projectRoot(context);
  if (!chart) throw new Error('No chart directory: set the deploy target\'s "chart" option.');
  const chartDir = workspacePath(root, chart);
  if (!existsSync(join(chartDir, 'Chart.yaml'))) {
    throw new Error(`${chartDir} is not a Helm chart (no Chart.yaml): fix the "chart" option.`);
  }
  const valuesFiles = (options.values ?? []).map((file) => workspacePath(root, file));
  const missing = valuesFiles.find((file) => !existsSync(file));
  if (missing) throw new Error(`Values file ${missing} does not exist: fix the "values" option.`);
  const apps = [...new Set(options.apps ?? (Object.keys(IMAGE_NAMES) as ImageKey[]))];
  const unknown = apps.find((app) => !(app in IMAGE_NAMES));
  if (unknown) {
    throw new Error(
      `apps must be among ${Object.keys(IMAGE_NAMES).join(', ')} (got "${unknown}").`,
    );
  }
  const timeout = options.timeout ?? '5m';
  if (!/^\d+(s|m|h)$/.test(timeout)) {
    throw new Error(`timeout must look like 300s, 5m or 1h (got "${timeout}").`);
  }
  return {
    workspaceRoot: root,
    chartDir,
    release: options.release ?? RELEASE_NAME,
    namespace: options.namespace ?? NAMESPACE,
    kubeconfig: nonEmpty(options.kubeconfig),
    context: nonEmpty(options.context),
    cluster: resolveClusterTarget(options, env),
    valuesFiles,
    set: Object.fromEntries(Object.entries(options.set ?? {}).map(([k, v]) => [k, String(v)])),
    apps,
    timeout,
    atomic: options.atomic ?? true,
    force: options.force ?? false,
    forceConflicts: options.forceConflicts ?? false,
    failFast: options.failFast ?? true,
    helm: nonEmpty(options.helm) ?? nonEmpty(env[DEPLOY_ENV.helm]),
  };
}
