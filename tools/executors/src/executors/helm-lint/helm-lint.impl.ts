import { logger, type ExecutorContext } from '@nx/devkit';
import { guardContext } from '@pakaura/deploy-kube/kube';
import { resolveBinary } from '@pakaura/deploy-kube/process';
import {
  POLICY_RULES,
  TARGET_KUBERNETES_VERSION,
  formatFinding,
  helmLint,
  renderVariants,
  serverDryRun,
  validateBundle,
  type Finding,
} from '@pakaura/deploy-validate';
import { describeRender } from './lib/describe-render';
import { helmBinary } from './lib/helm-binary';
import { normalizeOptions } from './lib/normalize-options';
import type { HelmLintExecutorSchema } from './schema';

/** Seeds T024-T041: helm lint --strict, then every variant of the render matrix validated. */
export default async function helmLintExecutor(
  options: HelmLintExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  try {
    const opts = normalizeOptions(options, context);
    const { helm, version } = await helmBinary(opts.helmMajor);
    const chart = { helm, chartDir: opts.chartDir };
    for (const variant of opts.variants) await helmLint(chart, variant.values);
    logger.info(
      `helm ${version} lint --strict ${opts.chartLabel}: clean for ${opts.variants.length} variant(s)`,
    );

    const release = { name: opts.release, namespace: opts.namespace };
    const renders = await renderVariants(chart, release, opts.variants);
    const findings: Finding[] = [];
    for (const render of renders) {
      findings.push(...(await validateBundle(render)));
      logger.info(`  ${describeRender(render)}`);
    }
    if (findings.length > 0) {
      findings.forEach((f) => logger.error(formatFinding(f)));
      logger.error(
        `chart lint failed: ${findings.length} problem(s) in the render matrix; first: ${formatFinding(findings[0])}`,
      );
      return { success: false };
    }
    logger.info(
      `Render matrix: ${renders.length} variant(s) valid for Kubernetes ${TARGET_KUBERNETES_VERSION} and clean under ${POLICY_RULES.length} policy rules`,
    );
    if (opts.serverDryRun === 'server') {
      const { context: kubeContext } = await guardContext({ context: opts.context }, 'dry-run');
      const dryRun = await serverDryRun(renders[0].objects, {
        kubectl: resolveBinary('kubectl'),
        context: kubeContext,
        namespace: opts.namespace,
      });
      logger.info(
        dryRun.ran
          ? `server dry run (${renders[0].variant.name}): ${dryRun.applied} objects accepted`
          : dryRun.note,
      );
      if (dryRun.ran) dryRun.notes.forEach((n) => logger.info(`  ${n}`));
    }
    return { success: true };
  } catch (error) {
    logger.error((error as Error).message);
    return { success: false };
  }
}
