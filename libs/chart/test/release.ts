import { NAMESPACE, RELEASE_NAME } from '@pakaura/contract';
import { bundledBinary, run, type HelmMajor } from '@pakaura/deploy-kube/process';
import { parseManifests, type ManifestObject } from '@pakaura/deploy-validate';
import { CHART_DIR } from './chart';
import type { FakeApiServer } from './fake-api-server';

/**
 * `helm upgrade --install --dry-run=server` against a (fake) API server: the render an install or
 * an upgrade would apply, with `lookup` reading what the cluster holds. `--set` values as strings.
 */
export async function renderAgainst(
  api: FakeApiServer,
  major: HelmMajor,
  values: readonly string[] = [],
): Promise<ManifestObject[]> {
  const { stdout } = await run(bundledBinary('helm', major), [
    'upgrade',
    '--install',
    RELEASE_NAME,
    CHART_DIR,
    '--namespace',
    NAMESPACE,
    '--kubeconfig',
    api.kubeconfig,
    '--dry-run=server',
    '--disable-openapi-validation',
    '-o',
    'json',
    ...values.flatMap((v) => ['--set', v]),
  ]);
  const manifest = (JSON.parse(stdout) as { manifest: string }).manifest;
  return parseManifests(manifest, 'release').objects;
}
