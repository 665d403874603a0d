import { run } from '../process';
import type { ClusterTarget } from './options';

/** `minikube delete -p <profile>` or `kind delete cluster --name <name>`: the cluster and its context go. */
export async function deleteCluster(
  cluster: Pick<ClusterTarget, 'provider' | 'name'>,
): Promise<void> {
  if (cluster.provider === 'kind') {
    await run('kind', ['delete', 'cluster', '--name', cluster.name]);
    return;
  }
  await run('minikube', ['delete', '-p', cluster.name]);
}
