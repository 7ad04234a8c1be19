import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const noAppOrServer = {
  patterns: [
    {
      group: ['**/app/**', '@/app/*', '@/app/**'],
      message: 'lib/ is shared domain code: it must not import from app/ (the web UI).',
    },
    {
      group: ['**/server/**', '@/server/*', '@/server/**'],
      message: 'lib/ is shared domain code: it must not import from server/ (the realtime process).',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-*/**',
      'data/**',
      'data-*/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Links prefetch on hover, touch or focus, not on view (docs/pages.md, "Speed"): app/_components/ui/link.tsx.
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/_components/ui/link.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'next/link',
              importNames: ['default'],
              message: "Use Link from '@/app/_components/ui/link' (prefetch on hover, not on view).",
            },
          ],
        },
      ],
    },
  },
  { files: ['lib/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', noAppOrServer] } },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'next', message: 'server/ is the realtime process: it must not import Next.js.' },
            { name: 'react', message: 'server/ is the realtime process: it must not import React.' },
            { name: 'server-only', message: 'server-only throws outside Next; the realtime process loads this file.' },
          ],
          patterns: [
            { group: ['**/app/**', '@/app/*', '@/app/**'], message: 'server/ must not import from app/ (the web UI).' },
            { group: ['next/*'], message: 'server/ is the realtime process: it must not import Next.js.' },
          ],
        },
      ],
    },
  },
  {
    files: ['worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'next', message: 'worker/ is the job runner process: it must not import Next.js.' },
            { name: 'react', message: 'worker/ is the job runner process: it must not import React.' },
          ],
          patterns: [
            { group: ['**/app/**', '@/app/*', '@/app/**'], message: 'worker/ must not import from app/ (the web UI).' },
            {
              group: ['**/server/**', '@/server/*', '@/server/**'],
              message: 'worker/ must not import from server/ (the realtime process); shared code lives in lib/.',
            },
            { group: ['next/*'], message: 'worker/ is the job runner process: it must not import Next.js.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
