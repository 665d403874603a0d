import type { ExecutorContext } from '@nx/devkit';
import { NAMESPACE } from '@pakaura/contract';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot, workspacePath } from '../../../lib/options';
import type { ValidateExecutorSchema } from '../schema';

export interface NormalizedValidateOptions {
  workspaceRoot: string;
  /** Absolute. */
  manifestsDir: string;
  /** Relative to the workspace root, for messages. */
  manifestsLabel: string;
  kustomize: boolean;
  serverDryRun: 'never' | 'server';
  context?: string;
  namespace: string;
}

/** Fills every option, resolves the folder, and refuses one that does not exist. */
export function normalizeOptions(
  options: ValidateExecutorSchema,
  context: Pick<ExecutorContext, 'root' | 'projectName' | 'projectsConfigurations'>,
): NormalizedValidateOptions {
  const dir = options.manifestsDir ?? projectRoot(context);
  if (!dir) throw new Error('Set manifestsDir: the folder of the manifests to validate.');
  const manifestsDir = workspacePath(context.root, dir);
  if (!existsSync(manifestsDir)) {
    throw new Error(`manifestsDir ${dir} does not exist: point it at the folder of the manifests.`);
  }
  const kustomize = options.kustomize ?? true;
  if (kustomize && !existsSync(join(manifestsDir, 'kustomization.yaml'))) {
    throw new Error(
      `${relative(context.root, manifestsDir)} has no kustomization.yaml: add one, or set kustomize: false.`,
    );
  }
  return {
    workspaceRoot: context.root,
    manifestsDir,
    manifestsLabel: relative(context.root, manifestsDir) || '.',
    kustomize,
    serverDryRun: options.serverDryRun ?? 'never',
    context: options.context,
    namespace: options.namespace ?? NAMESPACE,
  };
}
