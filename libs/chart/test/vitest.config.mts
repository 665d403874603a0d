import { defineConfig } from 'vitest/config';

/** Chart tests: the render matrix, values, secrets and the chart/manifests/apps contract. */
export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../../node_modules/.vite/libs/chart/test',
  resolve: {
    alias: [
      {
        find: /^@pakaura\/contract$/,
        replacement: `${import.meta.dirname}/../../contract/src/index.ts`,
      },
      {
        find: /^@pakaura\/deploy-tools\/(.*)$/,
        replacement: `${import.meta.dirname}/../../deploy-tools/src/$1/index.ts`,
      },
    ],
  },
  test: {
    name: 'chart-tests',
    environment: 'node',
    include: ['**/*.spec.ts'],
    reporters: ['default'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
