import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../parse';
import { formatFinding, type KubeObject, type ManifestObject } from '../types';
import { POLICY_RULES, runPolicy } from './index';
import { namesSecret } from './secret-rules';

const compliant = parseManifests(
  readFileSync(join(__dirname, '..', '__fixtures__', 'compliant.yaml'), 'utf8'),
  'shop.yaml',
).objects;

const DELETE = Symbol('delete');

/** One change to the compliant bundle: the object of `kind`, the field at a dotted `path`. */
interface Edit {
  kind: string;
  path: string;
  value: unknown;
}

const POD = 'spec.template.spec';
const WEB = `${POD}.containers[0]`;
const WAIT = `${POD}.initContainers[0]`;

const set = (kind: string, path: string, value: unknown): Edit => ({ kind, path, value });
const unset = (kind: string, path: string): Edit => ({ kind, path, value: DELETE });
const deployment = (path: string, value: unknown): Edit => set('Deployment', path, value);

function apply(object: KubeObject, { path, value }: Edit): void {
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  const last = keys.pop() as string;
  let target = object as Record<string, unknown>;
  for (const key of keys) target = target[key] as Record<string, unknown>;
  if (value === DELETE) delete target[last];
  else target[last] = value;
}

/** The compliant bundle with some edits applied to copies of its objects. */
function bundleWith(...edits: Edit[]): ManifestObject[] {
  const copy = structuredClone(compliant);
  for (const edit of edits) {
    const target = copy.find((m) => m.object['kind'] === edit.kind);
    if (!target) throw new Error(`The fixture has no ${edit.kind}`);
    apply(target.object, edit);
  }
  return copy;
}

function findings(...edits: Edit[]): string[] {
  return runPolicy(bundleWith(...edits)).map(formatFinding);
}

