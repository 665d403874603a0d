import { K8S_NAMES, NAMESPACE, RELEASE_NAME } from '@pakaura/contract';
import { bundledBinary, type HelmMajor } from '@pakaura/deploy-kube/process';
import {
  helmTemplate,
  parseManifests,
  type ChartValues,
  type KubeObject,
  type ManifestObject,
} from '@pakaura/deploy-validate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHART_DIR, find, renderChart } from './chart';
import { FakeApiServer } from './fake-api-server';
import { renderAgainst } from './release';
import { container } from './workloads';

/** `helm template pakaura libs/chart` in the release namespace `default`, as the task list runs it. */
async function renderInDefault(values: ChartValues, major: HelmMajor): Promise<ManifestObject[]> {
  const chart = { helm: bundledBinary('helm', major), chartDir: CHART_DIR };
  const yaml = await helmTemplate(chart, { name: RELEASE_NAME, namespace: 'default' }, values);
  return parseManifests(yaml, CHART_DIR, 'task-list').objects;
}

const metadata = (object: KubeObject) => object['metadata'] as { name: string; namespace?: string };
const ingressHost = (objects: readonly ManifestObject[]) =>
  (find(objects, 'Ingress', K8S_NAMES.ingress)['spec'] as { rules: { host: string }[] }).rules[0]
    .host;
const replicasOf = (object: KubeObject) => (object['spec'] as { replicas?: number }).replicas;

describe.each<HelmMajor>([3, 4])("the task list's value keys with helm %i", (major) => {
  it('renders `--set global.namespace=pakaura --set ingress.hostname=pakaura.local` into that namespace and host', async () => {
    const objects = await renderInDefault(
      { 'global.namespace': 'pakaura', 'ingress.hostname': 'pakaura.local' },
      major,
    );
    const namespaces = new Set(objects.map((m) => metadata(m.object).namespace));
    expect(namespaces).toEqual(new Set(['pakaura']));
    expect(ingressHost(objects)).toBe('pakaura.local');
  });

  it('renders a Namespace only when namespace.create asks for one, named after global.namespace', async () => {
    const without = await renderInDefault({ 'global.namespace': 'tasks' }, major);
    expect(without.filter((m) => m.object['kind'] === 'Namespace')).toEqual([]);
    const asked = await renderInDefault(
      { 'global.namespace': 'tasks', 'namespace.create': true },
      major,
    );
    expect(metadata(find(asked, 'Namespace', 'tasks'))).toMatchObject({ name: 'tasks' });
    const release = await renderInDefault({ 'namespace.create': true }, major);
    expect(() => find(release, 'Namespace', 'default')).not.toThrow();
  });

  it('lets ingress.hostname win over ingress.host, for the Ingress and the URLs the API is told', async () => {
    const { objects } = await renderChart(
      { 'ingress.host': 'ignored.example.com', 'ingress.hostname': 'tasks.example.com' },
      major,
    );
    expect(ingressHost(objects)).toBe('tasks.example.com');
    expect(find(objects, 'ConfigMap', K8S_NAMES.configMap)['data']).toMatchObject({
      FRONTEND_URL: 'http://tasks.example.com',
      API_URL: 'http://tasks.example.com/api',
    });
  });

  it.each([
    ['a namespace that is not a DNS label', { 'global.namespace': 'Pakaura_NS' }],
    ['a host name with a scheme', { 'ingress.hostname': 'http://pakaura.local' }],
    ['a probe key the chart does not set', { 'api.probes.readiness.path': '/other' }],
    ['a liveness successThreshold other than 1', { 'api.probes.liveness.successThreshold': 2 }],
    ['a probe period of zero', { 'frontend.probes.readiness.periodSeconds': 0 }],
  ])('refuses %s', async (_what, values) => {
    await expect(renderChart(values, major)).rejects.toThrow(
      /values don't meet the specifications/,
    );
  });
});

