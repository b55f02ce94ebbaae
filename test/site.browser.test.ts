import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from './browser/chromium'
import { type RunningServer, startServer } from '../scripts/lib/server'

/**
 * The public site on the production build: pages in the reader's language, filters in the URL,
 * sitemap, previews for staff only, and never a stale page after a reviewer publishes.
 */
const PASSWORD = 'correct-horse-battery-staple'
let server: RunningServer
let browser: Browser
const tokens: Record<string, string> = {}
let projectId: number
const SLUG = 'appui-a-la-gestion-des-frontieres-au-sahel'

const call = async (method: string, path: string, body?: unknown, token?: string) => {
  const response = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: await response.json().catch(() => null) }
}
const page = async (path: string, cookie?: string) => {
  // A browser following a link on the site sends Sec-Fetch-Site: Payload's CSRF check reads it for cookies.
  const response = await fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' } : {}, redirect: 'manual' })
  return { status: response.status, html: await response.text(), headers: response.headers }
}
/** A reviewer approves what an editor submitted: the only way anything goes public. */
const submitAndApprove = async () => {
  expect((await call('PATCH', `/projects/${projectId}?draft=true`, { reviewStatus: 'in-review' }, tokens.editor)).status).toBe(200)
  expect((await call('PATCH', `/projects/${projectId}?draft=true`, { reviewStatus: 'approved' }, tokens.reviewer)).status).toBe(200)
}

beforeAll(async () => {
  server = await startServer()
  tokens.admin = (await call('POST', '/users/first-register', { email: 'admin@example.org', password: PASSWORD })).body.token
  for (const role of ['editor', 'reviewer']) {
    await call('POST', '/users', { email: `${role}@example.org`, password: PASSWORD, name: role, roles: [role] }, tokens.admin)
    tokens[role] = (await call('POST', '/users/login', { email: `${role}@example.org`, password: PASSWORD })).body.token
  }
  const states = (await call('GET', '/member-states?where[iso2][in]=BF,ML&depth=0&limit=5')).body.docs
  const created = await call(
    'POST',
    '/projects?draft=true&locale=fr',
    {
      title: 'Appui à la gestion des frontières au Sahel',
      summary: 'Un projet régional pour les postes frontières du Burkina Faso et du Mali.',
      status: 'active',
      projectId: 'IB.0555',
      budgetUSD: 300000,
      coverage: 'regional',
      idfRegion: 'africa',
      startYear: 2022,
      endYear: 2025,
      memberStates: states.map((state: any) => state.id),
    },
    tokens.editor,
  )
  expect(created.status).toBe(201)
  projectId = created.body.doc.id
  for (const [n, statement] of ['Les agents sont formés.', 'Les postes sont équipés.'].entries()) {
    expect((await call('POST', '/outcomes?draft=true&locale=fr', { project: projectId, order: n + 1, statement }, tokens.editor)).status).toBe(201)
  }
  await call('PATCH', `/projects/${projectId}?draft=true&locale=en`, { title: 'Support to border management in the Sahel', summary: 'A regional project.' }, tokens.editor)
  await submitAndApprove()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the public project page', { timeout: 120_000 }, () => {
  it('reads as the site does, in French: labels and values in French, outcomes numbered, Member States linked', async () => {
    const { status, html } = await page(`/fr/projects/${SLUG}`)
    expect(status).toBe(200)
    expect(html).toContain('<html lang="fr"')
    for (const text of ['Appui à la gestion des frontières au Sahel', 'Statut du projet', 'Actif', 'Immigration et frontières', 'Afrique', '300000.00', 'Projet ID', 'IB.0555', 'Effets directs', 'Les agents sont formés.']) {
      expect(html).toContain(text)
    }
    expect(html).toMatch(/href="\/fr\/member-states\/bf"[^>]*>Burkina Faso</)
    expect(html).toContain('<meta name="description" content="Un projet régional pour les postes frontières du Burkina Faso et du Mali."')
    expect(html).toMatch(/<link rel="canonical" href="[^"]*\/fr\/projects\/appui-a-la-gestion-des-frontieres-au-sahel"/)
    expect(html).toMatch(/<link rel="alternate" hrefLang="en" href="[^"]*\/en\/projects\/appui/)
    expect(html).not.toMatch(/<link rel="alternate" hrefLang="es"/)
  })

  it('says so in a language it does not exist in, and links to those it does', async () => {
    const { html } = await page(`/es/projects/${SLUG}`)
    expect(html).toContain('Esta página no está disponible en español.')
    expect(html).toMatch(/href="\/fr\/projects\/appui-a-la-gestion-des-frontieres-au-sahel"[^>]*>Français/)
    expect(html).toMatch(/href="\/en\/projects\/appui-a-la-gestion-des-frontieres-au-sahel"[^>]*>English/)
    expect(html).toContain('noindex')
    expect((await page('/fr/projects/no-such-project')).status).toBe(404)
  })

  it('is read in a real browser, on a phone, with landmarks and headings', async () => {
    const tab = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await tab.goto(`${server.url}/en/projects/${SLUG}`)
    expect(await tab.locator('html').getAttribute('lang')).toBe('en')
    expect(await tab.locator('h1').textContent()).toBe('Support to border management in the Sahel')
    expect(await tab.locator('main').count()).toBe(1)
    expect(await tab.locator('nav[aria-label="Languages"]').count()).toBe(1)
    expect(await tab.locator('dl.metadata dt').allTextContents()).toEqual([
      'Start Date', 'End Date', 'Project Status', 'Project Type', 'Budget Amount (USD)', 'Coverage', 'IDF Region', 'Projects ID', 'Benefiting Member States',
    ])
    // Nothing wider than the phone's screen.
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await tab.close()
  })
})

