import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = resolve(__dirname, '..');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

interface ExecutorEntry {
  implementation: string;
  schema: string;
}
type Asset = { input: string; glob: string; output: string };
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
        assets: Asset[];
        esbuildOptions: { outbase: string; outExtension: Record<string, string> };
      };
    };
  };
}>(join(projectRoot, 'project.json')).targets.build;

describe('the executors plugin and its build', () => {
  const { options } = build;
  const entries = [options.main, ...options.additionalEntryPoints];

  it('is built by an ordinary Nx esbuild target into a CommonJS package @pakaura/executors in node_modules', () => {
    expect(build.executor).toBe('@nx/esbuild:esbuild');
    expect(options.format).toEqual(['cjs']);
    expect(options.esbuildOptions.outExtension).toEqual({ '.js': '.js' });
    expect(options.outputPath).toBe('node_modules/@pakaura/executors');
  });

  it('mirrors the source tree, so one executors.json serves the sources and the built package', () => {
    expect(options.esbuildOptions.outbase).toBe('tools/executors');
    expect(options.assets).toContainEqual({
      input: 'tools/executors',
      glob: 'executors.json',
      output: '.',
    });
    expect(options.assets).toContainEqual({
      input: 'tools/executors/src',
      glob: 'executors/*/schema.json',
      output: 'src',
    });
  });

  it('builds exactly the executors of executors.json, each from its <name>.impl.ts', () => {
    const fromEntries = entries.map((entry) => entry.replace(/^tools\/executors\//, './')).sort();
    const fromJson = Object.values(executors)
      .map((entry) => `${entry.implementation}.ts`)
      .sort();
    expect(fromJson).toEqual(fromEntries);
    for (const [name, entry] of Object.entries(executors)) {
      expect(entry.implementation).toBe(`./src/executors/${name}/${name}.impl`);
      expect(entry.schema).toBe(`./src/executors/${name}/schema.json`);
      expect(existsSync(resolve(projectRoot, `${entry.implementation}.ts`))).toBe(true);
      expect(existsSync(resolve(projectRoot, entry.schema))).toBe(true);
    }
  });

  it('gives Nx the package as the plugin itself names it', () => {
    const manifest = readJson<{ name: string; executors: string }>(
      join(projectRoot, 'package.json'),
    );
    expect(manifest).toMatchObject({ name: '@pakaura/executors', executors: './executors.json' });
  });
});
