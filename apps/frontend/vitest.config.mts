import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/frontend',
  resolve: {
    alias: [
      {
        find: /^@pakaura\/contract\/browser$/,
        replacement: `${import.meta.dirname}/../../libs/contract/src/browser.ts`,
      },
      {
        find: /^@pakaura\/contract$/,
        replacement: `${import.meta.dirname}/../../libs/contract/src/index.ts`,
      },
    ],
  },
  test: {
    name: 'frontend',
    environment: 'node',
    include: ['app/**/*.spec.ts', 'scripts/**/*.spec.ts', 'test/**/*.spec.ts'],
    reporters: ['default'],
  },
});
