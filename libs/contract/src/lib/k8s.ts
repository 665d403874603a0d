/**
 * Names of what the chart (and the raw manifests) create in the `pakaura` namespace. Workloads keep
 * the plain names the seed's commands use (`deploy/api`, `postgresql-0`, `service/frontend`), so
 * the namespace holds one release.
 */
export const COMPONENTS = ['api', 'frontend', 'postgresql'] as const;
export type Component = (typeof COMPONENTS)[number];

export const K8S_NAMES = {
  api: 'api',
  frontend: 'frontend',
  postgresql: 'postgresql',
  /** The StatefulSet's only pod. */
  postgresqlPod: 'postgresql-0',
  secret: 'pakaura-secrets',
  configMap: 'pakaura-config',
  migrationJob: 'pakaura-migrate',
  ingress: 'pakaura',
} as const;

/** Labels every pod carries; `app` keeps the seed's `kubectl ... -l app=api` working. */
export const COMPONENT_LABEL = 'app.kubernetes.io/component';
export const SEED_APP_LABEL = 'app';

/** Chart value paths the deploy step sets from the image records. */
export const CHART_IMAGE_VALUES = {
  api: { repository: 'api.image.repository', tag: 'api.image.tag' },
  frontend: { repository: 'frontend.image.repository', tag: 'frontend.image.tag' },
} as const;
