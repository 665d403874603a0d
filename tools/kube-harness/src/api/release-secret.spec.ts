import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { releaseSecret } from './release-secret';

describe('releaseSecret', () => {
  it('stores the release as helm 3 does: JSON, gzipped, base64, under the owner=helm labels', () => {
    const secret = releaseSecret({
      name: 'pakaura',
      namespace: 'pakaura',
      revision: 1,
      chart: { name: 'pakaura', version: '4.0.0', appVersion: '4.0.0' },
      manifest: 'kind: Service',
    });
    expect(secret.metadata?.name).toBe('sh.helm.release.v1.pakaura.v1');
    expect(secret.type).toBe('helm.sh/release.v1');
    expect(secret.metadata?.labels).toMatchObject({
      name: 'pakaura',
      owner: 'helm',
      status: 'deployed',
      version: '1',
    });
    const stored = Buffer.from(secret.data?.['release'] ?? '', 'base64').toString('utf8');
    const release = JSON.parse(gunzipSync(Buffer.from(stored, 'base64')).toString('utf8'));
    expect(release).toMatchObject({
      name: 'pakaura',
      version: 1,
      info: { status: 'deployed' },
      chart: { metadata: { version: '4.0.0' } },
    });
  });
});
