import path from 'node:path'

import { defineConfig } from 'vitest/config'

/**
 * Integration tests against real databases. Each test file gets its own database (see
 * test/setup/database.ts): SQLite by default, PostgreSQL with TEST_DATABASE=postgres, MongoDB
 * with TEST_DATABASE=mongodb and MONGODB_URL.
 */
export default defineConfig({
  // The app's routes import the config as Next.js resolves it (tsconfig paths).
  resolve: { alias: { '@payload-config': path.resolve(import.meta.dirname, 'payload.config.ts') } },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['./test/setup/global.ts'],
    setupFiles: ['./test/setup/database.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    env: {
      PAYLOAD_SECRET: 'test-secret-not-for-production-0123456789abcdef',
      NODE_ENV: 'test',
    },
  },
})
