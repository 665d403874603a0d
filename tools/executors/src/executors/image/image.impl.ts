import { performance } from 'node:perf_hooks';
import { logger, type ExecutorContext } from '@nx/devkit';
import { imageTag, writeImageRecord } from '@pakaura/deploy-image';
import { buildImage } from './lib/build-image';
import { missingBuildOutput } from './lib/build-output';
import { daemonEnv } from './lib/daemon-env';
import { imagePresent } from './lib/image-presence';
import { normalizeOptions, type NormalizedImageOptions } from './lib/normalize-options';
import { publishImage, tagAlias } from './lib/publish-image';
import type { ImageExecutorSchema } from './schema';

/**
 * Builds the app's image with its content tag into the target, unless the target already has
 * that tag, then records it in dist/images/<app>.json for the deploy step.
 */
export default async function imageExecutor(
  options: ImageExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const started = performance.now();
  try {
    const opts = normalizeOptions(options, context);
    const { tag, hash, inputs } = await imageTag(opts.app, {
      workspaceRoot: opts.workspaceRoot,
      graph: context.projectGraph,
      nxJson: context.nxJsonConfiguration,
      baseImage: opts.nodeImage,
      dockerfile: opts.dockerfile,
    });
    const ref = `${opts.repository}:${tag}`;
    const env = await daemonEnv(opts);
    if (await imagePresent(opts, ref, env)) {
      if (opts.target === 'docker' || opts.target === 'minikube') await tagAlias(opts, tag, env);
      logger.info(`${ref} is already in ${where(opts)}: nothing to build (${seconds(started)} s)`);
    } else {
      const missing = missingBuildOutput(context.projectGraph, opts.project, opts.workspaceRoot);
      if (missing) {
        throw new Error(
          `${missing} does not exist: the image copies the app's build output; run nx run ${opts.project}:build first.`,
        );
      }
      logger.info(`Building ${ref} (base ${inputs.baseImage}) into ${where(opts)}`);
      await buildImage(
        opts,
        { tag, hash, baseImage: inputs.baseImage, dockerfile: inputs.dockerfile },
        env,
      );
      await publishImage(opts, tag);
      logger.info(`Built ${ref} into ${where(opts)} (${seconds(started)} s)`);
    }
    writeImageRecord(opts.workspaceRoot, {
      app: opts.app,
      repository: opts.repository,
      tag,
      contentHash: hash,
      target: opts.target,
    });
    return { success: true };
  } catch (error) {
    logger.error((error as Error).message);
    return { success: false };
  }
}

function where(opts: NormalizedImageOptions): string {
  switch (opts.target) {
    case 'minikube':
      return `minikube's Docker daemon (profile ${opts.minikubeProfile})`;
    case 'kind':
      return `kind cluster ${opts.kindCluster}`;
    case 'registry':
      return `registry ${opts.registry}`;
    default:
      return 'the local Docker daemon';
  }
}

function seconds(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(2);
}
