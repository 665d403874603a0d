import { run } from '../process';
import type { ClusterOptions } from './options';

/** Names of the kind clusters that exist (`kind get clusters` prints one per line). */
export async function kindClusters(): Promise<string[]> {
  const { stdout } = await run('kind', ['get', 'clusters']);
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export function kindCreateArgs(options: ClusterOptions): string[] {
  return [
    'create',
    'cluster',
    '--name',
    options.name,
    '--image',
    `kindest/node:${options.kubernetesVersion}`,
    '--wait',
    '5m',
  ];
}

export async function createKindCluster(options: ClusterOptions): Promise<void> {
  await run('kind', kindCreateArgs(options), {
    stdio: 'tee',
    hint: `Check the tools with: nx run local-cluster:prereqs --configuration=kind. Remove a broken cluster with: kind delete cluster --name ${options.name}`,
  });
}
