import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The part of a Kubernetes 1.29 API server that `kubectl apply --dry-run=client` talks to, for an
 * object the cluster does not have yet: the version, legacy discovery (`/api`, `/apis`, one
 * APIResourceList per group-version), the OpenAPI v3 index and one document per group-version,
 * and 404 for every object. kubectl (client-go 1.32) reads the OpenAPI v3 document to learn
 * whether the server validates fields itself: when the PATCH operation of the object's kind takes
 * `fieldValidation` (every server since 1.27 does), kubectl leaves validation to the server and a
 * client dry run sends nothing more (cli-runtime `query_param_verifier_v3.go`,
 * `supportsQueryParamV3`). The documents have the shape of kubernetes `api/openapi-spec/v3`
 * (`api__v1_openapi.json`, `apis__apps__v1_openapi.json`...) reduced to those operations.
 * Listens on 127.0.0.1 only; `kubeconfig` points kubectl at it.
 */
export class FakeKubeApi {
  private constructor(
    private readonly server: Server,
    readonly kubeconfig: string,
    /** `METHOD /path` of every request, oldest first. */
    readonly requests: string[],
  ) {}

  static async start(): Promise<FakeKubeApi> {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(`${req.method} ${url.pathname}`);
      const [status, body] = answer(url.pathname);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'pakaura-kube-api-')), 'kubeconfig');
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
    return new FakeKubeApi(server, kubeconfig, requests);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Resource {
  name: string;
  kind: string;
  namespaced: boolean;
}

/** The kinds Pakaura's manifests and chart use, as Kubernetes 1.29 serves them. */
const RESOURCES: Record<string, Resource[]> = {
  v1: [
    { name: 'namespaces', kind: 'Namespace', namespaced: false },
    { name: 'configmaps', kind: 'ConfigMap', namespaced: true },
    { name: 'secrets', kind: 'Secret', namespaced: true },
    { name: 'services', kind: 'Service', namespaced: true },
    { name: 'pods', kind: 'Pod', namespaced: true },
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

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** `api/v1` or `apis/apps/v1`: a group-version's path, as discovery and the OpenAPI index name it. */
const gvPath = (groupVersion: string) =>
  groupVersion === 'v1' ? 'api/v1' : `apis/${groupVersion}`;

/** The OpenAPI v3 document of one group-version: each kind's PATCH operation, as 1.29 has it. */
function openApiDocument(groupVersion: string): object {
  const [group, version] = groupVersion.includes('/')
    ? groupVersion.split('/')
    : ['', groupVersion];
  const paths = Object.fromEntries(
    RESOURCES[groupVersion].map((resource) => {
      const path = resource.namespaced
        ? `/${gvPath(groupVersion)}/namespaces/{namespace}/${resource.name}/{name}`
        : `/${gvPath(groupVersion)}/${resource.name}/{name}`;
      const patch = {
        description: `partially update the specified ${resource.kind}`,
        operationId: `patch${resource.kind}`,
        parameters: [
          { name: 'dryRun', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'force', in: 'query', schema: { type: 'boolean', uniqueItems: true } },
        ],
        responses: { '200': { description: 'OK' } },
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group, version, kind: resource.kind },
      };
      return [path, { patch }];
    }),
  );
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.29.0' },
    paths,
    components: { schemas: {} },
  };
}

function answer(path: string): [number, object] {
  const resourceList = (groupVersion: string) => ({
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources: RESOURCES[groupVersion].map((r) => ({ ...r, singularName: '', verbs: VERBS })),
  });
  if (path === '/version') {
    return [
      200,
      {
        major: '1',
        minor: '29',
        gitVersion: 'v1.29.0',
        goVersion: 'go1.21.5',
        platform: 'linux/amd64',
      },
    ];
  }
  if (path === '/api') {
    return [200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] }];
  }
  if (path === '/apis') {
    const groups = Object.keys(RESOURCES)
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
  for (const groupVersion of Object.keys(RESOURCES)) {
    if (path === `/${gvPath(groupVersion)}`) return [200, resourceList(groupVersion)];
    if (path === `/openapi/v3/${gvPath(groupVersion)}`) return [200, openApiDocument(groupVersion)];
  }
  if (path === '/openapi/v3') {
    const paths = Object.fromEntries(
      Object.keys(RESOURCES).map((gv) => [
        gvPath(gv),
        { serverRelativeURL: `/openapi/v3/${gvPath(gv)}?hash=${gv.replace(/\W/g, '')}` },
      ]),
    );
    return [200, { paths }];
  }
  return [
    404,
    { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 },
  ];
}
