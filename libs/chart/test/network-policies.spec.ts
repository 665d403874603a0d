import { API_PORT, FRONTEND_PORT, K8S_NAMES, NAMESPACE, POSTGRES_PORT } from '@pakaura/contract';
import {
  listManifestFiles,
  readManifestFiles,
  type ManifestObject,
} from '@pakaura/deploy-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFESTS_DIR, WORKSPACE_ROOT, find, renderChart } from './chart';
import { PolicySet, inCidr, matchesSelector, podOf, type Endpoint } from './network-policy';

const OWN_NAMESPACE = { 'kubernetes.io/metadata.name': NAMESPACE };
/** Addresses of documentation ranges (RFC 5737): outside any cluster, never routed. */
const CHAT_PROVIDER = { name: 'api.cohere.com', ip: '203.0.113.10' };
const EXTERNAL_DATABASE = { name: 'db.example.com', ip: '198.51.100.7' };

const INGRESS_CONTROLLER: Endpoint = {
  name: 'ingress-nginx-controller',
  namespace: 'ingress-nginx',
  namespaceLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' },
  labels: { 'app.kubernetes.io/name': 'ingress-nginx' },
};
const DNS: Endpoint = {
  name: 'coredns',
  namespace: 'kube-system',
  namespaceLabels: { 'kubernetes.io/metadata.name': 'kube-system' },
  labels: { 'k8s-app': 'kube-dns' },
  ports: [
    { name: 'dns', containerPort: 53, protocol: 'UDP' },
    { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
  ],
};
/** Another app's pod in Pakaura's namespace, and one in another namespace. */
const NEIGHBOUR: Endpoint = {
  name: 'neighbour',
  namespace: NAMESPACE,
  namespaceLabels: OWN_NAMESPACE,
  labels: { run: 'neighbour' },
};
const ELSEWHERE: Endpoint = {
  name: 'elsewhere',
  namespace: 'default',
  namespaceLabels: { 'kubernetes.io/metadata.name': 'default' },
  labels: { app: 'api' },
};

function rawManifests(): ManifestObject[] {
  const files = listManifestFiles(MANIFESTS_DIR, WORKSPACE_ROOT, (f) => f === 'kustomization.yaml');
  return readManifestFiles(files, WORKSPACE_ROOT).objects;
}

interface Pods {
  api: Endpoint;
  frontend: Endpoint;
  postgresql: Endpoint;
  migration: Endpoint;
}

function podsOf(bundle: readonly ManifestObject[]): Pods {
  const job = bundle.find((m) => m.object['kind'] === 'Job');
  if (!job) throw new Error('No migration Job in the bundle');
  return {
    api: podOf(find(bundle, 'Deployment', K8S_NAMES.api), OWN_NAMESPACE),
    frontend: podOf(find(bundle, 'Deployment', K8S_NAMES.frontend), OWN_NAMESPACE),
    postgresql: podOf(find(bundle, 'StatefulSet', K8S_NAMES.postgresql), OWN_NAMESPACE),
    migration: podOf(job.object, OWN_NAMESPACE),
  };
}

describe.each([
  ['the chart', async () => (await renderChart()).objects],
  ['the raw manifests', async () => rawManifests()],
])('the NetworkPolicies of %s', (_what, load) => {
  let policies: PolicySet;
  let pods: Pods;
  beforeAll(async () => {
    const bundle = await load();
    policies = new PolicySet(bundle);
    pods = podsOf(bundle);
  });

  it('admit what the app needs: the ingress controller in, the frontend to the API, the API and migrations to PostgreSQL', () => {
    expect(policies.allows(INGRESS_CONTROLLER, pods.frontend, FRONTEND_PORT)).toBe(true);
    expect(policies.allows(INGRESS_CONTROLLER, pods.api, API_PORT)).toBe(true);
    expect(policies.allows(pods.frontend, pods.api, API_PORT)).toBe(true);
    expect(policies.allows(pods.api, pods.postgresql, POSTGRES_PORT)).toBe(true);
    expect(policies.allows(pods.migration, pods.postgresql, POSTGRES_PORT)).toBe(true);
  });

  it('let every app pod resolve names, over UDP and TCP, and the API reach the chat provider over HTTPS', () => {
    for (const pod of [pods.api, pods.frontend, pods.migration]) {
      expect(policies.allows(pod, DNS, 53, 'UDP')).toBe(true);
      expect(policies.allows(pod, DNS, 53, 'TCP')).toBe(true);
    }
    expect(policies.allows(pods.api, CHAT_PROVIDER, 443)).toBe(true);
  });

  it('deny everything else, in and out, by default', () => {
    const denied: [Endpoint, Endpoint, number][] = [
      [pods.frontend, pods.postgresql, POSTGRES_PORT],
      [INGRESS_CONTROLLER, pods.postgresql, POSTGRES_PORT],
      [NEIGHBOUR, pods.api, API_PORT],
      [NEIGHBOUR, pods.postgresql, POSTGRES_PORT],
      [ELSEWHERE, pods.frontend, FRONTEND_PORT],
      [pods.api, CHAT_PROVIDER, 80],
      [pods.frontend, CHAT_PROVIDER, 443],
      [pods.postgresql, CHAT_PROVIDER, 443],
      [pods.migration, CHAT_PROVIDER, 443],
      [pods.api, pods.frontend, FRONTEND_PORT],
      [pods.api, NEIGHBOUR, 8080],
    ];
    expect(
      denied
        .filter(([from, to, port]) => policies.allows(from, to, port))
        .map(([from, to, port]) => `${from.name} -> ${to.name}:${port}`),
    ).toEqual([]);
    expect(policies.allows(pods.postgresql, DNS, 53, 'UDP')).toBe(false);
    expect(policies.allows(NEIGHBOUR, CHAT_PROVIDER, 443)).toBe(false);
  });
});

describe('the chart NetworkPolicies, configured', () => {
  it("let the API and the migrations reach an external database's port, and nothing else there", async () => {
    const bundle = (
      await renderChart({
        'postgresql.enabled': false,
        'externalDatabase.host': EXTERNAL_DATABASE.name,
        'externalDatabase.port': 6432,
      })
    ).objects;
    const policies = new PolicySet(bundle);
    const api = podOf(find(bundle, 'Deployment', K8S_NAMES.api), OWN_NAMESPACE);
    expect(policies.allows(api, EXTERNAL_DATABASE, 6432)).toBe(true);
    expect(policies.allows(api, EXTERNAL_DATABASE, 22)).toBe(false);
  });

  it('close the chat provider when asked, and everything is open when the policies are off', async () => {
    const closed = (await renderChart({ 'networkPolicy.chatProvider.enabled': false })).objects;
    const api = podOf(find(closed, 'Deployment', K8S_NAMES.api), OWN_NAMESPACE);
    expect(new PolicySet(closed).allows(api, CHAT_PROVIDER, 443)).toBe(false);
    const off = (await renderChart({ 'networkPolicy.enabled': false })).objects;
    expect(off.filter((m) => m.object['kind'] === 'NetworkPolicy')).toEqual([]);
    expect(new PolicySet(off).allows(NEIGHBOUR, api, API_PORT)).toBe(true);
  });

  it('let the helm test pod reach the API and resolve its name', async () => {
    const bundle = (await renderChart()).objects;
    const policies = new PolicySet(bundle);
    const test = podOf(bundle.find((m) => m.object['kind'] === 'Pod')?.object ?? {}, OWN_NAMESPACE);
    const api = podOf(find(bundle, 'Deployment', K8S_NAMES.api), OWN_NAMESPACE);
    expect(policies.allows(test, api, API_PORT)).toBe(true);
    expect(policies.allows(test, DNS, 53, 'UDP')).toBe(true);
    expect(policies.allows(test, CHAT_PROVIDER, 443)).toBe(false);
  });
});

describe('the NetworkPolicy evaluator the tests use', () => {
  it('reads label selectors and CIDR ranges as Kubernetes does', () => {
    expect(matchesSelector({}, { any: 'thing' })).toBe(true);
    expect(
      matchesSelector(
        {
          matchLabels: { a: '1' },
          matchExpressions: [{ key: 'b', operator: 'In', values: ['2'] }],
        },
        { a: '1', b: '2' },
      ),
    ).toBe(true);
    expect(
      matchesSelector(
        { matchExpressions: [{ key: 'b', operator: 'NotIn', values: ['2'] }] },
        { b: '2' },
      ),
    ).toBe(false);
    expect(inCidr('203.0.113.10', '0.0.0.0/0')).toBe(true);
    expect(inCidr('203.0.113.10', '203.0.113.0/24')).toBe(true);
    expect(inCidr('198.51.100.7', '203.0.113.0/24')).toBe(false);
  });

  it('opens a pod that no policy selects, and closes one that a policy with no rules selects', () => {
    const pod = { name: 'p', namespace: 'n', namespaceLabels: {}, labels: { a: 'b' } };
    const none = new PolicySet([]);
    expect(none.allows(pod, CHAT_PROVIDER, 443)).toBe(true);
    const deny = new PolicySet([
      {
        source: 'x',
        index: 0,
        object: {
          kind: 'NetworkPolicy',
          metadata: { name: 'deny', namespace: 'n' },
          spec: { podSelector: {}, policyTypes: ['Egress'] },
        },
      },
    ]);
    expect(deny.allows(pod, CHAT_PROVIDER, 443)).toBe(false);
  });
});
