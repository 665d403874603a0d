import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  prettier,
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/.next',
      '**/node_modules',
      '**/coverage',
      '**/vitest.config.*.timestamp*',
      '**/test-results',
      '**/playwright-report',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          // Every build here (the executors, the apps) bundles the workspace code it imports,
          // so a built project may import a library that has no build of its own.
          enforceBuildableLibDependency: false,
          allow: [],
          // The deploy libraries are imported lazily (`await import(...)`) to keep a command's start
          // short in Node, not to split a bundle: static imports of them stay allowed.
          checkDynamicDependenciesExceptions: ['^@pakaura/deploy-'],
          depConstraints: [
            // Apps and the frontend reach only shared code; the contract reaches nothing else.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['scope:shared'] },
            // Deploy code never imports app code.
            {
              sourceTag: 'scope:deploy',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:deploy'],
            },
            { sourceTag: 'scope:repo', onlyDependOnLibsWithTags: ['*'] },
            // The deploy layers run one way: kube <- image, validate, verify <- release <- cli, executors.
            { sourceTag: 'layer:kube', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'layer:image', onlyDependOnLibsWithTags: ['scope:shared', 'layer:kube'] },
            {
              sourceTag: 'layer:validate',
              onlyDependOnLibsWithTags: ['scope:shared', 'layer:kube'],
            },
            { sourceTag: 'layer:verify', onlyDependOnLibsWithTags: ['scope:shared', 'layer:kube'] },
            {
              sourceTag: 'layer:release',
              onlyDependOnLibsWithTags: ['scope:shared', 'layer:kube', 'layer:image'],
            },
            {
              sourceTag: 'layer:cli',
              onlyDependOnLibsWithTags: [
                'scope:shared',
                'layer:kube',
                'layer:image',
                'layer:validate',
                'layer:verify',
                'layer:release',
              ],
            },
            {
              sourceTag: 'layer:executors',
              onlyDependOnLibsWithTags: [
                'scope:shared',
                'layer:kube',
                'layer:image',
                'layer:validate',
                'layer:verify',
                'layer:release',
              ],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
];
