import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.aliases.mjs';

/** Runs the verify benchmark on demand (never part of `npm test`): see verify.bench.ts. */
export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/bench/verify',
  resolve: { alias: workspaceAliases },
  test: {
    name: 'bench-verify',
    environment: 'node',
    include: ['verify.bench.ts'],
    testTimeout: 600_000,
    reporters: ['default'],
  },
});
