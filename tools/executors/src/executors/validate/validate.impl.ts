import { logger, type ExecutorContext } from '@nx/devkit';
import { guardContext } from '@pakaura/deploy-kube/kube';
import { resolveBinary } from '@pakaura/deploy-kube/process';
import {
  POLICY_RULES,
  TARGET_KUBERNETES_VERSION,
  formatFinding,
  kustomizeBuild,
  listManifestFiles,
  readManifestFiles,
  serverDryRun,
  validateBundle,
} from '@pakaura/deploy-validate';
import { checkKustomization } from './lib/check-kustomization';
import { normalizeOptions } from './lib/normalize-options';
import type { ValidateExecutorSchema } from './schema';

/** Seeds T012-T023: the raw manifests, checked offline the way a 1.29 API server would. */
export default async function validateExecutor(
  options: ValidateExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  try {
    const opts = normalizeOptions(options, context);
    const files = listManifestFiles(opts.manifestsDir, opts.workspaceRoot, (f) =>
      /^kustomization\.ya?ml$/.test(f),
    );
    const parsed = readManifestFiles(files, opts.workspaceRoot);
    const findings = await validateBundle(parsed);
    let toApply = parsed.objects;
    if (opts.kustomize) {
      const kubectl = resolveBinary('kubectl');
      const build = await kustomizeBuild(kubectl, opts.manifestsDir);
      const checked = await checkKustomization(build, parsed.objects, opts.manifestsLabel);
      findings.push(...checked.findings);
      toApply = checked.objects;
    }
    if (findings.length > 0) {
      findings.forEach((f) => logger.error(formatFinding(f)));
      logger.error(
        `validate failed: ${findings.length} problem(s) in ${opts.manifestsLabel}; first: ${formatFinding(findings[0])}`,
      );
      return { success: false };
    }
    logger.info(
      `${opts.manifestsLabel}: ${files.length} files, ${parsed.objects.length} objects valid for Kubernetes ${TARGET_KUBERNETES_VERSION} and clean under ${POLICY_RULES.length} policy rules${opts.kustomize ? '; the kustomization builds and installs them all' : ''}`,
    );
    if (opts.serverDryRun === 'server') {
      const { context: kubeContext } = await guardContext({ context: opts.context }, 'dry-run');
      const dryRun = await serverDryRun(toApply, {
        kubectl: resolveBinary('kubectl'),
        context: kubeContext,
        namespace: opts.namespace,
        skipHelmManaged: true,
      });
      logger.info(dryRun.ran ? `server dry run: ${dryRun.applied} objects accepted` : dryRun.note);
      if (dryRun.ran) dryRun.notes.forEach((n) => logger.info(`  ${n}`));
    }
    return { success: true };
  } catch (error) {
    logger.error((error as Error).message);
    return { success: false };
  }
}
