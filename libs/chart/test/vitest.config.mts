import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../../vitest.aliases.mjs';

/** Chart tests: the render matrix, values, secrets and the chart/manifests/apps contract. */
export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../../node_modules/.vite/libs/chart/test',
  resolve: { alias: workspaceAliases },
  test: {
    name: 'chart-tests',
    environment: 'node',
    include: ['**/*.spec.ts'],
    reporters: ['default'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
