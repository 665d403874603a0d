import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.aliases.mjs';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/frontend',
  resolve: { alias: workspaceAliases },
  test: {
    name: 'frontend',
    environment: 'node',
    include: ['app/**/*.spec.ts', 'scripts/**/*.spec.ts', 'test/**/*.spec.ts'],
    reporters: ['default'],
  },
});
