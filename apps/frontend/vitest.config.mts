import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vitest.aliases.mjs';

/** `@/app/lib/api-client` → `apps/frontend/app/lib/api-client`, as in tsconfig.json's `paths`. */
const appAlias = { find: /^@\/(.*)$/, replacement: `${import.meta.dirname}/$1` };

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/frontend',
  resolve: { alias: [...workspaceAliases, appAlias] },
  test: {
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'frontend',
          environment: 'node',
          include: ['*.spec.ts', 'app/**/*.spec.ts', 'scripts/**/*.spec.ts', 'test/**/*.spec.ts'],
        },
      },
      {
        // Components rendered with Testing Library in jsdom, as a browser would get them.
        extends: true,
        test: {
          name: 'frontend-ui',
          environment: 'jsdom',
          include: ['app/**/*.spec.tsx'],
          setupFiles: ['test/setup-dom.ts'],
        },
      },
    ],
  },
});
