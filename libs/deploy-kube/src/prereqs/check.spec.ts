import { afterEach, describe, expect, it } from 'vitest';
import { createFakeSandbox, type FakeSandbox } from '../../test/fakes/sandbox';
import { checkPrerequisites } from './check';
import { probeTool } from './probe';
import { formatPrereqTable } from './table';

describe('prerequisites', () => {
  let sandbox: FakeSandbox | undefined;
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    sandbox?.dispose();
  });
  function use(options: Parameters<typeof createFakeSandbox>[0] = {}): FakeSandbox {
    sandbox = createFakeSandbox(options);
    restore = sandbox.apply();
    return sandbox;
  }

  it('passes with the version each tool reports when all four are recent enough', async () => {
    use();
    const report = await checkPrerequisites();
    expect(report.ok).toBe(true);
    expect(report.summary).toBe('All 4 prerequisites are met.');
    expect(report.probes.map((p) => [p.tool, p.version])).toEqual([
      ['docker', '27.3.1'],
      ['minikube', 'v1.34.0'],
      ['kubectl', 'v1.31.2'],
      ['helm', 'v3.17.2'],
    ]);
  });

  it('names every missing tool with how to install it', async () => {
    use({ tools: ['docker', 'helm'], inheritPath: false });
    const report = await checkPrerequisites(['docker', 'minikube', 'kubectl', 'helm'], {
      allowBundled: false,
    });
    expect(report.ok).toBe(false);
    const missing = report.probes.filter((p) => p.problem === 'missing');
    expect(missing.map((p) => p.tool)).toEqual(['minikube', 'kubectl']);
    expect(missing[0].fix).toBe(
      'Install minikube 1.32+ (https://minikube.sigs.k8s.io/docs/start/).',
    );
    expect(missing[1].fix).toMatch(/^Install kubectl 1\.29\+/);
    expect(report.summary).toMatch(
      /^2 of 4 prerequisites are not met: minikube \(not found on PATH\), kubectl \(not found on PATH\)\. .*nx run local-cluster:prereqs$/,
    );
  });

  it('rejects a tool older than the minimum and says to upgrade it', async () => {
    use({ config: { versions: { helm: 'v3.13.3', docker: '23.0.6' } } });
    const report = await checkPrerequisites();
    expect(report.probes.find((p) => p.tool === 'helm')).toMatchObject({
      problem: 'too-old',
      detail: 'v3.13.3 is older than 3.14',
      fix: 'Upgrade helm. Install Helm 3.14+ (https://helm.sh/docs/intro/install/).',
    });
    expect(report.probes.find((p) => p.tool === 'docker')?.problem).toBe('too-old');
  });

  it('fails docker when the client is there but the engine does not answer', async () => {
    use({ config: { dockerEngine: 'stopped' } });
    const docker = await probeTool('docker');
    expect(docker.problem).toBe('engine-down');
    expect(docker.detail).toContain('Cannot connect to the Docker daemon');
    expect(docker.fix).toMatch(/^Start the Docker engine/);
  });

  it("falls back to Pakaura's bundled helm when none is on PATH", async () => {
    use({ tools: ['docker'], inheritPath: false });
    const helm = await probeTool('helm');
    expect(helm.bundled).toBe(true);
    expect(helm.problem).toBeUndefined();
    expect(helm.version).toMatch(/^v3\.17\./);
  });

  it('prints a table with the fix under each failing row', async () => {
    use({ config: { versions: { kubectl: 'v1.28.0' } } });
    const table = formatPrereqTable((await checkPrerequisites()).probes);
    expect(table.split('\n')).toEqual([
      'TOOL      REQUIRED  FOUND    STATUS',
      'docker    >= 24.0   27.3.1   ok',
      'minikube  >= 1.32   v1.34.0  ok',
      'kubectl   >= 1.29   v1.28.0  TOO OLD',
      '  -> Upgrade kubectl. Install kubectl 1.29+ (https://kubernetes.io/docs/tasks/tools/).',
      'helm      >= 3.14   v3.17.2  ok',
    ]);
  });
});