describe('probe settings for each component', () => {
  it('renders the timings given for the API, the frontend and PostgreSQL, keeping the paths', async () => {
    const { objects } = await renderChart({
      'api.probes.readiness.periodSeconds': 20,
      'api.probes.startup.failureThreshold': 60,
      'frontend.probes.liveness.initialDelaySeconds': 30,
      'postgresql.probes.startup.failureThreshold': 150,
    });
    const api = container(find(objects, 'Deployment', K8S_NAMES.api), 'api');
    expect(api.readinessProbe).toEqual({
      httpGet: { path: '/api/v1/health', port: 'http' },
      periodSeconds: 20,
      timeoutSeconds: 3,
      failureThreshold: 3,
    });
    expect(api.startupProbe).toMatchObject({ failureThreshold: 60, periodSeconds: 2 });
    const web = container(find(objects, 'Deployment', K8S_NAMES.frontend), 'frontend');
    expect(web.livenessProbe).toMatchObject({
      httpGet: { path: '/healthz', port: 'http' },
      initialDelaySeconds: 30,
    });
    const db = container(find(objects, 'StatefulSet', K8S_NAMES.postgresql), 'postgresql');
    expect(db.startupProbe).toMatchObject({ failureThreshold: 150 });
    expect(db.startupProbe?.exec?.command.join(' ')).toContain('pg_isready');
  });
});

describe("the API's replica count", () => {
  it('is api.replicas when the autoscaler is off', async () => {
    const { objects } = await renderChart({ 'api.autoscaling.enabled': false, 'api.replicas': 3 });
    expect(replicasOf(find(objects, 'Deployment', K8S_NAMES.api))).toBe(3);
    expect(objects.filter((m) => m.object['kind'] === 'HorizontalPodAutoscaler')).toEqual([]);
  });

  it("starts a first install with the autoscaler on at the autoscaler's minimum (T034: 2 pods)", async () => {
    const { objects } = await renderChart();
    const hpa = find(objects, 'HorizontalPodAutoscaler', K8S_NAMES.api)['spec'] as {
      minReplicas: number;
    };
    expect(replicasOf(find(objects, 'Deployment', K8S_NAMES.api))).toBe(2);
    expect(hpa.minReplicas).toBe(2);
  });
});

describe.each<HelmMajor>([3, 4])(
  'the API replica count on an upgrade, the cluster looked up (helm %i)',
  (major) => {
    let api: FakeApiServer;
    beforeEach(async () => {
      api = await FakeApiServer.start();
    });
    afterEach(() => api.close());

    /** The API Deployment as the cluster runs it, scaled by the autoscaler to `replicas`. */
    const liveApi = (replicas: number) =>
      api.put({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: K8S_NAMES.api,
          namespace: NAMESPACE,
          labels: { 'app.kubernetes.io/managed-by': 'Helm' },
          annotations: {
            'meta.helm.sh/release-name': RELEASE_NAME,
            'meta.helm.sh/release-namespace': NAMESPACE,
          },
        },
        spec: { replicas },
      });
    const renderedReplicas = async (values: string[] = []) =>
      replicasOf(find(await renderAgainst(api, major, values), 'Deployment', K8S_NAMES.api));

    it('keeps the count the autoscaler chose, so the upgrade changes nothing', async () => {
      liveApi(4);
      expect(await renderedReplicas()).toBe(4);
      expect(api.requests).toContain(
        `GET /apis/apps/v1/namespaces/${NAMESPACE}/deployments/${K8S_NAMES.api}`,
      );
    });

    it("keeps that count within the autoscaler's new bounds", async () => {
      liveApi(1);
      expect(await renderedReplicas(['api.replicas=3'])).toBe(3);
      liveApi(9);
      expect(await renderedReplicas(['api.autoscaling.maxReplicas=6'])).toBe(6);
    });

    it('starts at the minimum when the cluster has no API Deployment yet', async () => {
      expect(await renderedReplicas()).toBe(2);
    });

    it('sets api.replicas, whatever runs, once the autoscaler is off', async () => {
      liveApi(4);
      expect(await renderedReplicas(['api.autoscaling.enabled=false'])).toBe(2);
    });
  },
);

describe('TRUSTED_PROXIES of the API', () => {
  const trustedProxies = async (values: ChartValues) =>
    container(
      find((await renderChart(values)).objects, 'Deployment', K8S_NAMES.api),
      'api',
    ).env?.find((entry) => entry.name === 'TRUSTED_PROXIES')?.value;

  it('lists the ranges given, comma-separated as the API reads them', async () => {
    expect(await trustedProxies({ 'api.trustedProxies': ['10.42.0.0/16', 'fd00::/8'] })).toBe(
      '10.42.0.0/16,fd00::/8',
    );
  });

  it('believes no forwarded header when the list is empty', async () => {
    expect(await trustedProxies({ 'api.trustedProxies': [] })).toBe('none');
  });

  it('refuses an entry that is neither an address, a range nor a range name', async () => {
    await expect(renderChart({ 'api.trustedProxies': ['ingress-nginx'] })).rejects.toThrow(
      /api.trustedProxies/,
    );
  });
});
