// One closing line for the whole CI run: the vitest runs (SQLite, PostgreSQL) and the smoke checks.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

const dir = process.argv[2]
let passed = 0
let failed = 0
for (const run of ['sqlite', 'postgres']) {
  const file = path.join(dir, `${run}.json`)
  if (!existsSync(file)) continue
  const report = JSON.parse(readFileSync(file, 'utf8'))
  console.log(`${run}: ${report.numPassedTests} of ${report.numTotalTests} tests passed`)
  passed += report.numPassedTests
  failed += report.numFailedTests
}
const smoke = readFileSync(path.join(dir, 'smoke.txt'), 'utf8')
passed += (smoke.match(/^ok /gm) ?? []).length
failed += (smoke.match(/^FAIL /gm) ?? []).length
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
