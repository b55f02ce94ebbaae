import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { htmlToPageText } from '../src/importer/htmlText'
import { matchMemberStates } from '../src/importer/memberStateNames'
import { extractOutcomes, parsePage } from '../src/importer/parsePage'
import { readProject } from '../src/importer/readProject'
import { parseAmount } from '../src/importer/values'
import { LESOTHO_PROJECT } from '../src/seed/sampleProject'

/** Reading pages saved from the organisation's sites (the importer's parser, no database). */
const fixture = readFileSync(path.join(import.meta.dirname, 'fixtures/lesotho-labour-migration.fr.txt'), 'utf8')

describe('the Lesotho page as the French site shows it', () => {
  it('gives exactly its known values', () => {
    const page = parsePage(fixture)!
    expect(page.layout).toBe('dashes')
    const reading = readProject(page)
    expect(reading.locale).toBe('fr')
    expect(reading.project).toEqual({
      title: 'Renforcement de la gestion de la migration de travail au Lesotho',
      endYear: 2024,
      status: 'completed',
      projectType: 'LM',
      budgetUSD: 150000,
      coverage: 'national',
      idfRegion: 'africa',
      primaId: 'ZA10P0005',
      projectId: 'LM.0304',
    })
    expect(reading.memberStates).toEqual(['LS'])
    expect(reading.problems).toEqual([])
    expect(reading.paragraphs).toHaveLength(2)
    expect(reading.paragraphs[0]).toMatch(/^Ce projet a pour objectif général/)
    expect(reading.outcomes).toEqual([...LESOTHO_PROJECT.outcomes])
  })
})

describe('other layouts and languages', () => {
  it('reads a bullet-list page in English, with the site’s quirks', () => {
    const page = parsePage(`Home
About us
Strengthening Border Management in the Sahel
• Start Date
    2021
• End Date
    2023
• Project Status
    Active
• Project Type
    Immigration and Borders
• Budget Amount (USD)
    USD 300,000
• Coverage
    Regional
• IDF Region
    Africa
• Projects ID
    ib.0123
• Benefiting Member States
    Burkina Faso Mali Niger Mali
The project aims to: 1. strengthen border posts; 2. train officials; 3. improve data sharing.`)!
    expect(page.layout).toBe('bullets')
    const reading = readProject(page)
    expect(reading.locale).toBe('en')
    expect(reading.project).toMatchObject({
      title: 'Strengthening Border Management in the Sahel',
      startYear: 2021,
      endYear: 2023,
      status: 'active',
      projectType: 'IB',
      budgetUSD: 300000,
      coverage: 'regional',
      idfRegion: 'africa',
      projectId: 'IB.0123',
    })
    expect(reading.memberStates).toEqual(['BF', 'ML', 'NE'])
    expect(reading.outcomes).toEqual(['Strengthen border posts.', 'Train officials.', 'Improve data sharing.'])
  })

  it('reports what it cannot map instead of guessing', () => {
    const reading = readProject(
      parsePage(`Titre
-
Statut du projet
Terminé depuis peu
-
Projet ID
LM-304
-
Etat(s) membre(s) beneficiaires remplissant les conditions requises
Bénin Atlantis Mexique`)!,
    )
    expect(reading.project).toEqual({ title: 'Titre' })
    expect(reading.memberStates).toEqual(['BJ', 'MX'])
    expect(reading.problems).toEqual([
      { field: 'status', value: 'Terminé depuis peu', reason: 'unknown-value' },
      { field: 'projectId', value: 'LM-304', reason: 'invalid' },
      { field: 'memberStates', value: 'Atlantis', reason: 'unmatched-name' },
    ])
  })

  it('finds no project in a page that is not a project page', () => {
    expect(parsePage('Qui sommes nous\nStructure\n- Directrice générale\nAgir')).toBeUndefined()
    expect(parsePage('')).toBeUndefined()
  })
})

describe('values', () => {
  it('reads budgets in the sites’ number formats', () => {
    expect(parseAmount('150000.00')).toBe(150000)
    expect(parseAmount('150,000')).toBe(150000)
    expect(parseAmount('1.000.000,00')).toBe(1000000)
    expect(parseAmount('1,250,000.50')).toBe(1250000.5)
    expect(parseAmount('USD 75 000')).toBe(75000)
    expect(parseAmount('n/a')).toBeUndefined()
  })

  it('matches Member State names in three languages and the sites’ spellings, several to a line', () => {
    expect(matchMemberStates('Democratic Republic of the Congo Congo Bosnia and Herzegovina').iso2).toEqual(['CD', 'CG', 'BA'])
    expect(matchMemberStates('Federated States of Micronesia Türkiye Turkey').iso2).toEqual(['FM', 'TR'])
    expect(matchMemberStates('Côte d’Ivoire République démocratique du Congo Sudáfrica').iso2).toEqual(['CI', 'CD', 'ZA'])
    expect(matchMemberStates('Guinea Guinea-Bissau Equatorial Guinea')).toEqual({ iso2: ['GN', 'GW'], unmatched: ['Equatorial Guinea'] })
  })

  it('extracts enumerated outcomes in the three styles', () => {
    expect(extractOutcomes(['Objectives: (a) first thing; (b) second thing.'])).toEqual(['First thing.', 'Second thing.'])
    expect(extractOutcomes(['No list here, just i) once.'])).toEqual([])
  })
})

describe('pages saved as HTML', () => {
  it('read like the same page saved as text, with navigation and scripts left out', () => {
    const text = parsePage(fixture)!
    const pairs = text.labels
      .map((label, n) => `<li><div class="label">${label}</div><div class="value">${Object.values(text.values)[n]}</div></li>`)
      .join('\n')
    const html = `<!doctype html><html><head><title>OIM</title><style>body{}</style></head><body>
      <header><nav><ul><li><a href="/fr/qui-sommes-nous">Qui sommes nous</a></li><li><a href="/fr/agir">Agir</a></li></ul></nav></header>
      <main><h1>${text.title}</h1><ul class="metadata">${pairs}</ul>
      ${text.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
      <script>alert('x')</script></main><footer>© OIM</footer></body></html>`
    const page = parsePage(htmlToPageText(html))!
    expect(page.layout).toBe('bullets')
    expect(readProject(page)).toEqual(readProject(text))
  })
})
