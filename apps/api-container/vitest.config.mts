import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.aliases.mjs';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/api-container',
  resolve: { alias: workspaceAliases },
  test: {
    name: 'api-container',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default'],
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
