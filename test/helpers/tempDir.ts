import { mkdtempSync } from 'node:fs'
import path from 'node:path'

import { inject } from 'vitest'

/**
 * A new directory for a test's files (pages to import, backups, results), inside this run's own
 * folder (test/setup/global.ts), which the run removes when it ends: nothing is left in the
 * system's temporary directory, however many times the suite runs on a machine.
 */
export const tempDir = (prefix: string) => mkdtempSync(path.join(inject('testRun').dir, `${prefix}-`))
