import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledBinary } from '@pakaura/deploy-kube/process';
import { FakeKube } from '@pakaura/deploy-kube/testing';
import { describe, expect, it, vi } from 'vitest';
import { parseManifests } from './parse';
import { serverDryRun } from './server-dry-run';

/**
 * A fake kubectl at the process boundary: records its argv and stdin, and answers like a cluster
 * that is down, up without the namespace, up with it, or rejecting the manifests.
 */
interface FakeWorld {
  cluster: 'down' | 'up';
  namespaces?: string[];
  /** Objects that exist on the fake cluster, as `kubectl get -o json` lists them. */
  live?: { kind: string; name: string; managedBy?: string }[];
  reject?: string;
}

function fakeKubectl(world: FakeWorld) {
  const dir = mkdtempSync(join(tmpdir(), 'pakaura-fake-kubectl-'));
  const log = join(dir, 'calls.log');
  const script = `#!/bin/sh
echo "$*" >> "${log}"
case "$*" in
  *"get --raw /readyz"*)
    ${world.cluster === 'up' ? 'echo ok; exit 0' : 'echo "The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?" >&2; exit 1'} ;;
  *"get namespace"*)
    for ns in ${(world.namespaces ?? []).join(' ')}; do
      case "$*" in *"namespace $ns "*) echo "namespace/$ns"; exit 0 ;; esac
    done
    echo 'Error from server (NotFound): namespaces "x" not found' >&2; exit 1 ;;
  *"get -f - --ignore-not-found -o json"*)
    cat > /dev/null
    echo '${JSON.stringify({
      kind: 'List',
      items: (world.live ?? []).map((o) => ({
        kind: o.kind,
        metadata: {
          name: o.name,
          labels: o.managedBy ? { 'app.kubernetes.io/managed-by': o.managedBy } : {},
        },
      })),
    })}'; exit 0 ;;
  *"apply --dry-run=server"*)
    cat > "${dir}/stdin.yaml"
    ${world.reject ? `echo "${world.reject}" >&2; exit 1` : 'grep -c "^kind:" "' + dir + '/stdin.yaml" | sed "s/$/ object(s) created (server dry run)/"; exit 0'} ;;
esac
echo "unsupported: $*" >&2; exit 2
`;
  const kubectl = join(dir, 'kubectl');
  writeFileSync(kubectl, script);
  chmodSync(kubectl, 0o755);
  return {
    kubectl,
    calls: () => readFileSync(log, 'utf8').trim().split('\n'),
    sent: () => readFileSync(join(dir, 'stdin.yaml'), 'utf8'),
  };
}

const bundle = parseManifests(
  `apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: shop-config, namespace: shop }
data: { A: b }
---
apiVersion: v1
kind: Secret
metadata: { name: shop-secrets, namespace: shop }
stringData: { DB_PASSWORD: a-real-generated-value }
`,
  'bundle.yaml',
).objects;

