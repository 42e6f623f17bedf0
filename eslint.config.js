// Lint rules for the whole repository. The dependency direction of STYLE.md is enforced here:
// domain ← application ← {db, server}; web may use contracts and domain only; dispatch is pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const io = [
  'node:fs',
  'node:fs/promises',
  'node:net',
  'node:http',
  'node:child_process',
  'fs',
  'net',
  'http',
  'child_process',
];
const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message: 'This layer may not depend on that (see STYLE.md).' })),
      patterns: patterns.map((group) => ({
        group: [group],
        message: 'Wrong-way import: dependencies point inward (STYLE.md).',
      })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'packages/db/migrations/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.test.ts'],
    rules: restrict(['@aftercare/*', 'drizzle-orm*', 'fastify*', '@electric-sql/*', 'pg', 'react*'], io),
  },
  {
    files: ['packages/dispatch/src/**/*.ts'],
    ignores: ['packages/dispatch/src/**/*.test.ts'],
    rules: restrict(
      [
        '@aftercare/application',
        '@aftercare/db',
        '@aftercare/server',
        'drizzle-orm*',
        'fastify*',
        'pg',
        'react*',
      ],
      io,
    ),
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    rules: restrict([
      '@aftercare/application',
      '@aftercare/db',
      '@aftercare/server',
      '@aftercare/web',
      'drizzle-orm*',
      'fastify*',
    ]),
  },
  {
    files: ['packages/application/src/**/*.ts'],
    ignores: ['packages/application/src/**/*.test.ts'],
    rules: restrict(['@aftercare/server', '@aftercare/web', 'fastify*', 'react*']),
  },
  {
    files: ['packages/db/src/**/*.ts'],
    ignores: ['packages/db/src/**/*.test.ts'],
    rules: restrict(['@aftercare/server', '@aftercare/web', 'fastify*', 'react*']),
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/**/*.test.ts', 'apps/web/src/**/*.test.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      [
        '@aftercare/application',
        '@aftercare/db',
        '@aftercare/server',
        '@aftercare/dispatch',
        'drizzle-orm*',
        'fastify*',
        'pg',
      ],
      io,
    ),
  },
);
