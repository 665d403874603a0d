import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.aliases.mjs';

/** Unit tests only (no Docker engine): the default `npm test`. The engine's tests: vitest.engine.mts. */
export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/tools/kube-harness',
  resolve: { alias: workspaceAliases },
  test: {
    name: 'kube-harness',
    environment: 'node',
    include: ['src/**/*.spec.ts'],
    reporters: ['default'],
    testTimeout: 30_000,
  },
});
