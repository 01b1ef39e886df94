import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const electronImport = { name: 'electron', message: 'src/main/core must run in a plain Node worker: no electron import.' }
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'worker_threads', 'child_process', 'net', 'tls', 'http', 'https', 'events', 'stream', 'buffer', 'util']

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'test-results/**', '**/*.vue'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off'
    }
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronImport], patterns: [{ group: ['electron/*'], message: electronImport.message }] }] }
  },
  {
    files: ['src/main/transport/**/*.ts'],
    ignores: ['src/main/transport/electronIpcTransport.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electronIpcTransport.ts may import electron; keep transport logic testable in plain Node.' }] }] }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'vue', ...nodeBuiltins.filter((n) => !n.includes('*'))],
        patterns: [{ group: ['node:*', '**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports no Node, Electron, Vue or app layers.' }]
      }]
    }
  },
  {
    files: ['src/renderer/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', ...nodeBuiltins.filter((n) => !n.includes('*'))],
        patterns: [{ group: ['node:*', '**/main/**', '**/preload/**'], message: 'The renderer talks to main only through the shared contracts.' }]
      }]
    }
  },
  {
    files: ['scripts/**/*.mjs', 'test-infra/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', fetch: 'readonly', performance: 'readonly' } }
  }
)
