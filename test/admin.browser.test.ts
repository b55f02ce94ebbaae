import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { launchChromium, stepShots } from './browser/chromium'
import { type RunningServer, startServer } from '../scripts/lib/server'

/**
 * The day's work in a real browser (Debian's chromium) against the production build: an editor
 * writes a project in French and submits it, a reviewer sends it back with a note, the editor
 * fixes and resubmits, the reviewer approves, and only then does the public API show it.
 */
const PASSWORD = 'correct-horse-battery-staple'
const EDITOR = { email: 'edith@example.org', name: 'Edith Editor', roles: ['editor'] }
const REVIEWER = { email: 'remi@example.org', name: 'Rémi Reviewer', roles: ['reviewer'] }
const SECOND_EDITOR = { email: 'sami@example.org', name: 'Sami Second', roles: ['editor'] }
const TITLE = 'Mobilité de main-d’œuvre au Sahel'
const NOTE = 'Ajoutez un résumé pour la page publique.'
const OUTCOMES = ['Les agents sont formés.', 'Les postes frontières sont équipés.', 'Les données sont partagées.']

let server: RunningServer
let browser: Browser
let editor: Page
let reviewer: Page
let projectId: string
let failed = false
const shots = stepShots('admin-browser')

const api = async (path: string, init: RequestInit & { token?: string } = {}) => {
  const response = await fetch(`${server.url}/api${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `JWT ${init.token}` } : {}) },
  })
  return { status: response.status, body: await response.json().catch(() => null) }
}

/** What an anonymous front end sees of the project: nothing until it is approved. */
const anonymousSees = async () => {
  const byId = await api(`/projects/${projectId}?locale=fr`)
  const list = await api(`/projects?locale=fr&where[projectId][equals]=LM.0777`)
  const drafts = await api(`/projects?locale=fr&draft=true&where[projectId][equals]=LM.0777`)
  return { byId: byId.status, listed: list.body.totalDocs, listedAsDraft: drafts.body.totalDocs }
}

const signIn = async (context: BrowserContext, email: string) => {
  const page = await context.newPage()
  await page.goto(`${server.url}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', PASSWORD)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/)
  return page
}

/** Playwright's own assertions live in @playwright/test; these poll the page with vitest's expect.poll. */
// Generous: in CI two production servers, two browsers and the other test files share two cores.
const POLL = { timeout: 45_000, interval: 250 }
const textOf = (locator: Locator) => () => locator.first().textContent({ timeout: 1000 }).catch(() => '')
const containsText = (locator: Locator, text: string) => expect.poll(textOf(locator), POLL).toContain(text)
const hasText = (locator: Locator, text: string) => expect.poll(async () => (await textOf(locator)())?.trim(), POLL).toBe(text)
const isVisible = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: POLL.timeout })
const isEnabled = (locator: Locator, enabled: boolean) => expect.poll(() => locator.isEnabled({ timeout: 1000 }).catch(() => !enabled), POLL).toBe(enabled)

/**
 * Clicks Save Draft once the form has settled, and again if the click was swallowed (a click that
 * lands while the form is still processing its last change does nothing), until `done()` holds.
 */
const saveDraftUntil = async (page: Page, done: () => Promise<boolean>) => {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.waitForLoadState('networkidle').catch(() => undefined)
    await page.locator('#action-save-draft').click()
    const deadline = Date.now() + 15_000
    while (Date.now() < deadline) {
      if (await done()) return
      await page.waitForTimeout(250)
    }
  }
  throw new Error('Save Draft did not take effect after three clicks')
}

const tab = (page: Page, name: string) => page.locator('.tabs-field__tabs button', { hasText: name }).click()
const reviewState = (page: Page) => page.locator('.review-panel .review-state')
const openProject = async (page: Page) => {
  await page.goto(`${server.url}/admin/collections/projects/${projectId}?locale=fr`)
  // Payload reopens the tab each person last used: wait for the tabs, not for one tab's fields.
  await page.waitForSelector('.review-panel')
}

