/** One name → address entry of the generated /etc/hosts. */
export interface HostEntry {
  address: string;
  names: string[];
}

/** `name`, `name.ns`, `name.ns.svc`, `name.ns.svc.cluster.local`: what cluster DNS answers for. */
export function serviceNames(
  name: string,
  namespace: string,
  clusterDomain = 'cluster.local',
): string[] {
  return [
    name,
    `${name}.${namespace}`,
    `${name}.${namespace}.svc`,
    `${name}.${namespace}.svc.${clusterDomain}`,
  ];
}

/**
 * The /etc/hosts a pod sees, standing in for cluster DNS: the kubelet's own lines (localhost, the
 * pod's address and hostname, with its FQDN when it has a subdomain), then every Service and
 * StatefulSet pod name under each of its DNS forms.
 */
export function hostsFile(
  own: { address?: string; hostname: string; subdomain?: string; namespace: string },
  entries: HostEntry[],
): string {
  const lines = [
    '# Kubernetes-managed hosts file (written by kube-harness in place of cluster DNS).',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
  ];
  if (own.address) {
    lines.push(
      own.subdomain
        ? `${own.address}\t${own.hostname}.${own.subdomain}.${own.namespace}.svc.cluster.local\t${own.hostname}`
        : `${own.address}\t${own.hostname}`,
    );
  }
  for (const entry of entries) lines.push(`${entry.address}\t${entry.names.join(' ')}`);
  return `${lines.join('\n')}\n`;
}
