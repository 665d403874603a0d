import nextPlugin from '@next/eslint-plugin-next';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  { ignores: ['.next/**', 'next-env.d.ts'] },
  nextPlugin.configs['core-web-vitals'],
  reactHooks.configs.flat.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    settings: { next: { rootDir: import.meta.dirname } },
    rules: { '@next/next/no-html-link-for-pages': ['error', `${import.meta.dirname}/app`] },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // The contract's main entry carries TypeBox schemas: code that can reach the browser takes
      // values from the TypeBox-free entry and only types from the main one.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@pakaura/contract',
              message:
                'Import values from @pakaura/contract/browser (no TypeBox in the bundle); use `import type` for schema types.',
              allowTypeImports: true,
            },
          ],
          // One way to name a module of the app: `@/app/lib/api-client` reads the same from every
          // file and survives a move of the importing file.
          patterns: [
            {
              group: ['./*', '../*'],
              message: 'Import modules of the app through the @/ alias, e.g. @/app/lib/api-client.',
            },
          ],
        },
      ],
    },
  },
];
