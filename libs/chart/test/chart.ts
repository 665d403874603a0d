import { NAMESPACE, RELEASE_NAME } from '@pakaura/contract';
import { bundledBinary, type HelmMajor } from '@pakaura/deploy-kube/process';
import {
  helmTemplate,
  parseManifests,
  type ChartValues,
  type KubeObject,
  type ManifestObject,
} from '@pakaura/deploy-validate';
import { join, resolve } from 'node:path';

/** The workspace root and the chart under test. */
export const WORKSPACE_ROOT = resolve(__dirname, '../../..');
export const CHART_DIR = join(WORKSPACE_ROOT, 'libs/chart');
export const MANIFESTS_DIR = join(WORKSPACE_ROOT, 'libs/k8s-manifests');

export interface Rendered {
  yaml: string;
  objects: ManifestObject[];
}

const renders = new Map<string, Promise<Rendered>>();

/**
 * `helm template pakaura libs/chart -n pakaura` with the bundled helm 3 or 4. Renders are cached
 * per (helm, values): a render costs ~100 ms, and many tests read the same one.
 */
export function renderChart(values: ChartValues = {}, major: HelmMajor = 3): Promise<Rendered> {
  const key = `${major} ${JSON.stringify(values)}`;
  if (!renders.has(key)) {
    const chart = { helm: bundledBinary('helm', major), chartDir: CHART_DIR };
    const release = { name: RELEASE_NAME, namespace: NAMESPACE };
    renders.set(
      key,
      helmTemplate(chart, release, values).then((yaml) => ({
        yaml,
        objects: parseManifests(yaml, CHART_DIR, `helm ${major}`).objects,
      })),
    );
  }
  return renders.get(key) as Promise<Rendered>;
}

/** The one object of `kind` named `name`; throws with what there is instead. */
export function find(objects: readonly ManifestObject[], kind: string, name: string): KubeObject {
  const found = objects.find(
    (m) => m.object['kind'] === kind && (m.object['metadata'] as { name?: string })?.name === name,
  );
  if (!found) {
    const have = objects.map(
      (m) =>
        `${String(m.object['kind'])}/${String((m.object['metadata'] as { name?: string })?.name)}`,
    );
    throw new Error(`No ${kind}/${name} in the render (have: ${have.join(', ')})`);
  }
  return found.object;
}

export function kinds(objects: readonly ManifestObject[]): string[] {
  return [...new Set(objects.map((m) => String(m.object['kind'])))].sort();
}
