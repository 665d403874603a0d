import type { ExecutorContext } from '@nx/devkit';
import { NAMESPACE, RELEASE_NAME } from '@pakaura/contract';
import { RENDER_MATRIX, type RenderVariant } from '@pakaura/deploy-validate';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot, workspacePath } from '../../../lib/options';
import type { HelmLintExecutorSchema } from '../schema';

export interface NormalizedHelmLintOptions {
  workspaceRoot: string;
  /** Absolute. */
  chartDir: string;
  /** Relative to the workspace root, for messages. */
  chartLabel: string;
  helmMajor?: 3 | 4;
  variants: RenderVariant[];
  release: string;
  namespace: string;
  serverDryRun: 'never' | 'server';
  context?: string;
}

/** Fills every option, resolves the chart folder and the variants, and refuses what cannot work. */
export function normalizeOptions(
  options: HelmLintExecutorSchema,
  context: Pick<ExecutorContext, 'root' | 'projectName' | 'projectsConfigurations'>,
): NormalizedHelmLintOptions {
  const dir = options.chartDir ?? projectRoot(context);
  if (!dir) throw new Error('Set chartDir: the folder of the chart to lint.');
  const chartDir = workspacePath(context.root, dir);
  if (!existsSync(join(chartDir, 'Chart.yaml'))) {
    throw new Error(`${dir} has no Chart.yaml: point chartDir at the chart's folder.`);
  }
  if (options.helmMajor !== undefined && options.helmMajor !== 3 && options.helmMajor !== 4) {
    throw new Error(`helmMajor must be 3 or 4 (got ${String(options.helmMajor)}).`);
  }
  const wanted = options.variants ?? RENDER_MATRIX.map((v) => v.name);
  const unknown = wanted.filter((name) => !RENDER_MATRIX.some((v) => v.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown render variant(s) ${unknown.join(', ')}: choose from ${RENDER_MATRIX.map((v) => v.name).join(', ')}.`,
    );
  }
  return {
    workspaceRoot: context.root,
    chartDir,
    chartLabel: relative(context.root, chartDir) || '.',
    helmMajor: options.helmMajor,
    variants: RENDER_MATRIX.filter((v) => wanted.includes(v.name)),
    release: options.release ?? RELEASE_NAME,
    namespace: options.namespace ?? NAMESPACE,
    serverDryRun: options.serverDryRun ?? 'never',
    context: options.context,
  };
}
