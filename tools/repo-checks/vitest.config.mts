import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.aliases.mjs';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/tools/repo-checks',
  resolve: { alias: workspaceAliases },
  test: {
    name: 'repo-checks',
    environment: 'node',
    include: ['src/**/*.spec.ts'],
    reporters: ['default'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
