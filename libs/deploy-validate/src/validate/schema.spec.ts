import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientModel, hasSchema, loadModels } from './models';
import { parseManifests } from './parse';
import { validateSchemas } from './schema';
import { FIELDS_NEWER_THAN_TARGET, SERVED_KINDS } from './served-apis';
import { formatFinding } from './types';

const compliant = readFileSync(join(__dirname, '__fixtures__', 'compliant.yaml'), 'utf8');

async function check(yaml: string): Promise<string[]> {
  const { objects, findings } = parseManifests(yaml, 'test.yaml');
  expect(findings).toEqual([]);
  return (await validateSchemas(objects)).map(formatFinding);
}

const deployment = (container: string, podExtra = '') => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:${podExtra}
      containers:
        - ${container}
`;

describe('validateSchemas', () => {
  beforeAll(() => loadModels(SERVED_KINDS), 60_000);

  it('accepts well-formed objects of many kinds', async () => {
    expect(await check(compliant)).toEqual([]);
  });

  it('has a schema and a field model for every apiVersion/kind a 1.29 server serves', () => {
    const missing = SERVED_KINDS.filter((k) => !hasSchema(k.apiVersion, k.kind)).map(
      (k) => `${k.apiVersion} ${k.kind}`,
    );
    expect(missing).toEqual([]);
  });

  it('lists only post-1.29 fields that the field models really have', () => {
    const unknown = Object.keys(FIELDS_NEWER_THAN_TARGET).filter((key) => {
      const [model, field] = key.split('.');
      return !clientModel(model)
        ?.getAttributeTypeMap()
        .some((a) => a.baseName === field);
    });
    expect(unknown).toEqual([]);
  });

  it('reports an unknown field with the file, the object and the field path', async () => {
    expect(await check(deployment('{ name: web, image: "web:1", resourcs: {} }'))).toEqual([
      'test.yaml: Deployment/web: spec.template.spec.containers[0].resourcs: unknown field "resourcs" (did you mean "resources"?)',
    ]);
  });

  it('reports unknown fields at any depth, in maps and lists too', async () => {
    const findings = await check(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web, annotations: { any.key/is-fine: x } }
spec:
  rules:
    - host: a.local
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: { service: { name: web, port: { number: 80, protocol: TCP } } }
`);
    expect(findings).toEqual([
      'test.yaml: Ingress/web: spec.rules[0].http.paths[0].backend.service.port.protocol: unknown field "protocol"',
    ]);
  });

  it('reports wrong types, bad enums, bad quantities and missing required fields', async () => {
    const findings = await check(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: two
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - image: web:1
          imagePullPolicy: Sometimes
          resources: { limits: { cpu: 500mX, memory: 1Gi } }
`);
    expect(findings).toEqual([
      'test.yaml: Deployment/web: spec.replicas: must be of type integer',
      'test.yaml: Deployment/web: spec.template.spec.containers[0].name: is required',
      'test.yaml: Deployment/web: spec.template.spec.containers[0].imagePullPolicy: must be one of: Always, IfNotPresent, Never',
      'test.yaml: Deployment/web: spec.template.spec.containers[0].resources.limits.cpu: must be a quantity such as 500m, 1, 512Mi or 10Gi',
    ]);
  });

  it('refuses fields a 1.29 server does not know yet', async () => {
    const findings = await check(
      deployment(
        '{ name: web, image: "web:1", securityContext: { appArmorProfile: { type: RuntimeDefault } } }',
      ),
    );
    expect(findings).toEqual([
      'test.yaml: Deployment/web: spec.template.spec.containers[0].securityContext.appArmorProfile: field "appArmorProfile" needs Kubernetes 1.30; the target cluster is 1.29.0',
    ]);
  });

  it('refuses apiVersions a 1.29 server no longer serves, naming the one to use', async () => {
    const findings = await check(`
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata: { name: a }
---
apiVersion: autoscaling/v2beta2
kind: HorizontalPodAutoscaler
metadata: { name: a }
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata: { name: a }
---
apiVersion: example.com/v1
kind: Widget
metadata: { name: a }
`);
    expect(findings).toEqual([
      'test.yaml: PodDisruptionBudget/a: apiVersion: policy/v1beta1 PodDisruptionBudget is not served by Kubernetes 1.29.0: use policy/v1',
      'test.yaml: HorizontalPodAutoscaler/a: apiVersion: autoscaling/v2beta2 HorizontalPodAutoscaler is not served by Kubernetes 1.29.0: use autoscaling/v1 or autoscaling/v2',
      'test.yaml: Ingress/a: apiVersion: extensions/v1beta1 Ingress is not served by Kubernetes 1.29.0: use networking.k8s.io/v1',
      'test.yaml: Widget/a: apiVersion: example.com/v1 Widget is not served by Kubernetes 1.29.0: it is not a built-in kind (a CRD would have to be installed first)',
    ]);
  });

  it('checks names, labels and namespaces the way the API server does', async () => {
    const findings = await check(`
apiVersion: v1
kind: Service
metadata: { name: 1web, labels: { "app": "two words", "bad key!": x } }
spec: { ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Namespace
metadata: { name: shop, namespace: default }
---
apiVersion: v1
kind: ConfigMap
metadata: {}
`);
    expect(findings).toEqual([
      'test.yaml: Service/1web: metadata.name: "1web" must be a DNS-1035 label (lower case letters, digits, "-", starting with a letter) of at most 63 characters',
      'test.yaml: Service/1web: metadata.labels.app: "two words" is not a valid label value (at most 63 letters, digits, "-", "_", ".")',
      'test.yaml: Service/1web: metadata.labels["bad key!"]: "bad key!" is not a valid label key',
      'test.yaml: Namespace/shop: metadata.namespace: must not be set: Namespace is cluster-scoped',
      'test.yaml: ConfigMap/<no name>: metadata.name: is required',
    ]);
  });

  it('says which field is missing when apiVersion or kind is absent', async () => {
    expect(await check('kind: ConfigMap\nmetadata: { name: a }\n')).toEqual([
      'test.yaml: ConfigMap/a: apiVersion: is required',
    ]);
  });
});