beforeAll(async () => {
  server = await startServer()
  const first = await api('/users/first-register', { method: 'POST', body: JSON.stringify({ email: 'admin@example.org', password: PASSWORD }) })
  expect(first.status).toBe(200)
  for (const person of [EDITOR, REVIEWER, SECOND_EDITOR]) {
    const created = await api('/users', { method: 'POST', token: first.body.token, body: JSON.stringify({ ...person, password: PASSWORD }) })
    expect(created.status).toBe(201)
  }
  browser = await launchChromium()
  const contexts = await Promise.all([browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 1000 } }), browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 1000 } })])
  for (const context of contexts) context.setDefaultTimeout(45_000)
  editor = await signIn(contexts[0], EDITOR.email)
  reviewer = await signIn(contexts[1], REVIEWER.email)
})

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return
  failed = true
  // What each person's screen showed when the step failed.
  await shots.shot(editor, `failed-editor-${context.task.name}`)
  await shots.shot(reviewer, `failed-reviewer-${context.task.name}`)
})

afterAll(async () => {
  if (failed) console.error(`Screenshots of each step: ${shots.dir}\nServer log (end):\n${server?.log().slice(-2000)}`)
  else shots.discard()
  await browser?.close()
  await server?.stop()
})

describe('an editor and a reviewer in the admin', { timeout: 240_000 }, () => {
  // Each step builds on the one before: after a failure, the rest fail at once instead of waiting out their timeouts.
  beforeEach(() => {
    if (failed) throw new Error('an earlier step failed (see its screenshots)')
  })

  it('the editor creates a project in French with two Member States, meets a validation error and fixes it', async () => {
    await editor.goto(`${server.url}/admin/collections/projects/create?locale=fr`)
    await tab(editor, 'Identity')
    await editor.fill('#field-title', TITLE)
    await tab(editor, 'Project details')
    await editor.fill('#field-primaId', 'BF10-0777')
    await editor.fill('#field-projectId', 'LM.0777')
    await editor.fill('#field-budgetUSD', '250000')
    await editor.click('#field-coverage .rs__control')
    await editor.click('.rs__option:has-text("Regional")')
    await tab(editor, 'Beneficiaries')
    // The picker finds a State by any of its names or its ISO code.
    await editor.click('#field-memberStates .rs__control')
    await editor.keyboard.type('Burkina')
    await editor.locator('.rs__option', { hasText: /^Burkina Faso/ }).click()
    await editor.click('#field-memberStates .rs__control')
    await editor.keyboard.type('ML')
    await editor.locator('.rs__option', { hasText: /^Mali/ }).click()
    await expect.poll(() => editor.locator('#field-memberStates .rs__multi-value').count(), POLL).toBe(2)
    await editor.keyboard.press('Escape')
    // Editors save drafts; publishing is not theirs, and they are not offered it.
    expect(await editor.locator('#action-save').count()).toBe(0)
    // The refusal is told at once in a notice naming the field (the inline message under the field
    // can be replaced by a form refresh still under way when the save answered, on a slow machine).
    const refusal = editor.getByText(/The following field is invalid: Project details \W+ Prima ID/)
    await saveDraftUntil(editor, () => refusal.count().then((n) => n > 0))
    await tab(editor, 'Project details')
    await editor.locator('#field-primaId').focus()
    await shots.shot(editor, 'validation-error')
    expect(editor.url()).toMatch(/\/create/)

    await editor.fill('#field-primaId', 'BF10P0777')
    await saveDraftUntil(editor, async () => /\/projects\/\d+/.test(editor.url()))
    projectId = editor.url().match(/\/projects\/(\d+)/)![1]!
    await shots.shot(editor, 'saved-draft')
    expect(await anonymousSees()).toEqual({ byId: 404, listed: 0, listedAsDraft: 0 })
  })

  it('the editor adds three outcomes from the project and submits it for review', async () => {
    for (const statement of OUTCOMES) {
      await openProject(editor)
      await tab(editor, 'Outcomes')
      await editor.getByRole('button', { name: 'Add new' }).click()
      const statementInput = editor.locator('#field-statement').last()
      await statementInput.fill(statement)
      expect(await editor.locator('.drawer #action-save').count()).toBe(0)
      await editor.locator('#action-save-draft').last().click()
      await isVisible(editor.getByText(/successfully/i))
    }
    await openProject(editor)
    await tab(editor, 'Outcomes')
    for (const statement of OUTCOMES) await containsText(editor.locator('#field-outcomes'), statement)
    await shots.shot(editor, 'outcomes')

    await editor.getByRole('button', { name: 'Submit for review' }).click()
    await hasText(reviewState(editor), 'In review')
    await shots.shot(editor, 'submitted')
    expect(await anonymousSees()).toEqual({ byId: 404, listed: 0, listedAsDraft: 0 })
  })

  it('the reviewer finds it in the queue and requests changes with a note', async () => {
    await reviewer.goto(`${server.url}/admin`)
    const queue = reviewer.locator('#review-queue').locator('xpath=..')
    await containsText(queue, TITLE)
    await containsText(queue, 'Submitted by Edith Editor')
    await containsText(queue, 'New page: FR')
    await shots.shot(reviewer, 'review-queue')
    await queue.getByRole('link', { name: TITLE }).click()
    await reviewer.waitForSelector('.review-panel')
    await reviewer.locator('.review-panel__note-input').fill(NOTE)
    await reviewer.getByRole('button', { name: 'Request changes' }).click()
    await hasText(reviewState(reviewer), 'Changes requested')
    await containsText(reviewer.locator('.review-panel__history'), NOTE)
    await shots.shot(reviewer, 'changes-requested')
    expect(await anonymousSees()).toEqual({ byId: 404, listed: 0, listedAsDraft: 0 })
  })

  it('the editor sees the note, edits and resubmits', async () => {
    await editor.goto(`${server.url}/admin`)
    const sentBack = editor.locator('#sent-back').locator('xpath=..')
    await containsText(sentBack, TITLE)
    await containsText(sentBack, NOTE)
    await sentBack.getByRole('link', { name: TITLE }).click()
    await editor.waitForSelector('.review-panel')
    await containsText(editor.locator('.review-panel__note'), NOTE)
    await tab(editor, 'Identity')
    await editor.fill('#field-summary', 'Un projet régional de mobilité de main-d’œuvre entre le Burkina Faso et le Mali.')
    // Unsaved changes are not submitted: save first.
    await isEnabled(editor.getByRole('button', { name: 'Resubmit for review' }), false)
    await editor.click('#action-save-draft')
    await isVisible(editor.getByText(/successfully/i))
    await isEnabled(editor.getByRole('button', { name: 'Resubmit for review' }), true)
    await editor.getByRole('button', { name: 'Resubmit for review' }).click()
    await hasText(reviewState(editor), 'In review')
    await shots.shot(editor, 'resubmitted')
    expect(await anonymousSees()).toEqual({ byId: 404, listed: 0, listedAsDraft: 0 })
  })

  it('the reviewer approves, and the public API then shows the project with its outcomes', async () => {
    await openProject(reviewer)
    expect(await reviewer.locator('#action-save').count()).toBe(1)
    await reviewer.getByRole('button', { name: 'Approve and publish' }).click()
    await hasText(reviewState(reviewer), 'Approved')
    await shots.shot(reviewer, 'approved')

    const { body } = await api(`/projects?locale=fr&where[projectId][equals]=LM.0777&depth=1`)
    expect(body.totalDocs).toBe(1)
    const project = body.docs[0]
    expect(project).toMatchObject({ title: TITLE, summary: expect.stringMatching(/^Un projet régional/), primaId: 'BF10P0777', coverage: 'regional' })
    expect(project.memberStates.map((state: any) => state.iso2).sort()).toEqual(['BF', 'ML'])
    expect(project.outcomes.docs.map((outcome: any) => outcome.statement)).toEqual(OUTCOMES)
    expect(project.reviewNote).toBeUndefined()
  })

  it('a reviewer whose browser speaks French gets the admin in French, and compares the new draft with the published page', async () => {
    await openProject(editor)
    await tab(editor, 'Identity')
    await editor.fill('#field-summary', 'Un résumé revu après publication.')
    await editor.click('#action-save-draft')
    await isVisible(editor.getByText(/successfully/i))

    const french = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 1000 } })
    french.setDefaultTimeout(45_000)
    const page = await signIn(french, REVIEWER.email)
    await containsText(page.locator('#review-queue'), 'À relire')
    await page.goto(`${server.url}/admin/collections/projects/${projectId}?locale=en`)
    await page.waitForSelector('.review-panel')
    // The admin's language is the reader's; the content locale is another matter.
    await containsText(page.locator('.review-panel'), 'Relecture')
    await containsText(page.locator('.tabs-field__tabs'), 'Fiche du projet')

    await page.goto(`${server.url}/admin/collections/projects/${projectId}/versions?locale=fr`)
    const latest = page.locator('a[href*="/versions/"]').first()
    await latest.click()
    await page.waitForURL(/\/versions\/\d+/)
    const comparison = page.locator('main, .view-version, body').first()
    await containsText(comparison, 'Résumé')
    await containsText(comparison, 'Un résumé revu après publication.')
    await containsText(comparison, 'Un projet régional de mobilité')
    await shots.shot(page, 'compare-versions-fr')
    await french.close()
  })

  it('the editor previews the draft beside the form, refreshed on each save, as the public page will show it', async () => {
    await openProject(editor)
    await editor.locator('.live-preview-toggler').click()
    const frame = editor.frameLocator('iframe')
    await containsText(frame.locator('h1'), TITLE)
    await containsText(frame.locator('.summary'), 'Un résumé revu après publication.')
    await containsText(frame.locator('.preview-banner'), 'Aperçu')
    await tab(editor, 'Identity')
    await editor.fill('#field-summary', 'Un résumé vu en direct.')
    await editor.click('#action-save-draft')
    await containsText(frame.locator('.summary'), 'Un résumé vu en direct.')
    await shots.shot(editor, 'live-preview')
    // The public still reads the approved version.
    const { body } = await api(`/projects/${projectId}?locale=fr`)
    expect(body.summary).toMatch(/^Un projet régional/)
  })

  it('two editors on one project: the second finds it locked and cannot overwrite the first one’s work', async () => {
    await openProject(editor)
    await tab(editor, 'Identity')
    // Payload takes the lock once the editor starts changing the document.
    await editor.fill('#field-summary', 'Un résumé écrit pendant que Sami regardait.')
    await editor.waitForTimeout(1500)
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 1000 } })
    context.setDefaultTimeout(45_000)
    const second = await signIn(context, SECOND_EDITOR.email)
    await second.goto(`${server.url}/admin/collections/projects/${projectId}?locale=fr`)
    await second.waitForTimeout(3000)
    await shots.shot(second, 'second-editor-opens')
    await containsText(second.locator('.document-locked'), 'is currently editing this document')
    await shots.shot(second, 'locked-for-second-editor')
    await second.getByRole('button', { name: /read-only/i }).click()
    await isEnabled(second.locator('#action-save-draft'), false)

    // The first editor's work goes through untouched.
    await editor.click('#action-save-draft')
    await isVisible(editor.getByText(/successfully/i))
    const { body } = await api(`/projects/${projectId}?locale=fr&draft=true`, { token: (await api('/users/login', { method: 'POST', body: JSON.stringify({ email: EDITOR.email, password: PASSWORD }) })).body.token })
    expect(body.summary).toBe('Un résumé écrit pendant que Sami regardait.')
    await context.close()
  })
})
