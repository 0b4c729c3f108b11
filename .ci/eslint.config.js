// Lint rules for src/, test/ and bench/ (run with `npm run lint`). They hold every arrow between
// the layers (docs/architecture.md): formula and scoring are pure (no UI, storage, files, file
// libraries or clocks); store and io never import the UI (io not the store either); the UI enters
// each layer through its front door only (store/index, io/index, scoring/index, formula/index;
// scoring/builtins/index is the built-ins' door, a chunk of its own). test/unit/lint.test.ts shows
// each rule failing on a wrong-way import.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/** Reading the clock: Date.now(), new Date() with no argument, performance.now(). */
const CLOCKS = [
  "CallExpression[callee.object.name='Date'][callee.property.name='now']",
  "NewExpression[callee.name='Date'][arguments.length=0]",
  "CallExpression[callee.object.name='performance'][callee.property.name='now']",
];

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'bench/out/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['src/formula/**', 'src/scoring/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/ui/**', '**/store/**', '**/io/**', 'dexie', 'svelte', 'svelte/*'], message: 'formula and scoring are pure: no UI, storage or files.' },
            { group: ['@e965/xlsx', 'xlsx', 'papaparse'], message: 'formula and scoring do not read or write files: SheetJS and papaparse belong to src/io.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB'],
      'no-restricted-syntax': [
        'error',
        ...CLOCKS.map((selector) => ({ selector, message: 'formula and scoring do not read clocks: the caller passes the time in.' })),
      ],
    },
  },
  {
    files: ['src/store/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/ui/**', 'svelte', 'svelte/*'], message: 'The store does not import the UI.' }] }],
    },
  },
  {
    files: ['src/io/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/ui/**', 'svelte', 'svelte/*'], message: 'io does not import the UI.' }, { group: ['**/store/**', 'dexie'], message: 'io does not touch storage: the UI hands it plain data.' }] },
      ],
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['dexie'], message: 'The UI reaches storage only through src/store/index.' },
            { regex: '(^|/)store/(?!index$)', message: 'The UI reaches storage only through src/store/index.' },
            { regex: '(^|/)io/(?!index$)', message: 'The UI reaches files only through src/io/index.' },
            { regex: '(^|/)scoring/(?!index$|builtins/index$)', message: 'The UI reaches scoring only through src/scoring/index (the built-ins through scoring/builtins/index).' },
            { regex: '(^|/)formula/(?!index$)', message: 'The UI reaches the formula language only through src/formula/index.' },
            { group: ['@e965/xlsx', 'xlsx', 'papaparse'], message: 'Files are read and written only in src/io.' },
          ],
        },
      ],
    },
  },
);
