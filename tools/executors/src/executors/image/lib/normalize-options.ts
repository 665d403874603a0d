import type { ExecutorContext } from '@nx/devkit';
import { IMAGE_NAMES } from '@pakaura/contract';
import { IMAGE_PROJECTS } from '@pakaura/deploy-kube/nx-projects';
import { resolveClusterTarget } from '@pakaura/deploy-kube/cluster';
import { nonEmpty, workspacePath } from '../../../lib/options';
import type { ImageBuildOptions, ImageTarget } from '@pakaura/deploy-image';
import type { ImageExecutorSchema } from '../schema';

/** Environment variables that set an option the project.json and command line leave unset. */
export const IMAGE_ENV = {
  target: 'PAKAURA_IMAGE_TARGET',
  registry: 'PAKAURA_REGISTRY',
  nodeImage: 'PAKAURA_NODE_IMAGE',
  network: 'PAKAURA_DOCKER_NETWORK',
  minikubeProfile: 'PAKAURA_MINIKUBE_PROFILE',
  kindCluster: 'PAKAURA_KIND_CLUSTER',
  docker: 'PAKAURA_DOCKER',
} as const;

export const IMAGE_TARGETS: readonly ImageTarget[] = ['docker', 'minikube', 'kind', 'registry'];

/** The image build's options, every default filled in. */
export type NormalizedImageOptions = ImageBuildOptions;

const REGISTRY = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d+)?(\/[a-z0-9._-]+)*$/i;

/**
 * Fills every option from the command line/project.json, then the environment, then the default,
 * and rejects combinations that cannot work, each with one sentence that says what to change.
 */
export function normalizeOptions(
  options: ImageExecutorSchema,
  context: Pick<ExecutorContext, 'root' | 'projectName'>,
  env: NodeJS.ProcessEnv = process.env,
): NormalizedImageOptions {
  const pick = (key: keyof typeof IMAGE_ENV): string | undefined =>
    nonEmpty(options[key]) ?? nonEmpty(env[IMAGE_ENV[key]]);
  const { app } = options;
  if (!(app in IMAGE_NAMES)) {
    throw new Error(`app must be one of ${Object.keys(IMAGE_NAMES).join(', ')} (got "${app}").`);
  }
  const project = IMAGE_PROJECTS[app];
  if (context.projectName && context.projectName !== project) {
    throw new Error(
      `The ${app} image is built from project ${project}, not ${context.projectName}: fix the image target's "app" option.`,
    );
  }
  // The provider decides where images go unless a target is set: kind → kind, else minikube.
  const cluster = resolveClusterTarget(
    { minikubeProfile: options.minikubeProfile, kindCluster: options.kindCluster },
    env,
  );
  const target = (pick('target') ?? cluster.provider) as ImageTarget;
  if (!IMAGE_TARGETS.includes(target)) {
    throw new Error(
      `target must be one of ${IMAGE_TARGETS.join(', ')} (got "${target}", from --target or ${IMAGE_ENV.target}).`,
    );
  }
  const registry = pick('registry')?.replace(/\/+$/, '');
  if (target === 'registry' && !registry) {
    throw new Error(
      `target registry needs a registry: pass --registry=localhost:5000 or set ${IMAGE_ENV.registry}.`,
    );
  }
  if (registry && target !== 'registry') {
    throw new Error(
      `A registry (${registry}) is only used with target registry (the target is ${target}): add --target=registry or drop the registry.`,
    );
  }
  if (registry && !REGISTRY.test(registry)) {
    throw new Error(
      `registry must look like host[:port][/namespace], e.g. localhost:5000, without a scheme (got "${registry}").`,
    );
  }
  const contextDir = options.context ?? '.';
  return {
    app,
    project,
    workspaceRoot: context.root,
    target,
    repository: registry ? `${registry}/${IMAGE_NAMES[app]}` : IMAGE_NAMES[app],
    registry,
    nodeImage: pick('nodeImage'),
    dockerfile: nonEmpty(options.dockerfile),
    context: workspacePath(context.root, contextDir),
    network: pick('network'),
    minikubeProfile: pick('minikubeProfile') ?? 'minikube',
    kindCluster: pick('kindCluster') ?? 'kind',
    docker: pick('docker') ?? 'docker',
  };
}
