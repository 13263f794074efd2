// ESLint (flat config): typescript-eslint's recommended rules, a few type-aware ones that catch
// real bugs (promises nobody awaits), and the layering as a rule: the PostHog client, the tools
// and the tree models never import VS Code, so the same code runs in posthog-mcp and in tests.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noVscode = {
  name: 'vscode',
  message: 'Only src/extension.ts, src/vscode/ and the thin view glue in src/views/*.ts may import vscode.',
};
/** One layer of the layering: `files` never import vscode nor the modules matching `groups`. */
const layerRule = (files, message, groups) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [{ group: groups, message }] }] },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      '.harness/',
      '.vscode-test/',
      'test-results/',
      'screenshots/',
      '**/*.d.mts',
      // the scanner's corpus: other projects' code as they write it, read as text, never run
      'test/corpus/*/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after'] }],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/vscode/demo-extension/**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  // The layering: src/posthog -> src/mcp -> src/views/model -> src/vscode (and src/views/*.ts glue).
  layerRule(['src/posthog/**/*.ts'], 'src/posthog is the PostHog client: it knows nothing of the tools, the views or VS Code.', [
    '**/mcp/**',
    '**/views/**',
    '**/vscode/**',
  ]),
  layerRule(['src/mcp/**/*.ts'], 'src/mcp (tools, server, transports) never imports the views or the VS Code glue.', [
    '**/views/**',
    '**/vscode/**',
  ]),
  layerRule(['src/views/model/**/*.ts'], 'Tree models are plain TypeScript: the VS Code glue lives in src/views/*.ts and src/vscode/.', [
    '**/vscode/**',
    '../*.ts',
    '../treeProvider',
  ]),
  layerRule(
    ['src/code/**/*.ts', 'src/insights/**/*.ts'],
    'The scanner and the chart model are plain TypeScript, shared by the extension, the CLI and the tools.',
    ['**/views/**', '**/vscode/**', '**/mcp/**'],
  ),
  {
    ...layerRule(
      ['src/webview/**/*.ts'],
      'Webview pages run in the browser: they get data by postMessage, never by importing the extension.',
      ['**/vscode/**', '**/mcp/**', '**/posthog/**'],
    ),
    languageOptions: { globals: globals.browser },
  },
);
