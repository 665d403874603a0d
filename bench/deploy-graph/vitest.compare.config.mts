import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.aliases.mjs';

/** On demand only: BENCH_BASELINE_DIR=<checkout> npx vitest run --config bench/deploy-graph/vitest.compare.config.mts */
export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/bench/deploy-graph',
  resolve: { alias: workspaceAliases },
  test: {
    name: 'bench-deploy-graph-compare',
    environment: 'node',
    include: ['compare.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 3_600_000,
  },
});
