/** The product's version: the chart's version and appVersion, the images' tag, the API's /health. */
export const APP_VERSION = '4.0.0';

/** The Helm release, its namespace and the chart all carry the product's name. */
export const RELEASE_NAME = 'pakaura';
export const NAMESPACE = 'pakaura';
export const CHART_NAME = 'pakaura';

/** Numeric user and group the images run as, so Kubernetes `runAsNonRoot` can verify them. */
export const APP_UID = 10001;
export const APP_GID = 10001;

export const API_PORT = 8000;
export const FRONTEND_PORT = 3000;
export const POSTGRES_PORT = 5432;

/** Image repositories; tags are `APP_VERSION` and `APP_VERSION-<content hash>`. */
export const IMAGE_NAMES = {
  api: 'pakaura-api',
  frontend: 'pakaura-frontend',
} as const;
export type ImageKey = keyof typeof IMAGE_NAMES;

/** Host the ingress answers on (seed T023). */
export const INGRESS_HOST = 'pakaura.local';
