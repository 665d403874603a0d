import { API_SECRET_ENV, K8S_NAMES } from '@pakaura/contract';
import { bundledBinary, run } from '@pakaura/deploy-kube/process';
import { parseManifests } from '@pakaura/deploy-validate';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CHART_DIR, find, renderChart } from './chart';
import { container, resolveEnv } from './workloads';

/** The fenced blocks of one language in the chart README's GitOps section. */
function gitopsBlocks(language: string): string[] {
  const readme = readFileSync(join(CHART_DIR, 'README.md'), 'utf8');
  const section = readme.split(/^### /m).find((s) => s.startsWith('GitOps')) ?? '';
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map(
    (m) => m[1],
  );
}

describe('the GitOps recipe of the README (existingSecret, for tools that render without lookup)', () => {
  it('makes a Secret that, named in secrets.existingSecret, gives the API every secret it reads', async () => {
    const [script] = gitopsBlocks('bash');
    const [valuesYaml] = gitopsBlocks('yaml');
    expect(script).toContain('--dry-run=client -o yaml');

    const dir = mkdtempSync(join(tmpdir(), 'pakaura-gitops-'));
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(bundledBinary('kubectl', 3), join(bin, 'kubectl'));
    await run('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: dir,
      env: {
        PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`,
        KUBECONFIG: join(dir, 'none'),
      },
    });
    const made = parseManifests(
      readFileSync(join(dir, 'pakaura-app-secrets.yaml'), 'utf8'),
      'gitops',
    ).objects;

    const existingSecret = (parse(valuesYaml) as { secrets: { existingSecret: string } }).secrets
      .existingSecret;
    expect(existingSecret).toBe((made[0].object['metadata'] as { name: string }).name);
    const { objects } = await renderChart({ 'secrets.existingSecret': existingSecret });
    expect(objects.filter((m) => m.object['kind'] === 'Secret')).toEqual([]);

    const env = resolveEnv(container(find(objects, 'Deployment', K8S_NAMES.api), 'api'), [
      ...objects,
      ...made,
    ]);
    for (const name of API_SECRET_ENV) expect(env).toHaveProperty(name);
    expect(env['JWT_SECRET'].length).toBeGreaterThanOrEqual(32);
    expect(env['DB_PASSWORD'].length).toBeGreaterThanOrEqual(24);
  });
});
