// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'url', 'process'], message: 'Libraries must run in the browser: no Node built-ins.' }
const crossPackage = { group: ['../../*/src/*', '../../../packages/*'], message: 'Import other packages by name.' }
const restrict = (...extra) => ['error', { patterns: [nodeBuiltins, crossPackage, ...extra] }]

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/.vitepress/cache/**', '**/.vitepress/dist/**', '**/coverage/**', '**/*.d.ts', 'packages/conformance/expected/**', '**/test/tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // Libraries run in the browser: no Node built-ins, no relative imports across packages.
    files: ['packages/{core,gc,unsafe,python-lite}/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(),
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', '__filename', 'require'],
    },
  },
  {
    // Version differences live in profile data: no comparisons on version numbers outside profiles/.
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/core/src/profiles/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "BinaryExpression[operator=/^(<|<=|>|>=|===|!==|==|!=)$/] :matches(MemberExpression[property.name=/^(versionInfo|hexversion|version)$/], MemberExpression[object.property.name='versionInfo'])",
          message: 'Ask the profile a named question instead of comparing versions.',
        },
      ],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict({ group: ['@heap/*'], message: '@heap/core imports no other @heap package.' }) },
  },
  {
    files: ['packages/gc/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict({ group: ['@heap/unsafe', '@heap/python-lite'], message: 'gc depends on core only.' }) },
  },
  {
    files: ['packages/unsafe/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict({ group: ['@heap/gc', '@heap/python-lite'], message: 'unsafe depends on core only.' }) },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'tools/**', 'apps/cli/**', '**/scripts/**', '**/bench/**', '**/test/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly' } },
  },
)
