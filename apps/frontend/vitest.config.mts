import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.aliases.mjs';

/** `@/app/lib/api-client` → `apps/frontend/app/lib/api-client`, as in tsconfig.json's `paths`. */
const appAlias = { find: /^@\/(.*)$/, replacement: `${path.join(import.meta.dirname)}/$1` };

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/frontend',
  resolve: { alias: [...workspaceAliases, appAlias] },
  test: {
    name: 'frontend',
    environment: 'node',
    include: ['app/**/*.spec.ts', 'scripts/**/*.spec.ts', 'test/**/*.spec.ts'],
    reporters: ['default'],
  },
});
