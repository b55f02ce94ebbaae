import { createRequire } from 'node:module'
import path from 'node:path'

import { defineConfig } from 'vitest/config'

/**
 * Integration tests against real databases. Each test file gets its own database (see
 * test/setup/database.ts): SQLite by default, PostgreSQL with TEST_DATABASE=postgres, MongoDB
 * with TEST_DATABASE=mongodb and MONGODB_URL.
 */
export default defineConfig({
  // The app's routes import the config as Next.js resolves it (tsconfig paths).
  resolve: {
    alias: [
      { find: '@payload-config', replacement: path.resolve(import.meta.dirname, 'payload.config.ts') },
      // One graphql for Payload and the app, as Next.js has it (withPayload keeps graphql external):
      // Payload, loaded by Node, gets graphql's CommonJS build, and the app's own import would
      // otherwise get its ES module build, whose checks refuse the other's schema.
      { find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') },
    ],
  },
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
