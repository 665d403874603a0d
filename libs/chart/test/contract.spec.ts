import {
  API_CONFIG_ENV,
  API_PORT,
  API_PREFIX,
  API_ROUTES,
  API_SECRET_ENV,
  APP_GID,
  APP_UID,
  APP_VERSION,
  CHART_IMAGE_VALUES,
  CHART_NAME,
  COMPONENT_LABEL,
  FRONTEND_ENV,
  FRONTEND_HEALTH_PATH,
  FRONTEND_PORT,
  IMAGE_NAMES,
  INGRESS_HOST,
  K8S_NAMES,
  NAMESPACE,
  POSTGRES_PORT,
  SECRET_KEYS,
  SEED_APP_LABEL,
  type ApiEnvName,
} from '@pakaura/contract';
import {
  listManifestFiles,
  readManifestFiles,
  type KubeObject,
  type ManifestObject,
} from '@pakaura/deploy-validate';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHART_DIR, MANIFESTS_DIR, WORKSPACE_ROOT, find, renderChart } from './chart';
import { container, envNames, podSpec, type Container } from './workloads';

/** The instructions of a Dockerfile's last stage (the image that runs). */
function finalStage(app: 'api-container' | 'frontend'): Record<string, string> {
  const text = readFileSync(join(WORKSPACE_ROOT, 'apps', app, 'Dockerfile'), 'utf8');
  const stages = text.replace(/\\\n/g, ' ').split(/^FROM /m);
  const last = stages[stages.length - 1];
  const instructions: Record<string, string> = {};
  for (const line of last.split('\n')) {
    const match = /^(USER|WORKDIR|CMD|EXPOSE)\s+(.*)$/.exec(line.trim());
    if (match) instructions[match[1]] = match[2].trim();
  }
  return instructions;
}

/** Every .ts/.tsx file under a folder, tests left out. */
function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return /\.tsx?$/.test(entry.name) && !/\.(spec|test)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function rawManifests(): ManifestObject[] {
  const files = listManifestFiles(MANIFESTS_DIR, WORKSPACE_ROOT, (f) => f === 'kustomization.yaml');
  return readManifestFiles(files, WORKSPACE_ROOT).objects;
}

const API_SERVED_ENV = [
  ...API_CONFIG_ENV,
  ...API_SECRET_ENV,
  'PORT',
  'TRUSTED_PROXIES',
  'MIGRATE_ON_START',
].sort();

