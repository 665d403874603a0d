import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testContext } from '../../../test/cli/test-context';
import { PakauraCluster } from '@pakaura/deploy-kube/testing';
import { main } from '../main';
import { help } from './help';
import { verify } from './verify';

describe('pakaura verify', () => {
  let cluster: PakauraCluster;
  let reportDir: string;
  beforeEach(async () => {
    cluster = await PakauraCluster.start();
    reportDir = join(mkdtempSync(join(tmpdir(), 'pakaura-cli-verify-')), 'verify');
  });
  afterEach(() => cluster.close());

  const runCli = async (args: string[]) => {
    const context = testContext({ commands: [verify, help] });
    const target = [
      `--kubeconfig=${cluster.kube.kubeconfigPath}`,
      `--ingress-port=${cluster.frontend.port}`,
    ];
    const code = await main(['verify', ...target, `--report-dir=${reportDir}`, ...args], context);
    return { code, out: context.lines, err: context.errors };
  };

  it('with --safe runs six checks, skips the two that delete pods, and writes the reports', async () => {
    const { code, out, err } = await runCli(['--safe']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const text = out.join('\n');
    expect(text).toMatch(/^SKIP {2}self-healing/m);
    expect(text).toMatch(/^SKIP {2}persistence/m);
    expect(text).toContain('Verified: 6 passed, 0 failed, 2 skipped');
    const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8'));
    expect(report.checks).toHaveLength(8);
    expect(readFileSync(join(reportDir, 'junit.xml'), 'utf8')).toContain(
      'tests="8" failures="0" skipped="2"',
    );
  });

  it('exits 1 naming the failed check and its reason', async () => {
    cluster.kube.workloads.replaceDeletedPods = false;
    const { code, err } = await runCli(['--checks=self-healing', '--replacement-timeout=1']);
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^verify failed: self-healing: api-\S+ was not replaced within 1 s/);
  });

  it('refuses an unknown check with the list of real ones, in the words chart:verify uses', async () => {
    const { code, err } = await runCli(['--checks=pods,podz']);
    expect(code).toBe(2);
    expect(err).toEqual([
      'pakaura verify: Unknown check podz. Checks: pods, api-health, frontend, secrets, release, chatbot, self-healing, persistence. Run: pakaura help verify',
    ]);
  });

  it('refuses a timeout that is not a number, pointing at the help', async () => {
    const { code, err } = await runCli(['--replacement-timeout=soon']);
    expect(code).toBe(2);
    expect(err).toEqual([
      'pakaura verify: --replacement-timeout must be a whole number, got "soon". Run: pakaura help verify',
    ]);
  });
});
