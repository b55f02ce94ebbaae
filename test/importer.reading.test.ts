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
      partners: ['Ministère de la main-d’œuvre et de l’emploi'],
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

const FRENCH_BODY = `Ce projet vise à renforcer les capacités du gouvernement en matière de gestion des frontières et à améliorer la coordination entre les services concernés.
Les résultats attendus sont les suivants : i) les agents sont formés ; ii) les postes frontières sont équipés.`
const ENGLISH_BODY = `The project aims to strengthen the capacity of the government to manage its borders and to improve coordination between the services involved.
Expected results: i) officials are trained; ii) border posts are equipped.`

describe('the fund site’s layout: values without labels, in a fixed order', () => {
  it('reads every value by its shape under the repeated title', () => {
    const page = parsePage(`IOM Development Fund
Projects
Strengthening Border Management in Mauritania
Strengthening Border Management in Mauritania
Africa
IB.0456
SN10P0012
250,000
Mauritania
Immigration and Borders
National
Active
${ENGLISH_BODY}`)!
    expect(page.layout).toBe('fund')
    const reading = readProject(page)
    expect(reading.locale).toBe('en')
    expect(reading.project).toEqual({
      title: 'Strengthening Border Management in Mauritania',
      idfRegion: 'africa',
      projectId: 'IB.0456',
      primaId: 'SN10P0012',
      budgetUSD: 250000,
      projectType: 'IB',
      coverage: 'national',
      status: 'active',
    })
    expect(reading.memberStates).toEqual(['MR'])
    expect(reading.outcomes).toEqual(['Officials are trained.', 'Border posts are equipped.'])
    expect(reading.problems).toEqual([])
  })

  it('skips the missing values and still tells each one by its shape, in French', () => {
    const page = parsePage(`Fonds de l’OIM pour le développement
Appui à la gestion des frontières au Sahel
-
Appui à la gestion des frontières au Sahel
-
Afrique
-
150 000
-
Burkina Faso Mali Niger Mali
-
Régional
${FRENCH_BODY}`)!
    expect(page.layout).toBe('fund')
    const reading = readProject(page)
    expect(reading.locale).toBe('fr')
    expect(reading.project).toEqual({ title: 'Appui à la gestion des frontières au Sahel', idfRegion: 'africa', budgetUSD: 150000, coverage: 'regional' })
    expect(reading.memberStates).toEqual(['BF', 'ML', 'NE'])
  })

  it('reads an unknown name where the beneficiaries stand, and reports it', () => {
    const reading = readProject(
      parsePage(`Regional Labour Mobility in the Pacific
Regional Labour Mobility in the Pacific
Asia and Oceania
LM.0999
Fiji Atlantis Samoa
Labour Migration
Regional
Completed
${ENGLISH_BODY}`)!,
    )
    expect(reading.project).toMatchObject({ idfRegion: 'asia-oceania', projectId: 'LM.0999', projectType: 'LM', coverage: 'regional', status: 'completed' })
    expect(reading.memberStates).toEqual(['FJ', 'WS'])
    expect(reading.problems).toEqual([{ field: 'memberStates', value: 'Atlantis', reason: 'unmatched-name' }])
  })
})

describe('pages in other shapes and languages', () => {
  it('reads a Spanish page with labels and values on plain lines, and “Label: value” lines', () => {
    const page = parsePage(`Inicio
Fortalecimiento de la gestión migratoria en Guatemala
Fecha de inicio
2020
Fecha de finalización: 2022
Estado del proyecto
Finalizado
Tipo de proyecto
Actividades de política migratoria
Monto del presupuesto (USD)
200.000,00
Cobertura
Nacional
Región del FOD
América Latina y el Caribe
ID del proyecto
PO.0210
Estados Miembros beneficiarios
Guatemala
En asociación con el Instituto Guatemalteco de Migración, la OIM apoyará la elaboración de una política migratoria nacional y la formación de los funcionarios.`)!
    expect(page.layout).toBe('lines')
    const reading = readProject(page)
    expect(reading.locale).toBe('es')
    expect(reading.project).toMatchObject({
      title: 'Fortalecimiento de la gestión migratoria en Guatemala',
      startYear: 2020,
      endYear: 2022,
      status: 'completed',
      budgetUSD: 200000,
      coverage: 'national',
      idfRegion: 'latin-america-caribbean',
      projectId: 'PO.0210',
      projectType: 'PO',
      partners: ['Instituto Guatemalteco de Migración'],
    })
    expect(reading.memberStates).toEqual(['GT'])
  })

  it('tells a French page by its own text even when every label was left in English', () => {
    const reading = readProject(
      parsePage(`Appui à la gestion des frontières au Niger
-
Start Date
2019
-
Project Status
Actif
-
Benefiting Member States
Niger
${FRENCH_BODY}`)!,
    )
    expect(reading.locale).toBe('fr')
    expect(reading.project.status).toBe('active')
    expect(reading.problems).toEqual([])
  })

  it('reports an English body on a French page', () => {
    const reading = readProject(
      parsePage(`Appui à la gestion des frontières au Niger
-
Date de début
2019
-
Statut du projet
Actif
-
Etat(s) membre(s) beneficiaires remplissant les conditions requises
Niger
${ENGLISH_BODY}`)!,
    )
    expect(reading.locale).toBe('fr')
    expect(reading.bodyLocale).toBe('en')
    expect(reading.problems).toEqual([{ field: 'description', value: 'en', reason: 'other-language' }])
  })
})

