import { logger, type ExecutorContext } from '@nx/devkit';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import helmLintExecutor from './helm-lint.impl';

const workspaceRoot = resolve(__dirname, '../../../../..');
const info = vi.spyOn(logger, 'info').mockImplementation(() => undefined);
const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
const context = (root: string) =>
  ({ root, cwd: root, isVerbose: false }) as unknown as ExecutorContext;
const lines = (spy: typeof info) => spy.mock.calls.map((c) => String(c[0]));

/** A copy of the chart to break on purpose. */
function chartCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pakaura-chart-'));
  cpSync(join(workspaceRoot, 'libs/chart'), dir, { recursive: true });
  return dir;
}

beforeEach(() => {
  info.mockClear();
  error.mockClear();
});

describe('helm-lint executor (real helm)', () => {
  it("lints the project's chart and validates the variants asked for", async () => {
    const result = await helmLintExecutor(
      {
        chartDir: 'libs/chart',
        helmMajor: 4,
        variants: ['defaults', 'external-database'],
        serverDryRun: 'never',
      },
      context(workspaceRoot),
    );
    expect(lines(error)).toEqual([]);
    expect(result).toEqual({ success: true });
    expect(lines(info)).toEqual([
      expect.stringMatching(
        /^helm v4\.1\.\d+\S* lint --strict libs\/chart: clean for 2 variant\(s\)$/,
      ),
      expect.stringMatching(/^ {2}defaults: \d+ objects \(11 kinds\), \d+ lines — /),
      expect.stringMatching(/^ {2}external-database: \d+ objects \(10 kinds\), \d+ lines — /),
      expect.stringMatching(
        /^Render matrix: 2 variant\(s\) valid for Kubernetes 1\.29\.0 and clean under \d+ policy rules$/,
      ),
    ]);
  });

  it('fails naming the template, the variant, the object and the field a 1.29 server would refuse', async () => {
    const dir = chartCopy();
    const template = join(dir, 'templates/frontend/deployment.yaml');
    writeFileSync(
      template,
      readFileSync(template, 'utf8').replace(
        'revisionHistoryLimit: 5',
        'revisionHistoryLimit: 5\n  minReadySecond: 5',
      ),
    );
    const result = await helmLintExecutor(
      { chartDir: dir, helmMajor: 3, variants: ['defaults', 'hpa-off'], serverDryRun: 'never' },
      context(dir),
    );
    expect(result).toEqual({ success: false });
    expect(lines(error)).toEqual([
      'pakaura/templates/frontend/deployment.yaml (defaults): Deployment/frontend: spec.minReadySecond: unknown field "minReadySecond" (did you mean "minReadySeconds"?)',
      'pakaura/templates/frontend/deployment.yaml (hpa-off): Deployment/frontend: spec.minReadySecond: unknown field "minReadySecond" (did you mean "minReadySeconds"?)',
      'chart lint failed: 2 problem(s) in the render matrix; first: pakaura/templates/frontend/deployment.yaml (defaults): Deployment/frontend: spec.minReadySecond: unknown field "minReadySecond" (did you mean "minReadySeconds"?)',
    ]);
  });

  it("fails with helm's own words when values contradict each other", async () => {
    const dir = chartCopy();
    const values = join(dir, 'values.yaml');
    writeFileSync(
      values,
      readFileSync(values, 'utf8').replace('  maxReplicas: 5', '  maxReplicas: 1'),
    );
    const result = await helmLintExecutor(
      { chartDir: dir, helmMajor: 3, variants: ['defaults'], serverDryRun: 'never' },
      context(dir),
    );
    expect(result).toEqual({ success: false });
    expect(lines(error)).toEqual([
      expect.stringMatching(
        /^helm template failed: .*\n[\s\S]*api\.autoscaling\.maxReplicas \(1\) is below api\.replicas \(2\), the autoscaler's minimum: raise api\.autoscaling\.maxReplicas or lower api\.replicas/,
      ),
    ]);
  });
});
