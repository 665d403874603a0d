import { defineConfig } from 'vitest/config';

/**
 * The deployment graph run through Nx for real, with fake tools: minutes, not seconds, so it is
 * its own target (nx run deploy-graph-e2e:e2e, CI lane 40-graph) and not part of npm test.
 */
export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/tools/deploy-graph-e2e',
  resolve: {
    alias: [
      {
        find: /^@pakaura\/contract$/,
        replacement: `${import.meta.dirname}/../../libs/contract/src/index.ts`,
      },
      {
        find: /^@pakaura\/deploy-tools\/(.*)$/,
        replacement: `${import.meta.dirname}/../../libs/deploy-tools/src/$1/index.ts`,
      },
    ],
  },
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
