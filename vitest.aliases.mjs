// The workspace's import names (`@pakaura/*`) for Vitest, read from tsconfig.base.json's `paths`
// so that the TypeScript compiler and every test config resolve them from one list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = import.meta.dirname;
const { compilerOptions } = JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8'));

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Vite `resolve.alias` entries: `@pakaura/deploy-kube/*` → `libs/deploy-kube/src/$1/index.ts`.
 * Exact names come first, as in TypeScript: `@pakaura/deploy-kube/cluster/options` is one file.
 */
export const workspaceAliases = Object.entries(compilerOptions.paths)
  .sort(([a], [b]) => Number(a.includes('*')) - Number(b.includes('*')))
  .map(([name, [target]]) => ({
    find: new RegExp(`^${escapeRegExp(name).replace('\\*', '(.+)')}$`),
    replacement: join(ROOT, target).replace('*', '$1'),
  }));
