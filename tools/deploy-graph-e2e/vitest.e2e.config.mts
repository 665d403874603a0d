import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.aliases.mjs';

/**
 * The deployment graph run through Nx for real, with fake tools: minutes, not seconds, so it is
 * its own target (nx run deploy-graph-e2e:e2e, CI lane 40-graph) and not part of npm test.
 */
export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/tools/deploy-graph-e2e',
  resolve: { alias: workspaceAliases },
  test: {
    name: 'deploy-graph-e2e',
    environment: 'node',
    include: ['src/**/*.e2e.ts'],
    reporters: ['default'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
