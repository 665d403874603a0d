import { logger } from '@nx/devkit';
import { checkPrerequisites, formatPrereqTable } from '@pakaura/deploy-kube/prereqs';
import pc from 'picocolors';
import { normalizeOptions } from './lib/normalize-options';
import type { PrereqsExecutorSchema } from './schema';

/** Seed T001: prints the prerequisite table and fails when any tool is missing, too old or down. */
export default async function prereqsExecutor(
  options: PrereqsExecutorSchema,
): Promise<{ success: boolean }> {
  try {
    const opts = normalizeOptions(options);
    const report = await checkPrerequisites(opts.tools, opts);
    logger.info(formatPrereqTable(report.probes, pc.isColorSupported));
    if (!report.ok) {
      logger.error(report.summary);
      return { success: false };
    }
    logger.info(report.summary);
    return { success: true };
  } catch (error) {
    logger.error((error as Error).message);
    return { success: false };
  }
}