/** Both ways of installing Pakaura keep the same contract with the apps. */
describe.each([
  ['the chart', async () => (await renderChart()).objects],
  ['the raw manifests', async () => rawManifests()],
])('%s and the apps', (_what, load) => {
  let bundle: ManifestObject[];
  let api: KubeObject;
  let frontend: KubeObject;
  let postgresql: KubeObject;
  beforeAll(async () => {
    bundle = await load();
    api = find(bundle, 'Deployment', K8S_NAMES.api);
    frontend = find(bundle, 'Deployment', K8S_NAMES.frontend);
    postgresql = find(bundle, 'StatefulSet', K8S_NAMES.postgresql);
  });

  it('names every object as the contract says, and labels pods for `kubectl -l app=<component>`', () => {
    for (const [kind, name] of [
      ['Service', K8S_NAMES.api],
      ['Service', K8S_NAMES.frontend],
      ['Service', K8S_NAMES.postgresql],
      ['Secret', K8S_NAMES.secret],
      ['ConfigMap', K8S_NAMES.configMap],
      ['Ingress', K8S_NAMES.ingress],
    ]) {
      expect(() => find(bundle, kind, name)).not.toThrow();
    }
    const jobs = bundle.filter((m) => m.object['kind'] === 'Job');
    expect(jobs.map((m) => (m.object['metadata'] as { name: string }).name)).toEqual([
      expect.stringMatching(new RegExp(`^${K8S_NAMES.migrationJob}(-\\d+)?$`)),
    ]);
    for (const [object, component] of [
      [api, 'api'],
      [frontend, 'frontend'],
      [postgresql, 'postgresql'],
    ] as const) {
      const labels = (
        object['spec'] as { template: { metadata: { labels: Record<string, string> } } }
      ).template.metadata.labels;
      expect(labels).toMatchObject({ [SEED_APP_LABEL]: component, [COMPONENT_LABEL]: component });
    }
    expect(`${K8S_NAMES.postgresql}-0`).toBe(K8S_NAMES.postgresqlPod);
    expect((postgresql['spec'] as { replicas: number }).replicas).toBe(1);
  });

  it('gives the API exactly the variables it reads, secrets only through secretKeyRef', () => {
    const main = container(api, 'api');
    expect(envNames(main, bundle)).toEqual(API_SERVED_ENV);
    // The migration init container and Job own the schema, never the serving pods.
    expect(main.env?.find((e) => e.name === 'MIGRATE_ON_START')?.value).toBe('false');
    const configMap = find(bundle, 'ConfigMap', K8S_NAMES.configMap);
    expect(Object.keys(configMap['data'] as object).sort()).toEqual([...API_CONFIG_ENV].sort());
    for (const name of API_SECRET_ENV) {
      const entry = main.env?.find((e) => e.name === name);
      expect(entry?.valueFrom?.secretKeyRef).toMatchObject({ name: K8S_NAMES.secret, key: name });
    }
    const names: readonly string[] = [
      ...API_CONFIG_ENV,
      ...API_SECRET_ENV,
      'PORT',
    ] satisfies ApiEnvName[];
    expect(envNames(container(api, 'migrate'), bundle).every((n) => names.includes(n))).toBe(true);
  });

  it("sets only variables the apps' sources really read", () => {
    const sources = (dir: string) =>
      listSources(join(WORKSPACE_ROOT, dir))
        .map((file) => readFileSync(file, 'utf8'))
        .join('\n');
    const apiSource = sources('apps/api-container/src');
    const unread = envNames(container(api, 'api'), bundle).filter(
      (name) => !new RegExp(`env(\\.${name}\\b|\\[['"]${name}['"]\\])`).test(apiSource),
    );
    expect(unread).toEqual([]);
    expect(sources('apps/frontend/app')).toMatch(/process\.env\.API_URL\b/);
  });

  it("believes forwarded headers only from the pod network, where the ingress controller's and the frontend's pods are", () => {
    const env = Object.fromEntries(
      (container(api, 'api').env ?? []).map((entry) => [entry.name, entry.value]),
    );
    expect(env['TRUSTED_PROXIES']).toBe('10.244.0.0/16');
  });

  it('keeps every Secret key the contract lists', () => {
    const secret = find(bundle, 'Secret', K8S_NAMES.secret);
    expect(Object.keys(secret['data'] as object).sort()).toEqual([...SECRET_KEYS].sort());
  });

  it('gives the frontend exactly the variables it reads, pointing it at the API Service', () => {
    const main = container(frontend, 'frontend');
    expect(envNames(main, bundle)).toEqual([...FRONTEND_ENV].sort());
    const env = Object.fromEntries((main.env ?? []).map((e) => [e.name, e.value]));
    expect(env).toEqual({
      API_URL: `http://${K8S_NAMES.api}:${API_PORT}`,
      PORT: String(FRONTEND_PORT),
      HOSTNAME: '0.0.0.0',
    });
  });

  it('uses the ports the apps listen on, from container to Service', () => {
    const port = (c: Container) =>
      c.ports?.find((p) => p.name === 'http' || p.name === 'postgresql');
    expect(port(container(api, 'api'))?.containerPort).toBe(API_PORT);
    expect(port(container(frontend, 'frontend'))?.containerPort).toBe(FRONTEND_PORT);
    expect(port(container(postgresql, 'postgresql'))?.containerPort).toBe(POSTGRES_PORT);
    for (const [name, number, target] of [
      [K8S_NAMES.api, API_PORT, 'http'],
      [K8S_NAMES.frontend, FRONTEND_PORT, 'http'],
      [K8S_NAMES.postgresql, POSTGRES_PORT, 'postgresql'],
    ] as const) {
      const ports = (find(bundle, 'Service', name)['spec'] as { ports: object[] }).ports;
      expect(ports).toEqual([expect.objectContaining({ port: number, targetPort: target })]);
    }
    expect(
      (find(bundle, 'Service', K8S_NAMES.postgresql)['spec'] as { clusterIP: string }).clusterIP,
    ).toBe('None');
  });

  it("probes the routes the apps serve: the API's readiness and liveness, the frontend's health", () => {
    const main = container(api, 'api');
    expect(main.readinessProbe?.httpGet).toEqual({ path: API_ROUTES.health, port: 'http' });
    expect(main.livenessProbe?.httpGet).toEqual({ path: API_ROUTES.live, port: 'http' });
    expect(main.startupProbe?.httpGet).toEqual({ path: API_ROUTES.live, port: 'http' });
    const web = container(frontend, 'frontend');
    expect(web.readinessProbe?.httpGet).toEqual({ path: FRONTEND_HEALTH_PATH, port: 'http' });
    expect(web.livenessProbe?.httpGet).toEqual({ path: FRONTEND_HEALTH_PATH, port: 'http' });
    // Next's App Router serves app/<path>/route.ts at /<path>.
    expect(
      existsSync(join(WORKSPACE_ROOT, 'apps/frontend/app', FRONTEND_HEALTH_PATH, 'route.ts')),
    ).toBe(true);
  });

  it('pauses a stopping API or frontend pod before SIGTERM, with `sleep` from the image on 1.29', () => {
    for (const [object, name] of [
      [api, 'api'],
      [frontend, 'frontend'],
    ] as const) {
      expect(container(object, name).lifecycle).toEqual({
        preStop: { exec: { command: ['sleep', '5'] } },
      });
      expect(podSpec(object).terminationGracePeriodSeconds).toBe(30);
    }
  });

  it("runs the apps as the images' numeric USER", () => {
    for (const [object, app] of [
      [api, 'api-container'],
      [frontend, 'frontend'],
    ] as const) {
      expect(finalStage(app)['USER']).toBe(`${APP_UID}:${APP_GID}`);
      expect(podSpec(object).securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: APP_UID,
        runAsGroup: APP_GID,
      });
    }
  });

  it('mounts an emptyDir where the frontend image writes its cache', () => {
    const stage = finalStage('frontend');
    const server = (JSON.parse(stage['CMD']) as string[]).find((part) =>
      part.endsWith('server.js'),
    );
    const cacheDir = posix.join(stage['WORKDIR'], dirname(server ?? ''), '.next/cache');
    const mount = container(frontend, 'frontend').volumeMounts?.find(
      (m) => m.mountPath === cacheDir,
    );
    expect(mount).toBeDefined();
    expect(podSpec(frontend).volumes?.find((v) => v.name === mount?.name)?.emptyDir).toBeDefined();
  });

  it("runs the API image's migrate command, as its Dockerfile documents it", () => {
    const migrate = container(api, 'migrate');
    expect(migrate.command).toEqual(['node', 'migrate.js']);
    expect(readFileSync(join(WORKSPACE_ROOT, 'apps/api-container/Dockerfile'), 'utf8')).toContain(
      'node migrate.js',
    );
    expect(container(api, 'wait-for-db')).toBeDefined();
  });

  it('deploys the versioned images, never latest', () => {
    expect(container(api, 'api').image).toBe(`${IMAGE_NAMES.api}:${APP_VERSION}`);
    expect(container(frontend, 'frontend').image).toBe(`${IMAGE_NAMES.frontend}:${APP_VERSION}`);
  });

  it('routes /api to the API and / to the frontend on the contract host', () => {
    const spec = find(bundle, 'Ingress', K8S_NAMES.ingress)['spec'] as {
      ingressClassName: string;
      rules: {
        host: string;
        http: { paths: { path: string; backend: { service: { name: string } } }[] };
      }[];
    };
    expect(spec.ingressClassName).toBe('nginx');
    expect(spec.rules[0].host).toBe(INGRESS_HOST);
    const routes = Object.fromEntries(
      spec.rules[0].http.paths.map((p) => [p.path, p.backend.service.name]),
    );
    expect(routes).toEqual({ '/api': K8S_NAMES.api, '/': K8S_NAMES.frontend });
    expect(API_PREFIX.startsWith('/api/')).toBe(true);
    expect(API_ROUTES.metrics.startsWith('/api')).toBe(false);
  });

  it('puts every object in the pakaura namespace', () => {
    const namespaced = bundle.filter((m) => m.object['kind'] !== 'Namespace');
    const namespaces = new Set(
      namespaced.map((m) => (m.object['metadata'] as { namespace?: string }).namespace),
    );
    expect(namespaces).toEqual(new Set([NAMESPACE]));
  });
});

