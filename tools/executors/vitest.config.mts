import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/tools/executors',
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
    name: 'executors',
    environment: 'node',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    reporters: ['default'],
    testTimeout: 30_000,
    passWithNoTests: true,
  },
});
