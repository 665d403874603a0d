import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.aliases.mjs';

/**
 * Tests that need the Docker engine, the images and helm: run by the release lane
 * (.ci/lanes/60-release.sh), never by `npm test`. One file at a time: they share one engine.
 */
export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/tools/kube-harness-engine',
  resolve: { alias: workspaceAliases },
  test: {
    name: 'kube-harness-engine',
    environment: 'node',
    include: ['test/**/*.engine.ts'],
    reporters: ['default'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
