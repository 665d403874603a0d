import { performance } from 'node:perf_hooks';
import type { NxJsonConfiguration, ProjectGraph } from '@nx/devkit';
import type { ImageBuildOptions } from './build-options';
import { buildImage } from './docker/build-image';
import { missingBuildOutput } from './docker/build-output';
import { daemonEnv } from './docker/daemon-env';
import { imagePresent } from './docker/image-presence';
import { publishImage, tagAlias } from './docker/publish-image';
import { imageTag } from './image-tag';
import { writeImageRecord } from './record';

export interface EnsureImageContext {
  graph: ProjectGraph;
  nxJson?: NxJsonConfiguration;
  info(line: string): void;
}

/**
 * The image phase: builds the app's image with its content tag into the target, unless the
 * target already has that tag, then records it in dist/images/<app>.json for the deploy step.
 */
export async function ensureImage(
  opts: ImageBuildOptions,
  context: EnsureImageContext,
): Promise<void> {
  const started = performance.now();
  const { tag, hash, inputs } = await imageTag(opts.app, {
    workspaceRoot: opts.workspaceRoot,
    graph: context.graph,
    nxJson: context.nxJson,
    baseImage: opts.nodeImage,
    dockerfile: opts.dockerfile,
  });
  const ref = `${opts.repository}:${tag}`;
  const env = await daemonEnv(opts);
  if (await imagePresent(opts, ref, env)) {
    if (opts.target === 'docker' || opts.target === 'minikube') await tagAlias(opts, tag, env);
    context.info(`${ref} is already in ${where(opts)}: nothing to build (${seconds(started)} s)`);
  } else {
    const missing = missingBuildOutput(context.graph, opts.project, opts.workspaceRoot);
    if (missing) {
      throw new Error(
        `${missing} does not exist: the image copies the app's build output; run nx run ${opts.project}:build first.`,
      );
    }
    context.info(`Building ${ref} (base ${inputs.baseImage}) into ${where(opts)}`);
    await buildImage(
      opts,
      { tag, hash, baseImage: inputs.baseImage, dockerfile: inputs.dockerfile },
      env,
    );
    await publishImage(opts, tag);
    context.info(`Built ${ref} into ${where(opts)} (${seconds(started)} s)`);
  }
  writeImageRecord(opts.workspaceRoot, {
    app: opts.app,
    repository: opts.repository,
    tag,
    contentHash: hash,
    target: opts.target,
  });
}

function where(opts: ImageBuildOptions): string {
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
