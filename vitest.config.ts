import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/contract/**/*.test.ts', 'test/build/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/tempDirs.setup.ts']
        }
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/tempDirs.setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['test/support/globalSetup.ts'],
          fileParallelism: false
        }
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          setupFiles: ['test/support/tempDirs.setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          globalSetup: ['test/e2e/support/globalSetup.ts'],
          fileParallelism: false
        }
      }
    ]
  }
})