describe('hostile pages', () => {
  it('reads what a truncated page has and stops where it stops', () => {
    const reading = readProject(parsePage(fixture.slice(0, fixture.indexOf('Couverture')))!)
    expect(reading.project).toEqual({
      title: 'Renforcement de la gestion de la migration de travail au Lesotho',
      endYear: 2024,
      status: 'completed',
      projectType: 'LM',
      budgetUSD: 150000,
    })
    expect(reading.memberStates).toEqual([])
    expect(reading.outcomes).toEqual([])
  })

  it('reports labels it does not know, in both labelled layouts, and reads the rest', () => {
    const dashes = readProject(
      parsePage(`Projet pilote de mobilité
-
Date de démarrage
2021
-
Statut du projet
Actif
-
Bailleur
-
Projet ID
LM.0101`)!,
    )
    expect(dashes.project).toEqual({ title: 'Projet pilote de mobilité', status: 'active', projectId: 'LM.0101' })
    expect(dashes.problems).toEqual([
      { field: 'Date de démarrage', value: '2021', reason: 'unknown-label' },
      { field: 'Bailleur', value: '', reason: 'unknown-label' },
    ])
    const bullets = readProject(
      parsePage(`Pilot mobility project
• Project Status
    Active
• Donor
    Government of Italy
• Budget Amount (USD)
    1.000.000,00`)!,
    )
    expect(bullets.project).toEqual({ title: 'Pilot mobility project', status: 'active', budgetUSD: 1000000 })
    expect(bullets.problems).toEqual([{ field: 'Donor', value: 'Government of Italy', reason: 'unknown-label' }])
  })

  it('rejects values of the wrong kind under a known label', () => {
    const reading = readProject(
      parsePage(`Pilot mobility project
-
Start Date
soon
-
Budget Amount (USD)
to be confirmed
-
Prima ID
ZA10-0005
-
Coverage
Worldwide`)!,
    )
    expect(reading.project).toEqual({ title: 'Pilot mobility project' })
    expect(reading.problems).toEqual([
      { field: 'coverage', value: 'Worldwide', reason: 'unknown-value' },
      { field: 'startYear', value: 'soon', reason: 'invalid' },
      { field: 'budgetUSD', value: 'to be confirmed', reason: 'invalid' },
      { field: 'primaId', value: 'ZA10-0005', reason: 'invalid' },
    ])
  })

  it('finds nothing in pages that are not project pages, even with a stray label or a repeated line', () => {
    expect(parsePage('News\nNews\nStatus\nThe Director General visited Geneva on Monday.')).toBeUndefined()
    expect(parsePage(`Contact us\nContact us\nRoute des Morillons 17\n1218 Grand-Saconnex\nSwitzerland`)).toBeUndefined()
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

  it('read Drupal field markup and definition lists, labels and values on lines of their own', () => {
    const text = parsePage(fixture)!
    const values = Object.values(text.values)
    const fields = text.labels
      .map((label, n) => `<div class="field"><div class="field__label">${label}</div><div class="field__item">${values[n]}</div></div>`)
      .join('')
    const list = `<dl>${text.labels.map((label, n) => `<dt>${label}</dt><dd>${values[n]}</dd>`).join('')}</dl>`
    const body = text.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('')
    for (const block of [fields, list]) {
      const page = parsePage(htmlToPageText(`<html><body><nav><a href="/">Accueil</a></nav><h1>${text.title}</h1>${block}${body}</body></html>`))!
      expect(page.layout).toBe('lines')
      expect(readProject(page)).toEqual(readProject(text))
    }
  })
})
