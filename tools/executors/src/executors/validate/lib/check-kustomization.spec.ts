import { parseManifests } from '@pakaura/deploy-validate';
import { describe, expect, it } from 'vitest';
import { checkKustomization } from './check-kustomization';

const files = parseManifests(
  `apiVersion: v1
kind: ConfigMap
metadata: { name: shop-config, namespace: shop }
data: { DB_HOST: postgresql }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: forgotten, namespace: shop }
data: { A: b }
`,
  'k8s/configmaps.yaml',
).objects;

const build = (secret: string) => `apiVersion: v1
kind: ConfigMap
metadata: { name: shop-config, namespace: shop }
data: { DB_HOST: postgresql }
---
apiVersion: v1
kind: Secret
metadata: { name: shop-secrets, namespace: shop }
type: Opaque
data: { DB_PASSWORD: ${Buffer.from(secret).toString('base64')} }
`;

describe('checkKustomization', () => {
  it('reports a manifest the kustomization does not install', async () => {
    const { findings } = await checkKustomization(
      { yaml: build('a-long-random-value'), generatedSecrets: true },
      files,
      'k8s',
    );
    expect(findings.map((f) => `${f.source}: ${f.object}: ${f.message}`)).toEqual([
      'k8s/configmaps.yaml: ConfigMap/forgotten: is not installed by k8s/kustomization.yaml: add the file to its resources',
    ]);
  });

  it("refuses placeholders in the operator's secrets.env", async () => {
    const { findings } = await checkKustomization(
      { yaml: build('CHANGE_ME'), generatedSecrets: false },
      files.slice(0, 1),
      'k8s',
    );
    expect(findings.map((f) => `${f.source}: ${f.object}: ${f.path}: ${f.message}`)).toEqual([
      'k8s/secrets.env: Secret/shop-secrets: data.DB_PASSWORD: still holds the placeholder "CHANGE_ME": set a real value before applying (kubectl apply -k would install it)',
    ]);
  });

  it('validates the build itself like any other manifests', async () => {
    const { findings, objects } = await checkKustomization(
      {
        yaml: `${build('a-long-random-value')}---\napiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: { name: x, namespace: shop }\n`,
        generatedSecrets: true,
      },
      files.slice(0, 1),
      'k8s',
    );
    expect(objects).toHaveLength(3);
    expect(findings.map((f) => `${f.source}: ${f.object}: ${f.path}`)).toEqual([
      'k8s/kustomization.yaml (kustomize build): Ingress/x: apiVersion',
    ]);
  });
});