describe('the public list and Member State pages', () => {
  it('filter through the URL, with counts per value, search and the Member State pages', async () => {
    const list = await page('/fr/projects?idfRegion=africa&status=active')
    expect(list.html).toContain('Appui à la gestion des frontières au Sahel')
    expect(list.html).toMatch(/<option value="africa"[^>]*>Afrique \(\d+\)<\/option>/)
    expect((await page('/fr/projects?idfRegion=europe')).html).toContain('Aucun projet ne correspond à ces filtres.')
    expect((await page('/en/projects?q=IB.0555')).html).toContain('Support to border management in the Sahel')
    // A reader types without accents; the count says what the list shows, and the panel counts the same.
    const searched = await page('/fr/projects?q=FRONTIERES%20sahel')
    expect(searched.html).toContain('Appui à la gestion des frontières au Sahel')
    expect(searched.html).toMatch(/<option value="africa"[^>]*>Afrique \(1\)<\/option>/)
    expect(searched.html).toContain('<p role="status">1 projet</p>')
    expect((await page('/fr/projects?memberState=%25')).html).toContain('Aucun projet ne correspond à ces filtres.')
    expect((await page('/en/projects?from=2026')).html).not.toContain('Support to border management in the Sahel')
    const mali = await page('/fr/member-states/ml')
    expect(mali.html).toContain('Appui à la gestion des frontières au Sahel')
  })

  it('lists every published page in every language it exists in, in sitemap.xml', async () => {
    const { html: xml } = await page('/sitemap.xml')
    expect(xml).toContain(`/fr/projects/${SLUG}</loc>`)
    expect(xml).toContain(`/en/projects/${SLUG}</loc>`)
    expect(xml).not.toContain(`/es/projects/${SLUG}</loc>`)
  })
})

describe('freshness and previews', () => {
  it('never shows a page as it was before a reviewer published, and shows no draft before', async () => {
    expect((await page(`/fr/projects/${SLUG}`)).html).toContain('Appui à la gestion des frontières au Sahel')
    await call('PATCH', `/projects/${projectId}?draft=true&locale=fr`, { title: 'Appui renforcé à la gestion des frontières au Sahel' }, tokens.editor)
    const draftOnly = await page(`/fr/projects/${SLUG}`)
    expect(draftOnly.html).not.toContain('Appui renforcé')
    await submitAndApprove()
    expect((await page(`/fr/projects/${SLUG}`)).html).toContain('Appui renforcé à la gestion des frontières au Sahel')
    expect((await page('/fr/projects')).html).toContain('Appui renforcé à la gestion des frontières au Sahel')

    expect((await call('PATCH', `/projects/${projectId}`, { _status: 'draft' }, tokens.reviewer)).status).toBe(200)
    expect((await page(`/fr/projects/${SLUG}`)).status).toBe(404)
    expect((await page('/sitemap.xml')).html).not.toContain(SLUG)
  })

  it('previews the draft for signed-in staff only', async () => {
    const path = encodeURIComponent(`/fr/projects/${SLUG}`)
    expect((await page(`/preview?path=${path}`)).status).toBe(401)
    const entered = await page(`/preview?path=${path}`, `payload-token=${tokens.editor}`)
    expect(entered.status).toBe(307)
    const draftCookie = entered.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ')
    const preview = await page(`/fr/projects/${SLUG}`, `${draftCookie}; payload-token=${tokens.editor}`)
    expect(preview.status).toBe(200)
    expect(preview.html).toContain('Aperçu : ceci est le brouillon')
    // The draft mode cookie alone, without a staff session, shows nothing unpublished.
    expect((await page(`/fr/projects/${SLUG}`, draftCookie)).status).toBe(404)
  })
})
