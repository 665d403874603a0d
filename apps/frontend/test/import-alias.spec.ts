import { ESLint } from 'eslint';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { resolveApiUrl } from '@/app/lib/api-url';

const appDir = path.resolve(import.meta.dirname, '..');
const workspaceRoot = path.resolve(appDir, '../..');

function resolveWithAppTsconfig(specifier: string): string | undefined {
  const configPath = path.join(appDir, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, appDir);
  const from = path.join(appDir, 'app/page.tsx');
  return ts.resolveModuleName(specifier, from, options, ts.sys).resolvedModule?.resolvedFileName;
}

describe('the @/ import alias', () => {
  it('resolves in the tests as in the app', () => {
    expect(resolveApiUrl('http://api:8000').origin).toBe('http://api:8000');
  });

  it('resolves to the app folder for the TypeScript compiler (and so for Next), beside the contract', () => {
    expect(resolveWithAppTsconfig('@/app/lib/api-client')).toBe(
      path.join(appDir, 'app/lib/api-client.ts'),
    );
    expect(resolveWithAppTsconfig('@pakaura/contract/browser')).toBe(
      path.join(workspaceRoot, 'libs/contract/src/browser.ts'),
    );
    expect(resolveWithAppTsconfig('@pakaura/contract')).toBe(
      path.join(workspaceRoot, 'libs/contract/src/index.ts'),
    );
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
