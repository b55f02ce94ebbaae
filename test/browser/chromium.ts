import { existsSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import { type Browser, chromium, type Page } from 'playwright-core'

/** Debian's chromium (`apt-get install chromium`), or the one CHROMIUM_PATH names. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const launchChromium = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH.`)
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
}

/**
 * Screenshots of every step into test-results/<name>/, kept when a test fails (CI keeps the
 * folder as an artifact) and removed when the whole file passes.
 */
export const stepShots = (name: string) => {
  const dir = path.resolve(import.meta.dirname, '../../test-results', name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  let count = 0
  return {
    dir,
    shot: async (page: Page, step: string) => {
      count++
      await page.screenshot({ path: path.join(dir, `${String(count).padStart(2, '0')}-${step.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true }).catch(() => undefined)
    },
    discard: () => rmSync(dir, { recursive: true, force: true }),
  }
}
