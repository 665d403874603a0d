import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Just enough of a Kubernetes 1.29 API server for `helm install --dry-run=server` to render the
 * chart with `lookup` working: version and discovery for the kinds the chart renders, an empty
 * Helm release history, and the objects a test puts in it (everything else answers 404).
 * Listens on 127.0.0.1 only; `kubeconfig` points helm at it.
 */
export class FakeApiServer {
  private constructor(
    private readonly server: Server,
    readonly kubeconfig: string,
    private readonly objects: Map<string, object>,
    /** `GET /path` of every request, oldest first. */
    readonly requests: string[],
  ) {}

  static async start(): Promise<FakeApiServer> {
    const objects = new Map<string, object>();
    const requests: string[] = [];
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      requests.push(`${req.method} ${path}`);
      const [status, body] = answer(path, objects);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const dir = mkdtempSync(join(tmpdir(), 'pakaura-fake-api-'));
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(
      kubeconfig,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'fake', cluster: { server: `http://127.0.0.1:${port}` } }],
        users: [{ name: 'fake', user: {} }],
        contexts: [{ name: 'fake', context: { cluster: 'fake', user: 'fake' } }],
        'current-context': 'fake',
      }),
    );
    return new FakeApiServer(server, kubeconfig, objects, requests);
  }

  /** Puts an object where `GET /api/v1/namespaces/<ns>/secrets/<name>` (etc.) finds it. */
  put(object: {
    kind: string;
    metadata: { name: string; namespace: string; [field: string]: unknown };
    [field: string]: unknown;
  }): void {
    this.objects.set(
      objectPath(object.kind, object.metadata.namespace, object.metadata.name),
      object,
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Resource {
  name: string;
  kind: string;
  namespaced: boolean;
}

const DISCOVERY: Record<string, Resource[]> = {
  v1: [
    { name: 'secrets', kind: 'Secret', namespaced: true },
    { name: 'configmaps', kind: 'ConfigMap', namespaced: true },
    { name: 'services', kind: 'Service', namespaced: true },
    { name: 'pods', kind: 'Pod', namespaced: true },
    { name: 'namespaces', kind: 'Namespace', namespaced: false },
  ],
  'apps/v1': [
    { name: 'deployments', kind: 'Deployment', namespaced: true },
    { name: 'statefulsets', kind: 'StatefulSet', namespaced: true },
  ],
  'autoscaling/v2': [
    { name: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', namespaced: true },
  ],
  'batch/v1': [{ name: 'jobs', kind: 'Job', namespaced: true }],
  'policy/v1': [{ name: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', namespaced: true }],
  'networking.k8s.io/v1': [
    { name: 'ingresses', kind: 'Ingress', namespaced: true },
    { name: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true },
  ],
};

function objectPath(kind: string, namespace: string, name: string): string {
  for (const [groupVersion, resources] of Object.entries(DISCOVERY)) {
    const resource = resources.find((r) => r.kind === kind);
    if (!resource) continue;
    const base = groupVersion === 'v1' ? '/api/v1' : `/apis/${groupVersion}`;
    return `${base}/namespaces/${namespace}/${resource.name}/${name}`;
  }
  throw new Error(`The fake API server does not serve ${kind}`);
}

function answer(path: string, objects: Map<string, object>): [number, object] {
  const verbs = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
  const resourceList = (groupVersion: string) => ({
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources: DISCOVERY[groupVersion].map((r) => ({ ...r, singularName: '', verbs })),
  });
  if (path === '/version') {
    return [200, { major: '1', minor: '29', gitVersion: 'v1.29.0', platform: 'linux/amd64' }];
  }
  if (path === '/api')
    return [200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] }];
  if (path === '/apis') {
    const groups = Object.keys(DISCOVERY)
      .filter((gv) => gv !== 'v1')
      .map((groupVersion) => {
        const [name, version] = groupVersion.split('/');
        return {
          name,
          versions: [{ groupVersion, version }],
          preferredVersion: { groupVersion, version },
        };
      });
    return [200, { kind: 'APIGroupList', apiVersion: 'v1', groups }];
  }
  if (path === '/api/v1') return [200, resourceList('v1')];
  const group = /^\/apis\/([^/]+\/[^/]+)$/.exec(path)?.[1];
  if (group && DISCOVERY[group]) return [200, resourceList(group)];
  // Helm keeps its release history in Secrets; this cluster has none.
  if (/^\/api\/v1\/namespaces\/[^/]+\/secrets$/.test(path)) {
    return [200, { kind: 'SecretList', apiVersion: 'v1', metadata: {}, items: [] }];
  }
  const object = objects.get(path);
  if (object) return [200, object];
  return [
    404,
    { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 },
  ];
}
