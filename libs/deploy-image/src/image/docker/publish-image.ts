import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_VERSION } from '@pakaura/contract';
import { run } from '@pakaura/deploy-kube/process';
import type { ImageBuildOptions as NormalizedImageOptions } from '../build-options';

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
  if (options.target === 'kind') await loadIntoKind(options, ref);
}

/**
 * Loads an image into the kind nodes through an archive: `docker image save` (with the image's
 * own platform when Docker uses the containerd image store) then `kind load image-archive`.
 * `kind load docker-image` saves the whole image index from that store while holding one
 * platform's blobs, and the node's import fails with "content digest … not found" (kind#3795).
 */
export async function loadIntoKind(
  options: Pick<NormalizedImageOptions, 'docker' | 'kindCluster'>,
  ref: string,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pakaura-kind-load-'));
  const archive = join(dir, 'image.tar');
  try {
    const platform = (await usesContainerdStore(options.docker))
      ? [
          '--platform',
          (
            await run(options.docker, [
              'image',
              'inspect',
              '--format',
              '{{.Os}}/{{.Architecture}}',
              ref,
            ])
          ).stdout.trim(),
        ]
      : [];
    await run(options.docker, ['image', 'save', ...platform, '-o', archive, ref]);
    await run('kind', ['load', 'image-archive', archive, '--name', options.kindCluster], {
      hint: `Is the kind cluster running? Create it with: nx run local-cluster:cluster --configuration=kind`,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Docker's containerd image store names its snapshotter in `docker info`'s DriverStatus. */
async function usesContainerdStore(docker: string): Promise<boolean> {
  const { stdout } = await run(docker, ['info', '--format', '{{json .DriverStatus}}']);
  return stdout.includes('io.containerd.snapshotter');
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
