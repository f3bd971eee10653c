// Linter config (kept as a dotfile so the top level stays as the design lays it out).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/** Imports go one way: collectors → src/lib; src/charts → src/lib; dashboard and cli → charts + lib. */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'svelte/no-at-html-tags': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  layer(
    ['src/lib/**'],
    [
      {
        group: ['**/collectors/**', '**/charts/**', '**/dashboard/**', '**/cli/**'],
        message: 'src/lib depends on nothing above it.',
      },
      { group: ['node:*'], message: 'src/lib has no node: imports outside src/lib/db/node.ts.' },
    ],
  ),
  {
    files: ['src/lib/db/node.ts', 'src/lib/db/node-*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  layer(
    ['collectors/**'],
    [
      {
        group: ['**/charts/**', '**/dashboard/**', '**/cli/**'],
        message: 'collectors import only src/lib.',
      },
    ],
  ),
  layer(
    ['src/charts/**'],
    [
      {
        group: ['**/collectors/**', '**/dashboard/**', '**/cli/**', 'node:*'],
        message: 'charts are pure: they import only src/lib.',
      },
    ],
  ),
  layer(
    ['src/dashboard/**'],
    [
      {
        group: ['**/collectors/**', '**/cli/**', 'node:*'],
        message: 'the dashboard imports charts and lib only.',
      },
    ],
  ),
);
