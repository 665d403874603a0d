import { logger } from '@nx/devkit';
import { createFakeSandbox, type FakeSandbox } from '@pakaura/deploy-kube/testing';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

interface Manifest {
  workspaceRoot: string;
  digest: string;
  files: string[];
}
interface CompiledBuild {
  buildCompiledExecutors(options: { workspaceRoot?: string; packageDir?: string }): {
    packageDir: string;
    executors: string[];
    files: string[];
  };
  MANIFEST: string;
}
interface CompiledLoad {
  ensureFresh(packageDir: string): boolean;
}
type Executor = (options: object) => Promise<{ success: boolean }>;

const requireHere = createRequire(__filename);
const sourceDir = resolve(__dirname, '..');
const workspaceRoot = resolve(sourceDir, '..', '..');
const { buildCompiledExecutors, MANIFEST } = requireHere('../compiled/build.cjs') as CompiledBuild;
const { ensureFresh } = requireHere('../compiled/load.cjs') as CompiledLoad;

describe('compiled executors package', () => {
  // Inside node_modules, like the real package: the bundles load npm packages from there.
  const cache = join(workspaceRoot, 'node_modules', '.cache', 'pakaura');
  let packageDir: string;
  const manifestFile = () => join(packageDir, MANIFEST);
  const readManifest = () => JSON.parse(readFileSync(manifestFile(), 'utf8')) as Manifest;

  beforeAll(() => {
    mkdirSync(cache, { recursive: true });
    packageDir = mkdtempSync(join(cache, 'executors-spec-'));
    buildCompiledExecutors({ workspaceRoot, packageDir });
  }, 60_000);
  afterAll(() => rmSync(packageDir, { recursive: true, force: true }));

  it('holds every executor of executors.json, with the sources’ own schemas', () => {
    const source = JSON.parse(readFileSync(join(sourceDir, 'executors.json'), 'utf8')) as {
      executors: Record<string, { schema: string }>;
    };
    const compiled = JSON.parse(readFileSync(join(packageDir, 'executors.json'), 'utf8')) as {
      executors: Record<string, { implementation: string; schema: string }>;
    };
    expect(Object.keys(compiled.executors)).toEqual(Object.keys(source.executors));
    for (const [name, config] of Object.entries(compiled.executors)) {
      expect(resolve(packageDir, config.schema)).toBe(
        join(sourceDir, source.executors[name].schema),
      );
      expect(typeof requireHere(join(packageDir, config.implementation))).toBe('function');
    }
  });

  it('records the workspace sources it bundled, relative to the workspace', () => {
    const { files, workspaceRoot: root } = readManifest();
    expect(resolve(packageDir, root)).toBe(workspaceRoot);
    expect(files).toContain('tools/executors/src/executors/deploy/deploy.impl.ts');
    expect(files).toContain('libs/deploy-release/src/deploy/index.ts');
    expect(files).toContain('tsconfig.base.json');
    expect(files.some((file) => file.startsWith('node_modules/@nx/'))).toBe(false);
  });

  it('keeps a fresh build, and rebuilds when an input changed or is gone', () => {
    const before = readManifest();
    expect(ensureFresh(packageDir)).toBe(false);

    writeFileSync(manifestFile(), JSON.stringify({ ...before, digest: 'edited since' }));
    expect(ensureFresh(packageDir)).toBe(true);
    expect(readManifest().digest).toBe(before.digest);

    const gone = 'libs/deploy-release/src/deploy/removed-since.ts';
    writeFileSync(manifestFile(), JSON.stringify({ ...before, files: [...before.files, gone] }));
    expect(ensureFresh(packageDir)).toBe(true);
    expect(readManifest()).toEqual(before);
  }, 60_000);

  it('refuses to run in another workspace, as through a node_modules symlink', () => {
    const other = mkdtempSync(join(tmpdir(), 'other-workspace-'));
    const running = process.env['NX_WORKSPACE_ROOT'];
    process.env['NX_WORKSPACE_ROOT'] = other;
    try {
      expect(() => ensureFresh(packageDir)).toThrow(
        `holds the executors of the workspace ${workspaceRoot}, not of ${other}`,
      );
    } finally {
      if (running === undefined) delete process.env['NX_WORKSPACE_ROOT'];
      else process.env['NX_WORKSPACE_ROOT'] = running;
      rmSync(other, { recursive: true, force: true });
    }
  });

  describe('running a compiled executor', () => {
    let sandbox: FakeSandbox;
    let restore: () => void;
    beforeAll(() => {
      sandbox = createFakeSandbox();
      restore = sandbox.apply();
    });
    afterAll(() => {
      restore();
      sandbox.dispose();
    });

    it('behaves like the source and logs through the devkit logger', async () => {
      const info = vi.spyOn(logger, 'info').mockImplementation(() => undefined);
      const cluster = requireHere(join(packageDir, 'cluster.cjs')) as Executor;
      expect(await cluster({})).toEqual({ success: true });
      expect(info).toHaveBeenLastCalledWith(
        'minikube cluster "minikube" started (context minikube).',
      );
      expect(await cluster({})).toEqual({ success: true });
      expect(info).toHaveBeenLastCalledWith(
        'minikube cluster "minikube" is already running (context minikube): nothing to do.',
      );
      info.mockRestore();
    }, 60_000);
  });
});
