import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { K8S_NAMES } from '@pakaura/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testContext } from '../../../test/cli/test-context';
import { PakauraCluster } from '@pakaura/deploy-kube/testing';
import { main } from '../main';

describe('status, health, logs and destroy against a cluster', () => {
  let cluster: PakauraCluster;
  beforeEach(async () => {
    cluster = await PakauraCluster.start();
  });
  afterEach(() => cluster.close());

  const runCli = async (argv: string[], overrides = {}) => {
    const context = testContext(overrides);
    const code = await main(argv, context);
    return { code, out: context.lines, err: context.errors };
  };
  const podNames = (component: string) =>
    cluster.kube.pods('pakaura', `app=${component}`).map((p) => p.metadata.name);

  describe('status', () => {
    it('shows the release, every pod ready, the services and the ingress address', async () => {
      const { code, out } = await runCli(['status']);
      expect(code).toBe(0);
      expect(out[0]).toBe(
        'Release pakaura (namespace pakaura, context minikube): deployed, revision 1',
      );
      const text = out.join('\n');
      for (const pod of [...podNames('api'), ...podNames('frontend'), 'postgresql-0']) {
        expect(text).toMatch(new RegExp(`${pod}\\s+1/1\\s+Running\\s+0`));
      }
      expect(text).toMatch(/api\s+ClusterIP\s.*8000\/TCP/);
      expect(text).toMatch(/pakaura\s+nginx\s+pakaura\.local\s+127\.0\.0\.1/);
      expect(out.at(-1)).toBe('All 5 pods are ready.');
    });

    it('names a crash-looping pod and exits 1', async () => {
      const [pod] = podNames('api');
      cluster.kube.workloads.setPodStatus('pakaura', pod, {
        ready: false,
        restartCount: 4,
        waitingReason: 'CrashLoopBackOff',
      });
      const { code, out } = await runCli(['status']);
      expect(code).toBe(1);
      expect(out.join('\n')).toMatch(new RegExp(`${pod}\\s+0/1\\s+CrashLoopBackOff\\s+4`));
      expect(out.at(-1)).toMatch(/^1 of 5 pods are not ready\. Look closer: pakaura logs/);
    });

    it('says how to install the release when there is none', async () => {
      const { code, out } = await runCli(['status', '--release', 'other']);
      expect(code).toBe(1);
      expect(out).toEqual([
        'Release other is not installed (namespace pakaura, context minikube). Install it: pakaura setup',
      ]);
    });
  });

  describe('health', () => {
    it("reaches the API's and the frontend's health routes through port-forwards", async () => {
      const { code, out } = await runCli(['health']);
      expect(code).toBe(0);
      expect(out[0]).toMatch(
        /^ok\s+api\s+\/api\/v1\/health\s+HTTP 200 in \d+ ms from api-\S+: \{"status":"healthy"/,
      );
      expect(out[1]).toMatch(/^ok\s+frontend\s+\/healthz\s+HTTP 200 in \d+ ms from frontend-/);
    });

    it('fails when the API answers unhealthy', async () => {
      cluster.fakeApi.health = 'unhealthy';
      const { code, out } = await runCli(['health']);
      expect(code).toBe(1);
      expect(out[0]).toMatch(/^FAIL api .* HTTP 503 /);
    });

    it('fails when no pod of a component is ready', async () => {
      for (const pod of podNames('frontend')) {
        cluster.kube.workloads.setPodStatus('pakaura', pod, { ready: false });
      }
      const { code, out } = await runCli(['health']);
      expect(code).toBe(1);
      expect(out[1]).toMatch(
        /^FAIL frontend .* no ready frontend pod \(2 found\): pakaura status$/,
      );
    });
  });

  describe('logs', () => {
    it('prints the last lines of every pod of a component, prefixed with the pod', async () => {
      const [first, second] = podNames('api');
      cluster.kube.appendLog(first, 'GET /api/v1/health 200');
      cluster.kube.appendLog(second, 'POST /api/v1/tasks 201');
      const { code, out } = await runCli(['logs', 'api', '--no-follow', '--tail', '1']);
      expect(code).toBe(0);
      expect(out.sort()).toEqual(
        [`[${first}] GET /api/v1/health 200`, `[${second}] POST /api/v1/tasks 201`].sort(),
      );
    });

    it('streams until the streams end', async () => {
      cluster.kube.appendLog('postgresql-0', 'database system is ready to accept connections');
      const { code, out } = await runCli(['logs', 'postgresql']);
      expect(code).toBe(0);
      expect(out.at(-1)).toBe('[postgresql-0] database system is ready to accept connections');
    });

    it('refuses an unknown component', async () => {
      const { code, err } = await runCli(['logs', 'redis']);
      expect(code).toBe(2);
      expect(err).toEqual([
        'pakaura logs: Unknown component "redis": use one of api, frontend, postgresql. Run: pakaura help logs',
      ]);
    });
  });

  describe('destroy', () => {
    let workspaceRoot: string;
    beforeEach(() => {
      cluster.kube.store.put('persistentvolumeclaims', {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data-postgresql-0', namespace: 'pakaura' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
      });
      workspaceRoot = mkdtempSync(join(tmpdir(), 'pakaura-destroy-'));
    });
    const deletes = () =>
      cluster.kube.requests.filter((r) => r.method === 'DELETE').map((r) => r.path);
    const destroy = (argv: string[], overrides = {}) =>
      runCli(['destroy', ...argv], { workspaceRoot, ...overrides });

    it('asks for --yes when nobody can confirm, and changes nothing', async () => {
      const { code, out, err } = await destroy([]);
      expect(code).toBe(2);
      expect(out).toContain(
        '  - DELETE namespace pakaura with everything in it, including the PostgreSQL volume (data-postgresql-0): its data is lost',
      );
      expect(err).toEqual([
        'destroy needs a confirmation: rerun with --yes to confirm from a script.',
      ]);
      expect(cluster.tools.state.release('minikube', 'pakaura', 'pakaura')).toBeDefined();
      expect(deletes()).toEqual([]);
    });

    it('changes nothing when the person answers no', async () => {
      const { code, out } = await destroy([], { interactive: true, confirm: async () => false });
      expect(code).toBe(1);
      expect(out.at(-1)).toBe('Nothing was changed.');
      expect(deletes()).toEqual([]);
    });

    it('uninstalls the release and deletes the namespace it owns, with the volume, saying so', async () => {
      const { code, out } = await destroy(['--yes']);
      expect(code).toBe(0);
      expect(out.slice(-2)).toEqual([
        'Release pakaura uninstalled.',
        'Namespace pakaura is being deleted, with the PostgreSQL volume data-postgresql-0 (data deleted).',
      ]);
      expect(cluster.tools.state.release('minikube', 'pakaura', 'pakaura')).toBeUndefined();
      expect(deletes()).toEqual(['/api/v1/namespaces/pakaura']);
    });

    it('keeps a namespace Pakaura does not own: no release in it, no chart label', async () => {
      cluster.tools.state.deleteRelease('minikube', 'pakaura', 'pakaura');
      const { code, out } = await destroy(['--yes']);
      expect(code).toBe(0);
      expect(out).toContain("  - KEEP namespace pakaura: not Pakaura's");
      expect(out.at(-1)).toBe(
        'Kept namespace pakaura: Pakaura does not own it (no release pakaura in it, no app.kubernetes.io/part-of=pakaura label).',
      );
      expect(deletes()).toEqual([]);
    });

    it('keeps the namespace and the PostgreSQL volume with --keep-data', async () => {
      const { code, out } = await destroy(['--yes', '--keep-data']);
      expect(code).toBe(0);
      expect(out.at(-1)).toBe(
        'Kept namespace pakaura and the PostgreSQL volume data-postgresql-0: the next deploy reuses its data.',
      );
      expect(deletes()).toEqual([]);
    });

    it('removes the images it built and, with --cluster, the cluster itself', async () => {
      const record = {
        app: 'api',
        repository: 'pakaura-api',
        tag: '4.0.0-abc',
        contentHash: 'abc',
        target: 'minikube',
      };
      mkdirSync(join(workspaceRoot, 'dist', 'images'), { recursive: true });
      writeFileSync(join(workspaceRoot, 'dist', 'images', 'api.json'), JSON.stringify(record));
      const { code, out } = await destroy(['--yes', '--cluster']);
      expect(code).toBe(0);
      expect(out).toContain(
        "  - remove image pakaura-api:4.0.0-abc (and :4.0.0) from minikube's Docker daemon (with the cluster)",
      );
      expect(out).toContain(
        '  - DELETE the minikube cluster "minikube" (minikube delete -p minikube)',
      );
      expect(out.slice(-2)).toEqual([
        "Image pakaura-api:4.0.0-abc (and :4.0.0) from minikube's Docker daemon (with the cluster) removed.",
        'The minikube cluster "minikube" is deleted.',
      ]);
      expect(existsSync(join(workspaceRoot, 'dist', 'images', 'api.json'))).toBe(false);
      expect(cluster.tools.state.cluster('minikube')).toBeUndefined();
    });

    it("works on the local cluster's context, never on the current one", async () => {
      cluster.tools.addContext('prod-eu', 'https://127.0.0.1:9');
      const { code } = await destroy(['--yes', '--keep-data']);
      expect(code).toBe(0);
      expect(cluster.tools.state.release('minikube', 'pakaura', 'pakaura')).toBeUndefined();
    });

    it('refuses a context called minikube that points at another server, by name', async () => {
      cluster.tools.addContext('minikube', 'https://127.0.0.1:9');
      const { code, err } = await destroy(['--yes']);
      expect(code).toBe(1);
      expect(err[0]).toMatch(
        /^Refusing to destroy in kube context "minikube": its server https:\/\/127\.0\.0\.1:9 is not the one minikube reports/,
      );
      expect(cluster.tools.state.release('minikube', 'pakaura', 'pakaura')).toBeDefined();
    });
  });

  it(`keeps ${K8S_NAMES.secret} values out of everything the commands print`, async () => {
    const [pod] = podNames('api');
    cluster.kube.appendLog(pod, `loaded secret ${cluster.secrets.JWT_SECRET}`);
    const { out } = await runCli(['logs', 'api', '--no-follow']);
    expect(out.join('\n')).not.toContain(cluster.secrets.JWT_SECRET);
  });
});
