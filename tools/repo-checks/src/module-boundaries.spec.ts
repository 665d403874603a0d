/**
 * The project tags constrain something: ESLint (`@nx/enforce-module-boundaries`, configured in
 * eslint.config.mjs) refuses an import across a forbidden boundary, with each project's own
 * ESLint config, as `nx run <project>:lint` runs it.
 */
import { createProjectGraphAsync, workspaceRoot } from '@nx/devkit';
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const RULE = '@nx/enforce-module-boundaries';

/** The boundary errors ESLint reports for `code` as if it were the file `file` of the workspace. */
async function boundaryErrors(projectRoot: string, file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: join(workspaceRoot, projectRoot) });
  const [result] = await eslint.lintText(code, { filePath: join(workspaceRoot, file) });
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('module boundaries', () => {
  // The rule reads the cached project graph, as it does under `nx run <project>:lint`.
  beforeAll(async () => {
    await createProjectGraphAsync({ exitOnError: false });
  });

  it('refuses deploy code in the frontend, which may import shared code only', async () => {
    const errors = await boundaryErrors(
      'apps/frontend',
      'apps/frontend/app/lib/boundary-probe.ts',
      "import { redact } from '@pakaura/deploy-kube/process';\nexport const probe = redact;\n",
    );
    expect(errors).toEqual([
      expect.stringContaining(
        'A project tagged with "scope:frontend" can only depend on libs tagged with "scope:shared"',
      ),
    ]);
  });

  it('lets the frontend import the contract', async () => {
    const errors = await boundaryErrors(
      'apps/frontend',
      'apps/frontend/app/lib/boundary-probe.ts',
      "import { API_ROUTES } from '@pakaura/contract/browser';\nexport const probe = API_ROUTES;\n",
    );
    expect(errors).toEqual([]);
  });

  it('refuses an import across the deploy layers: validation never reaches verify', async () => {
    const errors = await boundaryErrors(
      'libs/deploy-validate',
      'libs/deploy-validate/src/validate/boundary-probe.ts',
      "import { runVerify } from '@pakaura/deploy-verify';\nexport const probe = runVerify;\n",
    );
    expect(errors).toEqual([
      expect.stringContaining(
        'A project tagged with "layer:validate" can only depend on libs tagged with',
      ),
    ]);
  });

  it('refuses an import up the deploy layers: process and kube access never reach verify', async () => {
    const errors = await boundaryErrors(
      'libs/deploy-kube',
      'libs/deploy-kube/src/kube/boundary-probe.ts',
      "import { runVerify } from '@pakaura/deploy-verify';\nexport const probe = runVerify;\n",
    );
    expect(errors).toEqual([
      expect.stringContaining('Circular dependency between "deploy-kube" and "deploy-verify"'),
    ]);
  });

  it('refuses app code in deploy code', async () => {
    const errors = await boundaryErrors(
      'libs/deploy-verify',
      'libs/deploy-verify/src/verify/boundary-probe.ts',
      "import app from '../../../../apps/api-container/src/app';\nexport const probe = app;\n",
    );
    expect(errors).toEqual([
      expect.stringContaining('Projects cannot be imported by a relative or absolute path'),
    ]);
  });
});
