import { ESLint } from 'eslint';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { resolveApiUrl } from '@/app/lib/api-url';

const appDir = path.resolve(import.meta.dirname, '..');
const workspaceRoot = path.resolve(appDir, '../..');

/** The parsed compiler options of a tsconfig file, `paths` resolved from its own folder. */
function compilerOptions(configPath: string): ts.CompilerOptions {
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(configPath)).options;
}

const appOptions = compilerOptions(path.join(appDir, 'tsconfig.json'));

function resolveWith(options: ts.CompilerOptions, specifier: string): string | undefined {
  const from = path.join(appDir, 'app/page.tsx');
  return ts.resolveModuleName(specifier, from, options, ts.sys).resolvedModule?.resolvedFileName;
}

describe('the @/ import alias', () => {
  it('resolves in the tests as in the app', () => {
    expect(resolveApiUrl('http://api:8000').origin).toBe('http://api:8000');
  });

  it('resolves to the app folder for the TypeScript compiler, and so for Next', () => {
    expect(resolveWith(appOptions, '@/app/lib/api-client')).toBe(
      path.join(appDir, 'app/lib/api-client.ts'),
    );
  });

  it("names every workspace library it lists as tsconfig.base.json does (its paths replace the workspace's)", () => {
    const baseOptions = compilerOptions(path.join(workspaceRoot, 'tsconfig.base.json'));
    const repeated = Object.keys(appOptions.paths ?? {}).filter((name) => name !== '@/*');

    expect(repeated).toEqual(
      expect.arrayContaining(['@pakaura/contract', '@pakaura/contract/browser']),
    );
    for (const specifier of repeated) {
      const inWorkspace = resolveWith(baseOptions, specifier);
      expect(inWorkspace, `${specifier} in tsconfig.base.json`).toBeDefined();
      expect(resolveWith(appOptions, specifier), specifier).toBe(inWorkspace);
    }
  });

  it('is the only way the lint lets one module of the app import another', async () => {
    const eslint = new ESLint({ cwd: appDir });
    const lint = async (source: string) => {
      const [result] = await eslint.lintText(source, {
        filePath: path.join(appDir, 'app/ui/board/example.ts'),
      });
      return result?.messages.map((message) => message.message) ?? [];
    };

    expect(await lint("export { api } from '../../lib/api-client';\n")).toEqual([
      expect.stringContaining('Import modules of the app through the @/ alias'),
    ]);
    expect(await lint("export { TaskItem } from './task-item';\n")).toHaveLength(1);
    expect(await lint("export { api } from '@/app/lib/api-client';\n")).toEqual([]);
  }, 60_000);
});