describe('serverDryRun', () => {
  it('skips with a one-line note when no cluster answers', async () => {
    const fake = fakeKubectl({ cluster: 'down' });
    const result = await serverDryRun(bundle, { kubectl: fake.kubectl, namespace: 'shop' });
    expect(result).toEqual({
      ran: false,
      note: 'server dry run skipped: no cluster answered (The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?)',
    });
    expect(fake.calls()).toEqual(['get --raw /readyz --request-timeout=5s']);
  });

  it('sends every object to the API server with strict field validation when a cluster answers', async () => {
    const fake = fakeKubectl({ cluster: 'up', namespaces: ['shop'] });
    const result = await serverDryRun(bundle, {
      kubectl: fake.kubectl,
      namespace: 'shop',
      context: 'minikube',
    });
    expect(result).toMatchObject({ ran: true, applied: 3, notes: [] });
    expect(fake.calls().at(-1)).toBe(
      '--context minikube apply --dry-run=server --validate=strict -f -',
    );
    expect(parseManifests(fake.sent(), 'sent').objects.map((o) => o.object['kind'])).toEqual([
      'Namespace',
      'ConfigMap',
      'Secret',
    ]);
  });

  it('sends only cluster-scoped objects, and says so, when the namespace does not exist yet', async () => {
    const fake = fakeKubectl({ cluster: 'up', namespaces: [] });
    const result = await serverDryRun(bundle, { kubectl: fake.kubectl, namespace: 'shop' });
    expect(result).toMatchObject({
      ran: true,
      applied: 1,
      notes: ['2 object(s) not sent: namespace shop does not exist on the cluster'],
    });
  });

  it('leaves out live Jobs and Pods, and live objects a Helm release owns when asked to', async () => {
    const fake = fakeKubectl({
      cluster: 'up',
      namespaces: ['shop'],
      live: [
        { kind: 'ConfigMap', name: 'shop-config', managedBy: 'Helm' },
        { kind: 'Secret', name: 'shop-secrets' },
        { kind: 'Job', name: 'shop-migrate-1' },
      ],
    });
    const jobs = parseManifests(
      `apiVersion: batch/v1
kind: Job
metadata: { name: shop-migrate-1, namespace: shop }
---
apiVersion: batch/v1
kind: Job
metadata: { name: shop-migrate-2, namespace: shop }
`,
      'jobs.yaml',
    ).objects;
    const result = await serverDryRun([...bundle, ...jobs], {
      kubectl: fake.kubectl,
      namespace: 'shop',
      skipHelmManaged: true,
    });
    expect(result).toMatchObject({
      ran: true,
      applied: 3,
      notes: [
        '1 object(s) not sent: exist already and cannot be updated (Jobs and Pods are replaced, not patched)',
        '1 object(s) not sent: belong to a Helm release and are not judged as an update of it',
      ],
    });
    expect(
      parseManifests(fake.sent(), 'sent').objects.map(
        (o) =>
          `${String(o.object['kind'])}/${String((o.object['metadata'] as { name: string }).name)}`,
      ),
    ).toEqual(['Namespace/shop', 'Secret/shop-secrets', 'Job/shop-migrate-2']);
  });

  it('refuses to send a Secret that still holds a placeholder', async () => {
    const fake = fakeKubectl({ cluster: 'up', namespaces: ['shop'] });
    const withPlaceholder = parseManifests(
      'apiVersion: v1\nkind: Secret\nmetadata: { name: s, namespace: shop }\ndata: { JWT_SECRET: Q0hBTkdFX01F }\n',
      'secrets.yaml',
    ).objects;
    await expect(
      serverDryRun(withPlaceholder, { kubectl: fake.kubectl, namespace: 'shop' }),
    ).rejects.toThrow(
      'Refusing to apply placeholder secrets:\n  secrets.yaml: Secret/s: data.JWT_SECRET: still holds the placeholder "CHANGE_ME"',
    );
    expect(fake.calls().some((c) => c.includes('apply'))).toBe(false);
  });

  it("fails with the API server's reason when it rejects the manifests", async () => {
    const fake = fakeKubectl({
      cluster: 'up',
      namespaces: ['shop'],
      reject: 'Error from server (BadRequest): strict decoding error: unknown field \\"spec.foo\\"',
    });
    await expect(
      serverDryRun(bundle, { kubectl: fake.kubectl, namespace: 'shop' }),
    ).rejects.toThrow(
      /kubectl apply failed: Error from server \(BadRequest\): strict decoding error: unknown field "spec.foo"\nThe API server rejected the manifests above\./,
    );
  });
});

describe('serverDryRun against an API server that decodes strictly', () => {
  it("reports the API server's own refusal of an unknown field, through the real kubectl 1.32", async () => {
    // TLS with client certificates: kubectl 1.32 sends no bearer token over plain HTTP.
    const kube = await FakeKube.start({ namespace: 'shop', tls: true });
    kube.store.put('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    vi.stubEnv('KUBECONFIG', kube.kubeconfigPath);
    try {
      const manifests = parseManifests(
        `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: 'web:1', imagePullPolice: Never }]
`,
        'web.yaml',
      ).objects;
      await expect(
        serverDryRun(manifests, {
          kubectl: bundledBinary('kubectl'),
          namespace: 'shop',
          context: kube.context,
        }),
      ).rejects.toThrow(
        /strict decoding error: unknown field "spec\.template\.spec\.containers\[0\]\.imagePullPolice"/,
      );
      expect(kube.store.get('deployments', 'shop', 'web')).toBeUndefined();
    } finally {
      vi.unstubAllEnvs();
      await kube.close();
    }
  });
});
