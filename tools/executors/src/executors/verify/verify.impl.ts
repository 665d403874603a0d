import { logger, type ExecutorContext } from '@nx/devkit';
import { formatTable, runVerify, verifyRunOptions, writeReports } from '@pakaura/deploy-verify';
import pc from 'picocolors';
import { relative } from 'node:path';
import type { VerifyExecutorSchema } from './schema';

/** Seeds T045-T052: runs the checks, prints the table, writes the reports, fails on any failure. */
export default async function verifyExecutor(
  options: VerifyExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  try {
    const opts = verifyRunOptions(options, context.root);
    const report = await runVerify(opts, {
      onStart: (check) => logger.info(pc.dim(`… ${check.name} (${check.task}): ${check.title}`)),
    });
    logger.info(formatTable(report, { color: pc.isColorSupported }));
    const paths = writeReports(opts.reportDir, report);
    logger.info(
      `Reports: ${relative(context.root, paths.json)}, ${relative(context.root, paths.junit)}`,
    );
    const failed = report.checks.filter((c) => c.status === 'failed');
    if (failed.length > 0) {
      logger.error(`verify failed: ${failed.map((c) => `${c.name}: ${c.message}`).join(' | ')}`);
      return { success: false };
    }
    return { success: true };
  } catch (error) {
    logger.error((error as Error).message);
    return { success: false };
  }
}
