import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.aliases.mjs';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/tools/executors',
  resolve: { alias: workspaceAliases },
  test: {
    name: 'executors',
    environment: 'node',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    reporters: ['default'],
    testTimeout: 30_000,
    passWithNoTests: true,
  },
});
