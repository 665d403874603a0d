import { logger, type ExecutorContext } from '@nx/devkit';
import { deployRelease, DeployFailedError, terminalReporter } from '@pakaura/deploy-release';
import { resolveBinary } from '@pakaura/deploy-kube/process';
import { OPEN_APP_HINT } from '@pakaura/deploy-kube/open-hint';
import { normalizeOptions } from './lib/normalize-options';
import type { DeployExecutorSchema } from './schema';

/**
 * Seed T044: the release runs the images the image targets recorded, or the deploy says, in its
 * last line, why not and what state it left.
 */
export default async function deployExecutor(
  options: DeployExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  try {
    const opts = normalizeOptions(options, context);
    await deployRelease(
      { ...opts, helm: opts.helm ?? resolveBinary('helm') },
      {
        info: (line) => logger.info(line),
        // A person at a terminal sees the rollout redrawn in place; CI and Nx logs get a line per change.
        progress:
          process.stdout.isTTY && !process.env['CI']
            ? terminalReporter((text) => process.stdout.write(text))
            : undefined,
      },
    );
    logger.info(OPEN_APP_HINT);
    return { success: true };
  } catch (error) {
    if (error instanceof DeployFailedError) error.details.forEach((line) => logger.info(line));
    logger.error((error as Error).message);
    return { success: false };
  }
}
