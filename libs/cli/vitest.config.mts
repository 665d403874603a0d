import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.aliases.mjs';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/libs/cli',
  resolve: { alias: workspaceAliases },
  test: {
    name: 'cli',
    environment: 'node',
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    reporters: ['default'],
    testTimeout: 30_000,
  },
});
