import type { V1Secret } from '@kubernetes/client-node';
import { gzipSync } from 'node:zlib';

export interface ReleaseInfo {
  name: string;
  namespace: string;
  revision: number;
  /** The chart's Chart.yaml, as helm keeps it in the release (name, version, appVersion, ...). */
  chart: Record<string, unknown>;
  /** The rendered manifests helm applied. */
  manifest: string;
  description?: string;
  deployedAt?: Date;
}

/**
 * The Secret helm 3 stores a deployed release in (helm's storage/driver/secrets.go): named
 * `sh.helm.release.v1.<name>.v<revision>`, type `helm.sh/release.v1`, labelled
 * owner=helm/name/status/version, its `release` key the release as JSON, gzipped and base64'd
 * (encodeRelease in storage/driver/util.go). With it in the API, the real `helm status` and
 * `helm list` read the release as they would on a cluster.
 */
export function releaseSecret(release: ReleaseInfo): V1Secret {
  const deployedAt = (release.deployedAt ?? new Date()).toISOString();
  const body = {
    name: release.name,
    info: {
      first_deployed: deployedAt,
      last_deployed: deployedAt,
      deleted: '0001-01-01T00:00:00Z',
      description: release.description ?? 'Install complete',
      status: 'deployed',
    },
    chart: { metadata: release.chart, templates: [], values: {} },
    config: {},
    manifest: release.manifest,
    version: release.revision,
    namespace: release.namespace,
  };
  const encoded = gzipSync(Buffer.from(JSON.stringify(body)), { level: 9 }).toString('base64');
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'helm.sh/release.v1',
    metadata: {
      name: `sh.helm.release.v1.${release.name}.v${release.revision}`,
      namespace: release.namespace,
      labels: {
        name: release.name,
        owner: 'helm',
        status: 'deployed',
        version: String(release.revision),
        modifiedAt: String(Math.floor(Date.parse(deployedAt) / 1000)),
      },
    },
    data: { release: Buffer.from(encoded, 'utf8').toString('base64') },
  };
}
