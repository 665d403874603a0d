import { RESOURCE_TYPES, apiVersionOf, type ResourceType } from './store';

/**
 * Discovery and OpenAPI v3 answers of a Kubernetes 1.29 API server for the kinds the fake serves,
 * enough for kubectl 1.32 and client-node to find their way:
 * - legacy discovery: `/api` (APIVersions), `/apis` (APIGroupList), one APIResourceList per
 *   group-version (kubernetes 1.29 staging/src/k8s.io/apiserver/pkg/endpoints/discovery). kubectl
 *   asks for the aggregated form first (`Accept: application/json;g=apidiscovery.k8s.io;v=v2`) and
 *   takes this plain form when the answer is not one;
 * - the OpenAPI v3 index and one document per group-version (`api__v1_openapi.json`,
 *   `apis__apps__v1_openapi.json` in kubernetes `api/openapi-spec/v3`), reduced to each kind's
 *   PATCH operation. kubectl reads it to learn whether the server validates fields itself: when
 *   the operation takes `fieldValidation` (every server since 1.27 does), `--validate=strict` is
 *   sent to the server as `?fieldValidation=Strict` instead of checked in the client
 *   (cli-runtime `query_param_verifier_v3.go`, `supportsQueryParamV3`).
 * Returns undefined for any other path.
 */
export function discoveryAnswer(path: string): object | undefined {
  if (path === '/api') {
    return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] };
  }
  if (path === '/apis') {
    const groups = groupVersions()
      .filter((gv) => gv !== 'v1')
      .map((groupVersion) => {
        const [name, version] = groupVersion.split('/');
        return {
          name,
          versions: [{ groupVersion, version }],
          preferredVersion: { groupVersion, version },
        };
      });
    return { kind: 'APIGroupList', apiVersion: 'v1', groups };
  }
  if (path === '/openapi/v3') {
    const paths = Object.fromEntries(
      groupVersions().map((gv) => [
        gvPath(gv),
        { serverRelativeURL: `/openapi/v3/${gvPath(gv)}?hash=${gv.replace(/\W/g, '')}` },
      ]),
    );
    return { paths };
  }
  for (const groupVersion of groupVersions()) {
    if (path === `/${gvPath(groupVersion)}`) return resourceList(groupVersion);
    if (path === `/openapi/v3/${gvPath(groupVersion)}`) return openApiDocument(groupVersion);
  }
  return undefined;
}

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

const groupVersions = () => [...new Set(RESOURCE_TYPES.map(apiVersionOf))];
const resourcesOf = (groupVersion: string): ResourceType[] =>
  RESOURCE_TYPES.filter((r) => apiVersionOf(r) === groupVersion);

/** `api/v1` or `apis/apps/v1`: a group-version's path, as discovery and the OpenAPI index name it. */
const gvPath = (groupVersion: string) =>
  groupVersion === 'v1' ? 'api/v1' : `apis/${groupVersion}`;

function resourceList(groupVersion: string) {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources: resourcesOf(groupVersion).map((r) => ({
      name: r.plural,
      singularName: '',
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: VERBS,
    })),
  };
}

/** The OpenAPI v3 document of one group-version: each kind's PATCH operation, as 1.29 has it. */
function openApiDocument(groupVersion: string): object {
  const paths = Object.fromEntries(
    resourcesOf(groupVersion).map((resource) => {
      const path = resource.namespaced
        ? `/${gvPath(groupVersion)}/namespaces/{namespace}/${resource.plural}/{name}`
        : `/${gvPath(groupVersion)}/${resource.plural}/{name}`;
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
        'x-kubernetes-group-version-kind': {
          group: resource.group,
          version: resource.version,
          kind: resource.kind,
        },
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
