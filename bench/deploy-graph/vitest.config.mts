import { defineConfig } from 'vitest/config';

/** On demand only: npx vitest run --config bench/deploy-graph/vitest.config.mts */
export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/bench/deploy-graph',
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
    name: 'bench-deploy-graph',
    environment: 'node',
    include: ['measure.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 3_600_000,
  },
});
