import { logger, type ExecutorContext } from '@nx/devkit';
import { ensureImage } from '@pakaura/deploy-image';
import { normalizeOptions } from './lib/normalize-options';
import type { ImageExecutorSchema } from './schema';

/** Seeds T005, T010, T011: the app's image, built once per content hash, recorded for deploy. */
export default async function imageExecutor(
  options: ImageExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  try {
    await ensureImage(normalizeOptions(options, context), {
      graph: context.projectGraph,
      nxJson: context.nxJsonConfiguration,
      info: (line) => logger.info(line),
    });
    return { success: true };
  } catch (error) {
    logger.error((error as Error).message);
    return { success: false };
  }
}
