import type { V1Ingress } from '@kubernetes/client-node';
import { minikubeDriver } from '@pakaura/deploy-kube/cluster';
import type { ClusterTarget } from '@pakaura/deploy-kube/cluster';

/**
 * minikube drivers whose node is a container: on macOS and Windows the container network (the
 * node's IP, so the Ingress address) is not routable from the host, and `minikube tunnel`
 * serves the ingress controller on 127.0.0.1 instead.
 */
const CONTAINER_DRIVERS = new Set(['docker', 'podman']);

/** Where this machine reaches the ingress controller, and what makes it answer there. */
export type IngressEntry =
  { address: string; via: string; whenSilent: string } | { address?: undefined; why: string };

/**
 * The address the ingress controller answers at from this machine, for the provider and the
 * platform: kind publishes the node's port 80 on 127.0.0.1 (the project's kind config); minikube's
 * container drivers on macOS and Windows need `minikube tunnel`, which serves 127.0.0.1; elsewhere
 * the address ingress-nginx wrote into the Ingress status (the node's IP) is reachable.
 */
export async function ingressEntry(
  ingress: V1Ingress,
  cluster: ClusterTarget,
  platform: NodeJS.Platform,
): Promise<IngressEntry> {
  if (cluster.provider === 'kind') {
    return {
      address: '127.0.0.1',
      via: "the kind node's port 80, published on 127.0.0.1 (tools/local-cluster/kind-config.yaml)",
      whenSilent:
        'Is ingress-nginx running, and was the cluster created from the project config? Run: nx run local-cluster:addon-ingress --configuration=kind',
    };
  }
  const driver = await minikubeDriver(cluster.name);
  if (platform !== 'linux' && driver && CONTAINER_DRIVERS.has(driver)) {
    return {
      address: '127.0.0.1',
      via: `\`minikube tunnel\` (the ${driver} driver on ${platform === 'darwin' ? 'macOS' : platform})`,
      whenSilent: `To use the Ingress, keep this running in another terminal (it asks for your password to serve port 80): minikube tunnel -p ${cluster.name}`,
    };
  }
  const status = ingress.status?.loadBalancer?.ingress?.[0];
  const address = status?.ip ?? status?.hostname;
  if (!address) {
    return {
      why: `the Ingress has no address yet (ingress-nginx fills it in within a minute; is it running? Run: nx run local-cluster:addon-ingress)`,
    };
  }
  return {
    address,
    via: `the Ingress address (minikube's node${driver ? `, ${driver} driver` : ''})`,
    whenSilent: `Is the ingress addon running? Run: nx run local-cluster:addon-ingress`,
  };
}
