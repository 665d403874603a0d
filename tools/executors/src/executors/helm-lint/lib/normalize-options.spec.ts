import type { ExecutorContext } from '@nx/devkit';
import { RENDER_MATRIX } from '@pakaura/deploy-validate';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HelmLintExecutorSchema } from '../schema';
import { normalizeOptions } from './normalize-options';

function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'pakaura-helm-lint-opts-'));
  mkdirSync(join(root, 'libs/chart'), { recursive: true });
  writeFileSync(join(root, 'libs/chart/Chart.yaml'), 'name: pakaura\n');
  const context = {
    root,
    projectName: 'chart',
    projectsConfigurations: { version: 2, projects: { chart: { root: 'libs/chart' } } },
  } as unknown as ExecutorContext;
  return { root, context };
}

describe('normalizeOptions', () => {
  it("lints the project's chart as release pakaura in namespace pakaura, every variant", () => {
    const { root, context } = workspace();
    expect(normalizeOptions({}, context)).toEqual({
      workspaceRoot: root,
      chartDir: join(root, 'libs/chart'),
      chartLabel: 'libs/chart',
      helmMajor: undefined,
      variants: [...RENDER_MATRIX],
      release: 'pakaura',
      namespace: 'pakaura',
      serverDryRun: 'never',
      context: undefined,
    });
  });

  it('keeps the chosen variants in the matrix order and the chosen helm', () => {
    const { context } = workspace();
    const opts = normalizeOptions({ variants: ['hpa-off', 'defaults'], helmMajor: 4 }, context);
    expect(opts.variants.map((v) => v.name)).toEqual(['defaults', 'hpa-off']);
    expect(opts.helmMajor).toBe(4);
  });

  it('refuses an unknown variant, listing the known ones', () => {
    const { context } = workspace();
    expect(() => normalizeOptions({ variants: ['no-ingress'] }, context)).toThrow(
      /^Unknown render variant\(s\) no-ingress: choose from defaults, secrets-given, existing-secret, /,
    );
  });

  it('refuses a folder without Chart.yaml and a helm major other than 3 or 4', () => {
    const { context } = workspace();
    expect(() => normalizeOptions({ chartDir: 'libs' }, context)).toThrow(
      "libs has no Chart.yaml: point chartDir at the chart's folder.",
    );
    expect(() =>
      normalizeOptions({ helmMajor: 2 } as unknown as HelmLintExecutorSchema, context),
    ).toThrow('helmMajor must be 3 or 4 (got 2).');
  });
});
