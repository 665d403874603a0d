import { APP_VERSION } from '@pakaura/contract';
import { run } from '@pakaura/deploy-tools/process';
import type { NormalizedImageOptions } from './normalize-options';

type PublishOptions = Pick<
  NormalizedImageOptions,
  'target' | 'docker' | 'kindCluster' | 'repository'
>;

/**
 * Makes a freshly built image available where the cluster pulls from: pushes both tags to the
 * registry, or loads the content tag into the kind cluster's nodes. The docker and minikube
 * targets built straight into the right daemon and need nothing more.
 */
export async function publishImage(options: PublishOptions, tag: string): Promise<void> {
  const ref = `${options.repository}:${tag}`;
  if (options.target === 'registry') {
    for (const each of [ref, `${options.repository}:${APP_VERSION}`]) {
      await run(options.docker, ['push', each], {
        hint: 'Is the registry running, and are you logged in to it (docker login)?',
      });
    }
  }
  if (options.target === 'kind') {
    await run('kind', ['load', 'docker-image', ref, '--name', options.kindCluster], {
      hint: `Is the kind cluster running? Create it with: kind create cluster --name ${options.kindCluster}`,
    });
  }
}

/**
 * Points the `4.0.0` alias at the content-tagged image people are running, also when the build
 * was skipped because that image already existed.
 */
export async function tagAlias(
  options: Pick<NormalizedImageOptions, 'docker' | 'repository'>,
  tag: string,
  env: Record<string, string>,
): Promise<void> {
  await run(
    options.docker,
    ['tag', `${options.repository}:${tag}`, `${options.repository}:${APP_VERSION}`],
    {
      env,
    },
  );
}
