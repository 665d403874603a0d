import { run } from '../process';
import type { ClusterOptions } from './options';

/**
 * The kindest/node image for each Kubernetes minor version, pinned by digest as the kind v0.24.0
 * release notes list them: kind builds node images for its own release, so a tag alone may name
 * an image that release cannot boot.
 */
export const KIND_NODE_IMAGES: Readonly<Record<string, string>> = {
  'v1.29':
    'kindest/node:v1.29.8@sha256:d46b7aa29567e93b27f7531d258c372e829d7224b25e3fc6ffdefed12476d3aa',
  'v1.30':
    'kindest/node:v1.30.4@sha256:976ea815844d5fa93be213437e3ff5754cd599b040946b5cca43ca45c2047114',
  'v1.31':
    'kindest/node:v1.31.0@sha256:53df588e04085fd41ae12de0c3fe4c72f7013bba32a20e7325357a1ac94ba865',
};

/** The pinned node image for `v1.29.x`, or a sentence naming the versions there are images for. */
export function kindNodeImage(kubernetesVersion: string): string {
  const minor = /^(v\d+\.\d+)\./.exec(kubernetesVersion)?.[1];
  const image = minor ? KIND_NODE_IMAGES[minor] : undefined;
  if (!image) {
    throw new Error(
      `No kind node image is pinned for Kubernetes ${kubernetesVersion} (pinned: ${Object.keys(KIND_NODE_IMAGES).join(', ')}). Use one of those versions.`,
    );
  }
  return image;
}

/** Names of the kind clusters that exist (`kind get clusters` prints one per line). */
export async function kindClusters(): Promise<string[]> {
  const { stdout } = await run('kind', ['get', 'clusters']);
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * `kind create cluster` from the project's config (the `ingress-ready=true` label and the 80/443
 * port mappings the ingress controller needs) and the node image pinned for the version.
 */
export function kindCreateArgs(options: ClusterOptions): string[] {
  return [
    'create',
    'cluster',
    '--name',
    options.name,
    '--image',
    kindNodeImage(options.kubernetesVersion),
    ...(options.kindConfig ? ['--config', options.kindConfig] : []),
    '--wait',
    '5m',
  ];
}

export async function createKindCluster(options: ClusterOptions): Promise<void> {
  await run('kind', kindCreateArgs(options), {
    stdio: 'tee',
    hint: `Check the tools with: nx run local-cluster:prereqs --configuration=kind. Ports 80 and 443 must be free for the ingress. Remove a broken cluster with: kind delete cluster --name ${options.name}`,
  });
}

/** The API server kind reports for a cluster (`kind get kubeconfig`), or undefined when none. */
export async function kindServer(name: string): Promise<string | undefined> {
  const result = await run('kind', ['get', 'kubeconfig', '--name', name], { reject: false });
  if (result.exitCode !== 0) return undefined;
  return /^\s*server:\s*(\S+)\s*$/m.exec(result.stdout)?.[1];
}