describe('runPolicy', () => {
  it('finds nothing in a bundle that follows every rule', () => {
    expect(runPolicy(compliant)).toEqual([]);
  });

  it('gives every rule a stable, unique kebab-case id and a description', () => {
    const ids = POLICY_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of POLICY_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
      expect(rule.description.length).toBeGreaterThan(20);
    }
  });

  it.each<[string, Edit, string]>([
    [
      'run-as-non-root',
      unset('Deployment', `${POD}.securityContext.runAsNonRoot`),
      `${WAIT}.securityContext.runAsNonRoot: init container "wait" may run as root`,
    ],
    [
      'run-as-non-root',
      deployment(`${WEB}.securityContext.runAsUser`, 0),
      `${WEB}.securityContext.runAsUser: container "web" needs a numeric non-root runAsUser`,
    ],
    [
      'read-only-root-filesystem',
      unset('Deployment', `${WEB}.securityContext.readOnlyRootFilesystem`),
      `${WEB}.securityContext.readOnlyRootFilesystem: container "web" must set readOnlyRootFilesystem: true`,
    ],
    [
      'no-privilege-escalation',
      deployment(`${WAIT}.securityContext.allowPrivilegeEscalation`, true),
      `${WAIT}.securityContext.allowPrivilegeEscalation: init container "wait" must set allowPrivilegeEscalation: false`,
    ],
    [
      'no-privilege-escalation',
      deployment(`${WEB}.securityContext.privileged`, true),
      `${WEB}.securityContext.privileged: container "web" must not be privileged`,
    ],
    [
      'drop-all-capabilities',
      deployment(`${WEB}.securityContext.capabilities`, { drop: ['NET_RAW'] }),
      `${WEB}.securityContext.capabilities.drop: container "web" must drop ALL capabilities`,
    ],
    [
      'drop-all-capabilities',
      deployment(`${WEB}.securityContext.capabilities.add`, ['NET_ADMIN']),
      `${WEB}.securityContext.capabilities.add: container "web" must not add capabilities (NET_ADMIN)`,
    ],
    [
      'seccomp-runtime-default',
      deployment(`${POD}.securityContext.seccompProfile`, { type: 'Unconfined' }),
      'spec.template.spec.securityContext.seccompProfile.type: init container "wait" needs seccompProfile.type RuntimeDefault',
    ],
    [
      'no-service-account-token',
      unset('Deployment', `${POD}.automountServiceAccountToken`),
      'spec.template.spec.automountServiceAccountToken: must be false',
    ],
    [
      'no-host-access',
      deployment(`${POD}.hostNetwork`, true),
      'spec.template.spec.hostNetwork: must not be true',
    ],
    [
      'requests-and-limits',
      unset('Deployment', `${WAIT}.resources.limits.memory`),
      `${WAIT}.resources.limits.memory: init container "wait" has no memory limit`,
    ],
    [
      'readiness-probe',
      unset('Deployment', `${WEB}.readinessProbe`),
      `${WEB}.readinessProbe: container "web" has no readinessProbe`,
    ],
    [
      'liveness-probe',
      unset('Deployment', `${WEB}.livenessProbe`),
      `${WEB}.livenessProbe: container "web" has no livenessProbe`,
    ],
    [
      'no-latest-tag',
      deployment(`${WEB}.image`, 'registry.local:5000/shop/web'),
      `${WEB}.image: container "web" image "registry.local:5000/shop/web" defaults to the "latest" tag`,
    ],
    [
      'no-latest-tag',
      deployment(`${WAIT}.image`, 'busybox:latest'),
      `${WAIT}.image: init container "wait" image "busybox:latest" uses the "latest" tag`,
    ],
    [
      'pull-policy-if-not-present',
      deployment(`${WEB}.imagePullPolicy`, 'Always'),
      `${WEB}.imagePullPolicy: container "web" must set imagePullPolicy: IfNotPresent (found Always)`,
    ],
    [
      'no-secret-in-env-value',
      deployment(`${WEB}.env[2]`, { name: 'JWT_SECRET', value: 'abc123456' }),
      `${WEB}.env[2].value: container "web" sets JWT_SECRET inline but "JWT_SECRET" names a secret`,
    ],
    [
      'no-secret-in-env-value',
      deployment(`${WEB}.env[2]`, { name: 'DATABASE_URL', value: 'postgres://app:hunter2@db/app' }),
      `${WEB}.env[2].value: container "web" sets DATABASE_URL inline but the value is a URL with a password in it`,
    ],
    [
      'no-secret-in-env-value',
      deployment(`${WEB}.env[2]`, { name: 'OPTIONS', value: '--auth=super-secret-password' }),
      `${WEB}.env[2].value: container "web" sets OPTIONS inline but the value holds Secret shop-secrets key DB_PASSWORD`,
    ],
    [
      'no-secret-in-configmap',
      set('ConfigMap', 'data.COHERE_API_KEY', 'ck-123'),
      'data.COHERE_API_KEY: "COHERE_API_KEY" names a secret: move it to a Secret',
    ],
    [
      'pdb-present',
      set('PodDisruptionBudget', 'spec.selector.matchLabels', { app: 'other' }),
      'Deployment/web: no PodDisruptionBudget selects its pods',
    ],
    [
      'network-policy-present',
      set('NetworkPolicy', 'metadata.namespace', 'elsewhere'),
      'Deployment/web: no NetworkPolicy selects its pods',
    ],
    [
      'rolling-update-no-unavailable',
      unset('Deployment', 'spec.strategy.rollingUpdate.maxUnavailable'),
      'spec.strategy.rollingUpdate.maxUnavailable: must be 0 (found the default 25%)',
    ],
    [
      'selector-matches-labels',
      deployment('spec.selector.matchLabels', { app: 'web', tier: 'back' }),
      'spec.selector: does not match the labels of its own pod template',
    ],
    [
      'service-selects-pods',
      set('Service', 'spec.ports[0].targetPort', 'https'),
      'spec.ports[0].targetPort: https is not a port of the selected pods',
    ],
    [
      'service-selects-pods',
      set('Service', 'spec.selector', { app: 'api' }),
      'Service/web: spec.selector: selects no long-running pods of the bundle',
    ],
    [
      'ingress-backend-exists',
      set('Ingress', 'spec.rules[0].http.paths[0].backend.service.name', 'api'),
      'spec.rules[0].http.paths[0].backend.service.name: Service "api" is not in the bundle',
    ],
  ])('reports %s where the bundle breaks it', (rule, edit, expected) => {
    const found = findings(edit);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`${escape(expected)}.*\\[${rule}\\]$`)),
      ]),
    );
  });

  it('reports a Deployment scaled by an autoscaler that still sets replicas', () => {
    const withHpa = [
      ...compliant,
      ...parseManifests(
        `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web, namespace: shop }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 2
  maxReplicas: 4
`,
        'hpa.yaml',
      ).objects,
    ];
    expect(runPolicy(withHpa).map(formatFinding)).toEqual([
      'shop.yaml: Deployment/web: spec.replicas: HorizontalPodAutoscaler/web scales this object: every upgrade would reset its choice to 2 [hpa-owns-replicas]',
    ]);
  });

  it('honours an exemption written on the object with its reason', () => {
    const found = findings(
      unset('Deployment', `${WEB}.livenessProbe`),
      deployment('metadata.annotations', {
        'pakaura.dev/policy-exempt': 'liveness-probe: the process exits on its own when it hangs',
      }),
    );
    expect(found).toEqual([]);
  });

  it('refuses exemptions without a reason or for rules that do not exist', () => {
    const found = findings(
      unset('Deployment', `${WEB}.livenessProbe`),
      deployment('metadata.annotations', {
        'pakaura.dev/policy-exempt':
          'liveness-probe: because\nno-such-rule: a long enough reason here',
      }),
    );
    expect(found).toEqual([
      'shop.yaml: Deployment/web: metadata.annotations["pakaura.dev/policy-exempt"]: the exemption from liveness-probe needs a reason of at least 15 characters [policy-exempt]',
      expect.stringMatching(
        /"no-such-rule" is not a policy rule \(known: run-as-non-root, .*\) \[policy-exempt\]$/,
      ),
      `shop.yaml: Deployment/web: ${WEB}.livenessProbe: container "web" has no livenessProbe: a hung process would never be restarted [liveness-probe]`,
    ]);
  });

  it('reports an exemption that no longer exempts anything', () => {
    const found = findings(
      deployment('metadata.annotations', {
        'pakaura.dev/policy-exempt': 'pdb-present: kept from an older version of this file',
      }),
    );
    expect(found).toEqual([
      'shop.yaml: Deployment/web: metadata.annotations: exempt from pdb-present, but nothing here breaks that rule: remove the exemption [policy-exempt]',
    ]);
  });
});

describe('namesSecret', () => {
  it.each([
    ['DB_PASSWORD', true],
    ['POSTGRES_PASSWORD', true],
    ['JWT_SECRET', true],
    ['COHERE_API_KEY', true],
    ['githubToken', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['AI_MAX_TOKENS', false],
    ['JWT_ALGORITHM', false],
    ['DB_HOST', false],
    ['KEYCLOAK_URL', false],
  ])('%s announces a secret: %s', (name, expected) => {
    expect(namesSecret(name)).toBe(expected);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
