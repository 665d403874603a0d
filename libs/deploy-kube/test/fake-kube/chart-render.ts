import { workspaceRoot } from '@nx/devkit';
import { RELEASE_NAME, SECRET_KEYS } from '@pakaura/contract';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { bundledBinary } from '../../src/process/bundled-binaries';
import type { KubeObject } from './selectors';

/** The chart's objects as `helm install` leaves them, with the secret values it was given. */
export interface RenderedRelease {
  objects: KubeObject[];
  secrets: Record<(typeof SECRET_KEYS)[number], string>;
}

const renders = new Map<string, RenderedRelease>();

/**
 * The objects of `libs/chart` rendered by the real `helm template` (Helm 3.17 from the bundled
 * layer), for the fake API server to hold instead of hand-written fixtures: every label, env
 * reference, probe and init container a test sees is the chart's own. Test hooks
 * (`helm.sh/hook: test`) are left out, as `helm install` does until `helm test`. Rendered once per
 * namespace and process (random secrets each process); callers get a deep copy.
 */
export function renderRelease(namespace: string): RenderedRelease {
  let render = renders.get(namespace);
  if (!render) {
    const secrets = Object.fromEntries(
      SECRET_KEYS.map((key) => [key, `${key.toLowerCase()}-${randomBytes(16).toString('hex')}`]),
    ) as RenderedRelease['secrets'];
    const values: Record<string, string> = {
      'secrets.jwtSecret': secrets.JWT_SECRET,
      'secrets.dbPassword': secrets.DB_PASSWORD,
      'secrets.cohereApiKey': secrets.COHERE_API_KEY,
    };
    const output = execFileSync(
      bundledBinary('helm'),
      [
        'template',
        RELEASE_NAME,
        join(workspaceRoot, 'libs/chart'),
        '--namespace',
        namespace,
        ...Object.entries(values).flatMap(([k, v]) => ['--set-string', `${k}=${v}`]),
      ],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    const objects = parseAllDocuments(output)
      .map((doc) => doc.toJS() as KubeObject | null)
      .filter((o): o is KubeObject => Boolean(o?.kind))
      .filter((o) => annotation(o, 'helm.sh/hook') !== 'test')
      .map((o) => ({
        ...o,
        metadata: { ...o.metadata, namespace: o.metadata.namespace ?? namespace },
      }));
    render = { objects, secrets };
    renders.set(namespace, render);
  }
  return structuredClone(render);
}

function annotation(object: KubeObject, key: string): string | undefined {
  return (object.metadata['annotations'] as Record<string, string> | undefined)?.[key];
}
