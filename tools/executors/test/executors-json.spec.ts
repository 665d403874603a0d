import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = resolve(__dirname, '..');
const workspaceRoot = resolve(projectRoot, '..', '..');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

interface ExecutorEntry {
  implementation: string;
  schema: string;
}
const { executors } = readJson<{ executors: Record<string, ExecutorEntry> }>(
  join(projectRoot, 'executors.json'),
);
const build = readJson<{
  targets: {
    build: {
      executor: string;
      options: {
        main: string;
        additionalEntryPoints: string[];
        outputPath: string;
        format: string[];
      };
    };
  };
}>(join(projectRoot, 'project.json')).targets.build;

/** Where esbuild writes an entry: its path below the entries' common folder, in outputPath, as .cjs. */
function builtFileOf(entry: string, entries: string[]): string {
  const common = join(workspaceRoot, 'tools/executors/src/executors');
  expect(entries.every((e) => join(workspaceRoot, e).startsWith(`${common}/`))).toBe(true);
  const below = relative(common, join(workspaceRoot, entry)).replace(/\.ts$/, '.cjs');
  return join(workspaceRoot, build.options.outputPath, below);
}

describe('executors.json', () => {
  const entries = [build.options.main, ...build.options.additionalEntryPoints];

  it('is built by an ordinary Nx esbuild target into CommonJS', () => {
    expect(build.executor).toBe('@nx/esbuild:esbuild');
    expect(build.options.format).toEqual(['cjs']);
  });

  it('points every executor at the file the build target writes for its impl.ts, one entry each', () => {
    const built = entries.map((entry) => builtFileOf(entry, entries)).sort();
    const implementations = Object.values(executors)
      .map((entry) => resolve(projectRoot, entry.implementation))
      .sort();
    expect(implementations).toEqual(built);
  });

  it('names each executor after its folder, and takes its schema from the sources', () => {
    for (const [name, entry] of Object.entries(executors)) {
      expect(entry.implementation).toBe(`../../dist/tools/executors/${name}/${name}.impl.cjs`);
      expect(entries).toContain(`tools/executors/src/executors/${name}/${name}.impl.ts`);
      expect(existsSync(resolve(projectRoot, entry.schema)), entry.schema).toBe(true);
    }
  });
});