describe('the chart', () => {
  it('is pakaura at the product version', () => {
    const chart = parse(readFileSync(join(CHART_DIR, 'Chart.yaml'), 'utf8')) as Record<
      string,
      string
    >;
    expect(chart).toMatchObject({
      name: CHART_NAME,
      version: APP_VERSION,
      appVersion: APP_VERSION,
    });
  });

  it('deploys the image tags and registry the deploy step sets', async () => {
    const { objects } = await renderChart({
      [CHART_IMAGE_VALUES.api.tag]: `${APP_VERSION}-0123456789ab`,
      [CHART_IMAGE_VALUES.frontend.tag]: `${APP_VERSION}-ba9876543210`,
      [CHART_IMAGE_VALUES.frontend.repository]: 'team/pakaura-frontend',
      'global.imageRegistry': 'registry.local:5000',
    });
    const api = find(objects, 'Deployment', K8S_NAMES.api);
    expect(container(api, 'api').image).toBe(
      `registry.local:5000/${IMAGE_NAMES.api}:${APP_VERSION}-0123456789ab`,
    );
    expect(container(api, 'migrate').image).toBe(container(api, 'api').image);
    expect(container(find(objects, 'Deployment', K8S_NAMES.frontend), 'frontend').image).toBe(
      `registry.local:5000/team/pakaura-frontend:${APP_VERSION}-ba9876543210`,
    );
    expect(container(api, 'wait-for-db').image).toBe('postgres:16-alpine');
  });

  it('scales the API with a HorizontalPodAutoscaler from api.replicas up, a first install starting at that minimum', async () => {
    const { objects } = await renderChart();
    expect(
      (find(objects, 'Deployment', K8S_NAMES.api)['spec'] as { replicas?: number }).replicas,
    ).toBe(2);
    expect(find(objects, 'HorizontalPodAutoscaler', K8S_NAMES.api)['spec']).toMatchObject({
      scaleTargetRef: { kind: 'Deployment', name: K8S_NAMES.api },
      minReplicas: 2,
      maxReplicas: 5,
    });
    const fixed = await renderChart({ 'api.autoscaling.enabled': false, 'api.replicas': 3 });
    expect(
      (find(fixed.objects, 'Deployment', K8S_NAMES.api)['spec'] as { replicas: number }).replicas,
    ).toBe(3);
  });

  it('points the API at the external database, and waits for it, when postgresql is off', async () => {
    const { objects } = await renderChart({
      'postgresql.enabled': false,
      'externalDatabase.host': 'db.example.internal',
      'externalDatabase.port': 6432,
    });
    expect(find(objects, 'ConfigMap', K8S_NAMES.configMap)['data']).toMatchObject({
      DB_HOST: 'db.example.internal',
      DB_PORT: '6432',
    });
    const wait = container(find(objects, 'Deployment', K8S_NAMES.api), 'wait-for-db');
    expect(wait.command?.at(-1)).toBe('postgresql://pakaura@db.example.internal:6432/pakaura');
  });

  it('asks the API health route in its helm test', async () => {
    const { objects } = await renderChart();
    const test = objects.find(
      (m) =>
        (m.object['metadata'] as { annotations?: Record<string, string> }).annotations?.[
          'helm.sh/hook'
        ] === 'test',
    );
    expect(podSpec(test?.object ?? {}).containers[0].command?.at(-1)).toBe(
      `http://${K8S_NAMES.api}:${API_PORT}${API_ROUTES.health}`,
    );
  });
});

describe('the raw manifests', () => {
  it("hold at least the seed's nine resource files", () => {
    const files = listManifestFiles(MANIFESTS_DIR, MANIFESTS_DIR, () => false);
    expect(files.length).toBeGreaterThanOrEqual(9);
    expect(files).toEqual(
      expect.arrayContaining([
        'namespace.yaml',
        'configmap.yaml',
        'secrets.yaml',
        'postgresql/statefulset.yaml',
        'postgresql/service.yaml',
        'api/migration-job.yaml',
        'api/deployment.yaml',
        'api/service.yaml',
        'frontend/deployment.yaml',
        'frontend/service.yaml',
        'ingress.yaml',
        'kustomization.yaml',
      ]),
    );
  });

  it('keep only placeholders in the Secret template', () => {
    const secret = find(rawManifests(), 'Secret', K8S_NAMES.secret);
    const values = Object.values(secret['data'] as Record<string, string>).map((v) =>
      Buffer.from(v, 'base64').toString(),
    );
    expect(new Set(values)).toEqual(new Set(['CHANGE_ME']));
  });
});
