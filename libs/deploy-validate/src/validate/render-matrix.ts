import { parseManifests, type ParsedManifests } from './parse';
import { helmTemplate, type ChartValues, type HelmChart } from './helm';

/** One way to install the chart that must render schema- and policy-clean. */
export interface RenderVariant {
  name: string;
  description: string;
  values: ChartValues;
}

/** The installs the chart supports; each one is rendered and validated by `chart:lint`. */
export const RENDER_MATRIX: readonly RenderVariant[] = [
  { name: 'defaults', description: 'no values: secrets generated on first install', values: {} },
  {
    name: 'secrets-given',
    description: 'every secret given on the command line',
    values: {
      'secrets.dbPassword': 'matrix-db-password',
      'secrets.jwtSecret': 'matrix-jwt-secret-of-at-least-32-characters',
      'secrets.cohereApiKey': 'matrix-cohere-api-key',
    },
  },
  {
    name: 'existing-secret',
    description: 'secrets from a Secret the operator manages',
    values: { 'secrets.existingSecret': 'pakaura-operator-secrets' },
  },
  { name: 'ingress-off', description: 'no Ingress', values: { 'ingress.enabled': false } },
  {
    name: 'external-database',
    description: 'no PostgreSQL in the release; an external server',
    values: { 'postgresql.enabled': false, 'externalDatabase.host': 'db.example.internal' },
  },
  { name: 'api-single-replica', description: 'one API pod', values: { 'api.replicas': 1 } },
  {
    name: 'hpa-off',
    description: 'fixed API replicas, no HorizontalPodAutoscaler',
    values: { 'api.autoscaling.enabled': false },
  },
];

export interface Render extends ParsedManifests {
  variant: RenderVariant;
  yaml: string;
}

/**
 * Renders each variant with `helm template`; every object's source is the template that made it,
 * tagged with the variant's name. Renders run two at a time (they are CPU-bound).
 */
export async function renderVariants(
  chart: HelmChart,
  release: { name: string; namespace: string },
  variants: readonly RenderVariant[] = RENDER_MATRIX,
): Promise<Render[]> {
  const renders: Render[] = [];
  for (let i = 0; i < variants.length; i += 2) {
    const pair = variants.slice(i, i + 2);
    const yamls = await Promise.all(pair.map((v) => helmTemplate(chart, release, v.values)));
    pair.forEach((variant, j) => {
      renders.push({
        variant,
        yaml: yamls[j],
        ...parseManifests(yamls[j], chart.chartDir, variant.name),
      });
    });
  }
  return renders;
}
