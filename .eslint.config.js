// Flat config kept as a dotfile so the fixed top level stays as designed; run via `eslint -c`.
import tseslint from 'typescript-eslint';

const coreDirs = ['bot/**/*.ts', 'kb/**/*.ts', 'ticketing/**/*.ts'];
const sdkImports = ['botbuilder', 'botbuilder-*', '@slack/*', 'whatsapp-web.js', 'express', 'express-*'];
const storageImports = ['better-sqlite3', 'mongoose'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|describe|test)$/][callee.property.name='only']", message: 'Focused tests never land.' },
      ],
    },
  },
  {
    // The core stays channel-neutral and engine-neutral: SDKs live in channels/, engines in storage adapters.
    files: coreDirs,
    ignores: ['**/storage/sqlite*.ts', '**/storage/sqlite/**', '**/storage/mongo*.ts', '**/storage/mongo/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: sdkImports, message: 'The core must not import channel SDKs or HTTP frameworks; put it in channels/.' },
        { group: storageImports, message: 'Only storage adapter files (storage/sqlite*, storage/mongo*) import database drivers.' },
        { group: ['**/channels/**', '**/channels'], message: 'Arrows point down: the domains never import a channel or the composition root (channels/app).' },
      ] }],
    },
  },
  {
    files: ['channels/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: storageImports, message: 'Channels reach storage through the core, never a driver.' },
      ] }],
    },
  },
);
