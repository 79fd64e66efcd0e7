import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', '.sandbox-state/**', '.scratch/**', 'next-env.d.ts'],
  },
  {
    rules: {
      // Log through lib/log.ts (pino); stray console output hides in production.
      'no-console': 'error',
      // Focused or skipped tests must never land.
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only' },
        { object: 'it', property: 'skip' },
        { object: 'describe', property: 'only' },
        { object: 'describe', property: 'skip' },
        { object: 'test', property: 'only' },
        { object: 'test', property: 'skip' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Command-line entry points print to the terminal on purpose.
    files: ['scripts/**', 'sandbox/cli.ts', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
];

export default config;
