import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/libs/deploy-tools',
  resolve: {
    alias: [
      {
        find: /^@pakaura\/contract$/,
        replacement: `${import.meta.dirname}/../contract/src/index.ts`,
      },
      {
        find: /^@pakaura\/deploy-tools\/(.*)$/,
        replacement: `${import.meta.dirname}/src/$1/index.ts`,
      },
    ],
  },
  test: {
    name: 'deploy-tools',
    environment: 'node',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    reporters: ['default'],
    testTimeout: 30_000,
  },
});
