// Linter config (kept as a dotfile so the top level stays as the design lays it out).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/**
 * Imports go one way: collectors → src/lib; src/charts → src/lib; src/dashboard → src/charts +
 * src/lib; src/cli → collectors (to collect) + src/charts + src/lib. Only src/lib's Node database
 * adapter may reach the file system, processes or DuckDB for Node, by any spelling.
 */
const LAYERS = {
  collectors: '**/collectors/**',
  charts: '**/charts/**',
  dashboard: '**/dashboard/**',
  cli: '**/cli/**',
};

/** Node's file system and processes, and DuckDB for Node, however they are named. */
const NODE_ONLY = [
  'fs',
  'fs/*',
  'child_process',
  '@duckdb/node-api',
  '@duckdb/node-api/*',
  '@duckdb/node-bindings',
  '@duckdb/node-bindings/*',
  'node:*',
];

/** A source string that names one of NODE_ONLY (for `import()` and `require()`). */
const NODE_ONLY_SOURCE =
  '/^(node:|(fs|child_process)(\\/|$)|@duckdb\\/node-(api|bindings)(\\/|$))/';

/** Folder `files` may not import `above`, nor (unless `node`) Node-only modules. */
const layer = (files, above, { node = false } = {}) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: above.map((name) => LAYERS[name]),
            message: `${files[0]} does not import ${above.join(', ')}.`,
          },
          ...(node
            ? []
            : [
                {
                  group: NODE_ONLY,
                  message: `${files[0]} is shared with the browser: no Node-only modules.`,
                },
              ]),
        ],
      },
    ],
    'no-restricted-syntax': node
      ? 'off'
      : [
          'error',
          {
            selector: `ImportExpression[source.value=${NODE_ONLY_SOURCE}]`,
            message: 'no Node-only modules here, dynamically imported or not.',
          },
          {
            selector: "CallExpression[callee.name='require']",
            message: 'no require() here: import what is needed.',
          },
        ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/'] },
  // No inline eslint-disable comments: a rule that does not fit is changed here, for everyone.
  { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' } },
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
      '@typescript-eslint/no-explicit-any': 'error',
      'svelte/no-at-html-tags': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  layer(['src/lib/**'], ['collectors', 'charts', 'dashboard', 'cli']),
  // The Node database adapter: the one exemption, from the Node-only ban and nothing else.
  layer(
    ['src/lib/db/node.ts', 'src/lib/db/node-*.ts'],
    ['collectors', 'charts', 'dashboard', 'cli'],
    {
      node: true,
    },
  ),
  layer(['collectors/**'], ['charts', 'dashboard', 'cli'], { node: true }),
  layer(['src/charts/**'], ['collectors', 'dashboard', 'cli']),
  layer(['src/dashboard/**'], ['collectors', 'cli']),
  layer(['src/cli/**'], ['dashboard'], { node: true }),
);
