/**
 * Lint (`npm run lint`, before the tests in .ci/run): typescript-eslint with type information, no
 * import cycles, and the stage order of src/ as import boundaries. A stage imports only from its
 * own stage and earlier ones; the few exceptions are named below with their reason. The order is
 * README's architecture section, and tests/lint/layers.test.ts proves a wrong import is caught.
 */
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

/**
 * The stages of src/, earliest first. Paths are relative to src/; a folder stands for everything in it.
 * `attachments` (attachment readers) sits between extract and compare, `serve` beside the CLI.
 */
export const STAGES = [
  { name: 'base', paths: ['errors.ts', 'log.ts', 'hash.ts', 'version.ts', 'terminal-safe.ts', 'worker-thread.ts', 'text', 'html'] },
  { name: 'config', paths: ['config'] },
  { name: 'fetch', paths: ['fetch'] },
  { name: 'decode', paths: ['decode'] },
  { name: 'extract', paths: ['extract'] },
  { name: 'discover', paths: ['discover'] },
  { name: 'attachments', paths: ['attachments'] },
  { name: 'compare', paths: ['compare', 'dedupe'] },
  { name: 'store', paths: ['store'] },
  { name: 'archive', paths: ['archive'] },
  { name: 'events', paths: ['events'] },
  { name: 'run services', paths: ['progress', 'lock', 'process'] },
  { name: 'crawl', paths: ['crawl'] },
  { name: 'readers', paths: ['search', 'export', 'stats'] },
  { name: 'daemon', paths: ['schedule', 'demo'] },
  { name: 'interface', paths: ['cli', 'serve'] },
];

/**
 * Modules any stage may import although they sit in a later one: constants only, no behaviour.
 * The event types are defined once with the events, and the config schema (stage 1) validates them.
 */
export const OPEN_MODULES = ['events/event-types.ts'];

/** no-restricted-paths zones: each stage's paths may import nothing from a later stage's. */
function layerZones() {
  return STAGES.flatMap((stage, rank) => {
    const later = STAGES.slice(rank + 1).flatMap((next) => next.paths.map((path) => ({ stage: next.name, path })));
    return stage.paths.flatMap((target) =>
      later.map(({ stage: laterStage, path }) => {
        const open = OPEN_MODULES.filter((module) => module.startsWith(`${path}/`)).map((module) => `./${module.slice(path.length + 1)}`);
        return {
          target: `./src/${target}`,
          from: `./src/${path}`,
          ...(open.length ? { except: open } : {}),
          message: `stage "${stage.name}" must not import from the later stage "${laterStage}" (stage order: eslint.config.js STAGES)`,
        };
      }),
    );
  });
}

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'storage/', 'src/demo/site/', 'tests/fixtures/pages/*.html', 'tests/lint/fixtures/'],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: './tsconfig.check.json', tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      // Dependencies are parsed as TypeScript too (no-cycle follows them), resolved as tsc does.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.check.json' })],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Async methods here implement Promise-returning interfaces (Crawlee's queue, Sink, commander's
      // actions): the rule would have them build Promise.resolve by hand.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...layerZones(),
            { target: './src', from: ['./tests', './bench', './scripts'], message: 'src must not import tests, benchmarks or scripts' },
            {
              target: './src/store',
              from: ['./src/compare', './src/dedupe'],
              message: 'the store only persists: what to compare and link is decided in src/archive',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests assert on parsed JSON and child-process output: untyped access is what they check.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
