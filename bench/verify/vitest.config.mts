import { defineConfig } from 'vitest/config';

/** Runs the verify benchmark on demand (never part of `npm test`): see verify.bench.ts. */
export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/bench/verify',
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
    name: 'bench-verify',
    environment: 'node',
    include: ['verify.bench.ts'],
    testTimeout: 600_000,
    reporters: ['default'],
  },
});
