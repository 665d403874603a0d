import { describe, expect, it } from 'vitest';
import { escapeSetValue, upgradeArgs } from './helm-args';

const input = {
  release: 'pakaura',
  chartDir: '/ws/libs/chart',
  namespace: 'pakaura',
  context: 'minikube',
  valuesFiles: ['/ws/values.local.yaml'],
  imageValues: { 'api.image.repository': 'pakaura-api', 'api.image.tag': '4.0.0-1e10' },
  set: { 'api.replicas': '1' },
  timeout: '5m',
  atomic: true,
  digest: 'abc123',
  helmMajor: 3,
};

describe('upgradeArgs', () => {
  it("builds seed T044's upgrade with the content tags, the context and the digest", () => {
    expect(upgradeArgs(input)).toEqual([
      'upgrade',
      '--install',
      'pakaura',
      '/ws/libs/chart',
      '--namespace',
      'pakaura',
      '--kube-context',
      'minikube',
      '--create-namespace',
      '--values',
      '/ws/values.local.yaml',
      '--set-string',
      'api.image.repository=pakaura-api',
      '--set-string',
      'api.image.tag=4.0.0-1e10',
      '--set',
      'api.replicas=1',
      '--wait',
      '--timeout',
      '5m',
      '--atomic',
      '--description',
      'Deployed by Pakaura (pakaura-digest=abc123)',
    ]);
  });

  it('uses the Helm 4 spelling of wait and rollback', () => {
    const args = upgradeArgs({ ...input, helmMajor: 4, kubeconfig: '/k/config' });
    expect(args).toContain('--wait=watcher');
    expect(args).toContain('--rollback-on-failure');
    expect(args).not.toContain('--atomic');
    expect(args.slice(args.indexOf('--kubeconfig'), args.indexOf('--kubeconfig') + 2)).toEqual([
      '--kubeconfig',
      '/k/config',
    ]);
  });

  it('passes the secret values file last among the values files, never a secret on the command line', () => {
    const args = upgradeArgs({ ...input, secretValuesFile: '/tmp/s/values.yaml' });
    const files = args.flatMap((arg, i) => (args[i - 1] === '--values' ? [arg] : []));
    expect(files).toEqual(['/ws/values.local.yaml', '/tmp/s/values.yaml']);
  });

  it('leaves rollback out when atomic is off', () => {
    expect(upgradeArgs({ ...input, atomic: false })).not.toContain('--atomic');
  });

  it('escapes the commas and backslashes helm would split on', () => {
    expect(escapeSetValue('a,b\\c')).toBe('a\\,b\\\\c');
  });
});
