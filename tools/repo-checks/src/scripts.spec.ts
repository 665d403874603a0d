import { execFile } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT } from './lib/workspace';

/**
 * The task list's scripts (T001 check-prerequisites.sh, T043 ai-deploy.sh) run in a copy of the
 * workspace's layout whose two processes are fakes that record how they were called: `npm` (which
 * makes node_modules when asked for `ci`) and the pakaura CLI.
 */
let root: string;
let calls: string;

function layout(npmExit = 0): void {
  root = mkdtempSync(join(tmpdir(), 'pakaura-scripts-'));
  calls = join(root, 'calls.log');
  for (const file of ['scripts/ai-deploy.sh', 'scripts/check-prerequisites.sh', 'scripts/lib.sh']) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    copyFileSync(join(WORKSPACE_ROOT, file), join(root, file));
  }
  const cli = join(root, 'libs/cli/bin/pakaura.cjs');
  mkdirSync(dirname(cli), { recursive: true });
  writeFileSync(
    cli,
    `const { appendFileSync } = require('node:fs');\n` +
      `appendFileSync(${JSON.stringify(calls)}, 'pakaura ' + JSON.stringify(process.argv.slice(2)) + '\\n');\n`,
  );
  const bin = join(root, 'bin');
  mkdirSync(bin);
  writeFileSync(
    join(bin, 'npm'),
    `#!/usr/bin/env bash\necho "npm $*" >> ${JSON.stringify(calls)}\necho "added 1152 packages"\n` +
      (npmExit === 0
        ? `[ "$1" = ci ] && mkdir -p node_modules\nexit 0\n`
        : `echo "npm error code EINTEGRITY" >&2\nexit ${npmExit}\n`),
  );
  chmodSync(join(bin, 'npm'), 0o755);
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  calls: string[];
}

function script(name: string, ...args: string[]): Promise<Run> {
  const env = {
    ...process.env,
    PATH: `${join(root, 'bin')}${delimiter}${dirname(process.execPath)}${delimiter}/usr/bin${delimiter}/bin`,
  };
  return new Promise((resolve) => {
    execFile('bash', [join(root, 'scripts', name), ...args], { env }, (error, stdout, stderr) => {
      resolve({
        code: error ? Number((error as { code?: number }).code ?? 1) : 0,
        stdout,
        stderr,
        calls: existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [],
      });
    });
  });
}

describe('scripts/ai-deploy.sh (T043)', () => {
  beforeEach(() => layout());

  it('runs npm ci itself on a fresh clone, saying so, then the command asked for', async () => {
    const run = await script('ai-deploy.sh', 'destroy', '--yes', '--cluster');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('ai-deploy: node_modules is missing: running npm ci first');
    expect(run.calls).toEqual([
      'npm ci --no-audit --no-fund',
      'pakaura ["destroy","--yes","--cluster"]',
    ]);
    expect(existsSync(join(root, 'node_modules'))).toBe(true);
  });

  it('installs nothing once node_modules is there, and shows the help when asked for nothing', async () => {
    mkdirSync(join(root, 'node_modules'));
    const run = await script('ai-deploy.sh');
    expect(run).toMatchObject({ code: 0, stderr: '', calls: ['pakaura ["help"]'] });
  });

  it('stops with the reason, without running the CLI, when npm ci fails', async () => {
    layout(1);
    const run = await script('ai-deploy.sh', 'deploy');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('npm error code EINTEGRITY');
    expect(run.stderr).toContain('ai-deploy: npm ci failed (its error is above)');
    expect(run.calls).toEqual(['npm ci --no-audit --no-fund']);
  });
});

describe('scripts/check-prerequisites.sh (T001)', () => {
  beforeEach(() => layout());

  it('installs on a fresh clone too, then runs `pakaura prereqs` with the options given', async () => {
    const run = await script('check-prerequisites.sh', '--provider', 'kind');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'check-prerequisites: node_modules is missing: running npm ci first',
    );
    expect(run.calls).toEqual([
      'npm ci --no-audit --no-fund',
      'pakaura ["prereqs","--provider","kind"]',
    ]);
  });
});
