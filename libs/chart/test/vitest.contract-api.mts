import { defineConfig } from 'vitest/config';
import base from './vitest.config.mts';

/**
 * The contract test that starts the real API (its production build) with exactly the environment
 * the chart renders, against a real PostgreSQL server (PAKAURA_TEST_DATABASE_URL). Run by
 * `nx run chart-tests:contract-api` and the CI chart lane, not by `npm test`.
 */
export default defineConfig({
  ...base,
  test: { ...base.test, name: 'chart-contract-api', include: ['**/*.contract.ts'] },
});
