import type { KubeObject, ManifestObject } from '@pakaura/deploy-validate';

/**
 * Which connections a set of NetworkPolicies admits, decided as the Kubernetes API documents it
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/): a pod that no policy
 * of a direction selects is open in that direction; a selected pod admits only what one of the
 * rules of the policies selecting it allows; a connection needs the sender's egress and the
 * receiver's ingress. `ipBlock` peers are matched against addresses outside the cluster only (what
 * a plugin does for pod addresses in an ipBlock is left to it), the way these policies use them.
 */
export interface Endpoint {
  /** A name for messages. */
  name: string;
  /** A pod: its namespace, the namespace's labels, its labels and container ports. */
  namespace?: string;
  namespaceLabels?: Record<string, string>;
  labels?: Record<string, string>;
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  /** An address outside the cluster. */
  ip?: string;
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

interface Rule {
  to?: Peer[];
  from?: Peer[];
  ports?: { port?: number | string; protocol?: string }[];
}

interface PolicySpec {
  podSelector: LabelSelector;
  policyTypes?: string[];
  ingress?: Rule[];
  egress?: Rule[];
}

export function matchesSelector(
  selector: LabelSelector | undefined,
  labels: Record<string, string> = {},
): boolean {
  if (!selector) return true;
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In':
        return key in labels && values.includes(labels[key]);
      case 'NotIn':
        return !(key in labels) || !values.includes(labels[key]);
      case 'Exists':
        return key in labels;
      case 'DoesNotExist':
        return !(key in labels);
      default:
        throw new Error(`Unknown selector operator ${operator}`);
    }
  });
  return byLabel && byExpression;
}

function ipv4(address: string): number {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) {
    throw new Error(`Not an IPv4 address: ${address}`);
  }
  return parts.reduce((n, p) => n * 256 + p, 0);
}

export function inCidr(address: string, cidr: string): boolean {
  if (cidr.includes(':')) return false;
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipv4(address) / size) === Math.floor(ipv4(base) / size);
}

function peerMatches(peer: Peer, policyNamespace: string, other: Endpoint): boolean {
  if (peer.ipBlock) {
    return (
      other.ip !== undefined &&
      inCidr(other.ip, peer.ipBlock.cidr) &&
      !(peer.ipBlock.except ?? []).some((cidr) => inCidr(other.ip as string, cidr))
    );
  }
  if (other.ip !== undefined) return false;
  const namespaceOk = peer.namespaceSelector
    ? matchesSelector(peer.namespaceSelector, other.namespaceLabels)
    : other.namespace === policyNamespace;
  return namespaceOk && matchesSelector(peer.podSelector, other.labels);
}

function portMatches(rule: Rule, destination: Endpoint, port: number, protocol: string): boolean {
  if (!rule.ports || rule.ports.length === 0) return true;
  return rule.ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== protocol) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === 'number') return p.port === port;
    return (destination.ports ?? []).some(
      (c) => c.name === p.port && c.containerPort === port && (c.protocol ?? 'TCP') === protocol,
    );
  });
}

export class PolicySet {
  private readonly policies: { namespace: string; spec: PolicySpec }[];

  constructor(bundle: readonly ManifestObject[]) {
    this.policies = bundle
      .filter((m) => m.object['kind'] === 'NetworkPolicy')
      .map((m) => ({
        namespace: String((m.object['metadata'] as { namespace?: string }).namespace),
        spec: m.object['spec'] as PolicySpec,
      }));
  }

  private selecting(endpoint: Endpoint, direction: 'Ingress' | 'Egress') {
    if (endpoint.ip !== undefined) return [];
    return this.policies.filter(({ namespace, spec }) => {
      const types = spec.policyTypes ?? (spec.egress ? ['Ingress', 'Egress'] : ['Ingress']);
      return (
        namespace === endpoint.namespace &&
        types.includes(direction) &&
        matchesSelector(spec.podSelector, endpoint.labels)
      );
    });
  }

  /** Whether `from` may open a connection to `to` on `port`/`protocol`. */
  allows(from: Endpoint, to: Endpoint, port: number, protocol = 'TCP'): boolean {
    const egress = this.selecting(from, 'Egress');
    const out =
      egress.length === 0 ||
      egress.some(({ namespace, spec }) =>
        (spec.egress ?? []).some(
          (rule) =>
            (!rule.to ||
              rule.to.length === 0 ||
              rule.to.some((p) => peerMatches(p, namespace, to))) &&
            portMatches(rule, to, port, protocol),
        ),
      );
    const ingress = this.selecting(to, 'Ingress');
    const into =
      ingress.length === 0 ||
      ingress.some(({ namespace, spec }) =>
        (spec.ingress ?? []).some(
          (rule) =>
            (!rule.from ||
              rule.from.length === 0 ||
              rule.from.some((p) => peerMatches(p, namespace, from))) &&
            portMatches(rule, to, port, protocol),
        ),
      );
    return out && into;
  }
}

type ContainerPorts = { ports?: Endpoint['ports'] }[];

/** The pod a workload (or a bare Pod) of the bundle runs, as an endpoint. */
export function podOf(object: KubeObject, namespaceLabels: Record<string, string>): Endpoint {
  const metadata = object['metadata'] as {
    name: string;
    namespace: string;
    labels?: Record<string, string>;
  };
  const spec = object['spec'] as {
    template?: {
      metadata: { labels: Record<string, string> };
      spec: { containers: ContainerPorts };
    };
    containers?: ContainerPorts;
  };
  return {
    name: `${String(object['kind'])}/${metadata.name}`,
    namespace: metadata.namespace,
    namespaceLabels,
    labels: spec.template ? spec.template.metadata.labels : (metadata.labels ?? {}),
    ports: (spec.template ? spec.template.spec.containers : (spec.containers ?? [])).flatMap(
      (c) => c.ports ?? [],
    ),
  };
}
