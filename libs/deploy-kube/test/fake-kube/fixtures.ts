import {
  API_CONFIG_ENV,
  API_PORT,
  API_ROUTES,
  APP_VERSION,
  COMPONENT_LABEL,
  FRONTEND_HEALTH_PATH,
  FRONTEND_PORT,
  IMAGE_NAMES,
  INGRESS_HOST,
  K8S_NAMES,
  NAMESPACE,
  POSTGRES_PORT,
  RELEASE_NAME,
  SECRET_KEYS,
  SEED_APP_LABEL,
  type Component,
} from '@pakaura/contract';
import { randomBytes } from 'node:crypto';
import type { FakeKube } from './fake-kube';

/** The secret values the healthy fixture stored, for tests that plant them somewhere they must not be. */
export type SeededSecrets = Record<(typeof SECRET_KEYS)[number], string>;

export function componentLabels(component: Component): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'pakaura',
    'app.kubernetes.io/instance': RELEASE_NAME,
    [COMPONENT_LABEL]: component,
    [SEED_APP_LABEL]: component,
  };
}

/**
 * Fills the fake cluster with what a healthy `helm install pakaura` leaves in the namespace:
 * postgresql-0 and 2+2 api/frontend pods Running and Ready, the Secret (read only via
 * secretKeyRef), the ConfigMap, Services, the Ingress, and a few lines of logs per pod.
 */
export function seedPakaura(kube: FakeKube, namespace = NAMESPACE): SeededSecrets {
  const secrets = Object.fromEntries(
    SECRET_KEYS.map((key) => [key, `${key.toLowerCase()}-${randomBytes(12).toString('hex')}`]),
  ) as SeededSecrets;
  kube.store.put('namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: namespace },
  });
  kube.store.put('secrets', {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: K8S_NAMES.secret, namespace, labels: componentLabels('api') },
    type: 'Opaque',
    data: Object.fromEntries(
      Object.entries(secrets).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
    ),
  });
  kube.store.put('configmaps', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: K8S_NAMES.configMap, namespace, labels: componentLabels('api') },
    data: configMapData(),
  });
  const secretEnv = SECRET_KEYS.map((key) => ({
    name: key,
    valueFrom: {
      secretKeyRef: { name: K8S_NAMES.secret, key, optional: key === 'COHERE_API_KEY' },
    },
  }));
  kube.workloads.start('statefulsets', {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: K8S_NAMES.postgresql, namespace, labels: componentLabels('postgresql') },
    spec: {
      replicas: 1,
      serviceName: K8S_NAMES.postgresql,
      selector: { matchLabels: componentLabels('postgresql') },
      template: {
        metadata: { labels: componentLabels('postgresql') },
        spec: {
          containers: [
            {
              name: 'postgresql',
              image: 'postgres:16-alpine',
              ports: [{ name: 'postgresql', containerPort: POSTGRES_PORT }],
              env: [
                {
                  name: 'POSTGRES_DB',
                  valueFrom: { configMapKeyRef: { name: K8S_NAMES.configMap, key: 'DB_NAME' } },
                },
                {
                  name: 'POSTGRES_USER',
                  valueFrom: { configMapKeyRef: { name: K8S_NAMES.configMap, key: 'DB_USER' } },
                },
                {
                  name: 'POSTGRES_PASSWORD',
                  valueFrom: { secretKeyRef: { name: K8S_NAMES.secret, key: 'DB_PASSWORD' } },
                },
              ],
            },
          ],
        },
      },
      volumeClaimTemplates: [
        { metadata: { name: 'data' }, spec: { resources: { requests: { storage: '10Gi' } } } },
      ],
    },
  });
  startDeployment(kube, namespace, 'api', {
    name: 'api',
    image: `${IMAGE_NAMES.api}:${APP_VERSION}`,
    ports: [{ name: 'http', containerPort: API_PORT }],
    envFrom: [{ configMapRef: { name: K8S_NAMES.configMap } }],
    env: [{ name: 'PORT', value: String(API_PORT) }, ...secretEnv],
    readinessProbe: { httpGet: { path: API_ROUTES.health, port: 'http' } },
    livenessProbe: { httpGet: { path: API_ROUTES.live, port: 'http' } },
  });
  startDeployment(kube, namespace, 'frontend', {
    name: 'frontend',
    image: `${IMAGE_NAMES.frontend}:${APP_VERSION}`,
    ports: [{ name: 'http', containerPort: FRONTEND_PORT }],
    env: [
      { name: 'PORT', value: String(FRONTEND_PORT) },
      { name: 'API_URL', value: `http://${K8S_NAMES.api}:${API_PORT}` },
    ],
    readinessProbe: { httpGet: { path: FRONTEND_HEALTH_PATH, port: 'http' } },
  });
  for (const [component, port] of [
    ['api', API_PORT],
    ['frontend', FRONTEND_PORT],
    ['postgresql', POSTGRES_PORT],
  ] as const) {
    kube.store.put('services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: K8S_NAMES[component], namespace, labels: componentLabels(component) },
      spec: {
        ...(component === 'postgresql' ? { clusterIP: 'None' } : { type: 'ClusterIP' }),
        selector: componentLabels(component),
        ports: [{ name: 'http', port, targetPort: port }],
      },
    });
  }
  kube.store.put('ingresses', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: K8S_NAMES.ingress, namespace, labels: componentLabels('frontend') },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host: INGRESS_HOST,
          http: {
            paths: [
              ingressPath('/api', K8S_NAMES.api, API_PORT),
              ingressPath('/', K8S_NAMES.frontend, FRONTEND_PORT),
            ],
          },
        },
      ],
    },
    status: { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } },
  });
  for (const pod of kube.pods(namespace)) {
    kube.appendLog(pod.metadata.name, `${pod.metadata.labels?.[SEED_APP_LABEL]} started`);
  }
  return secrets;
}

function configMapData(): Record<string, string> {
  const values: Record<(typeof API_CONFIG_ENV)[number], string> = {
    DB_HOST: K8S_NAMES.postgresql,
    DB_PORT: String(POSTGRES_PORT),
    DB_NAME: 'pakaura',
    DB_USER: 'pakaura',
    JWT_ALGORITHM: 'HS256',
    JWT_EXPIRATION_HOURS: '24',
    AI_MODEL: 'command-r',
    AI_TEMPERATURE: '0.3',
    AI_MAX_TOKENS: '1024',
    FRONTEND_URL: `http://${INGRESS_HOST}`,
    API_URL: `http://${K8S_NAMES.api}:${API_PORT}`,
    ENVIRONMENT: 'production',
    DEBUG: 'false',
  };
  return values;
}

function startDeployment(
  kube: FakeKube,
  namespace: string,
  component: 'api' | 'frontend',
  container: Record<string, unknown>,
): void {
  kube.workloads.start('deployments', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: K8S_NAMES[component], namespace, labels: componentLabels(component) },
    spec: {
      replicas: 2,
      selector: { matchLabels: componentLabels(component) },
      template: {
        metadata: { labels: componentLabels(component) },
        spec: { containers: [container] },
      },
    },
  });
}

function ingressPath(path: string, service: string, port: number) {
  return {
    path,
    pathType: 'Prefix',
    backend: { service: { name: service, port: { number: port } } },
  };
}
