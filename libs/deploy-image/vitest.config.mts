import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.aliases.mjs';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/libs/deploy-image',
  resolve: { alias: workspaceAliases },
  test: {
    name: 'deploy-image',
    environment: 'node',
    include: ['src/**/*.spec.ts'],
    reporters: ['default'],
    testTimeout: 30_000,
  },
});
