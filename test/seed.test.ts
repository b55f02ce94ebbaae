import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexicalToParagraphs } from '../src/domain/richText'
import { seed } from '../src/seed'
import { startPayload } from './helpers/payload'

const fixture = readFileSync(path.join(import.meta.dirname, 'fixtures/lesotho-labour-migration.fr.txt'), 'utf8')

let payload: Payload

beforeAll(async () => {
  payload = await startPayload()
})
afterAll(async () => {
  await payload?.destroy()
})

describe('loading the reference data and the sample content', () => {
  it('loads 175 Member States and 8 observer States with names in three languages', async () => {
    const report = await seed(payload)
    expect(report).toEqual({ memberStatesCreated: 183, sampleCreated: true })

    const members = await payload.count({ collection: 'member-states', where: { membership: { equals: 'member' } } })
    const observers = await payload.count({ collection: 'member-states', where: { membership: { equals: 'observer' } } })
    expect(members.totalDocs).toBe(175)
    expect(observers.totalDocs).toBe(8)

    const [lesotho] = (
      await payload.find({ collection: 'member-states', where: { iso2: { equals: 'LS' } }, locale: 'all' })
    ).docs
    expect(lesotho).toMatchObject({
      iso3: 'LSO',
      slug: 'lesotho',
      name: { en: 'Lesotho', fr: 'Lesotho', es: 'Lesoto' },
      idfRegion: 'africa',
      idfEligible: true,
    })
    const turkey = await payload.find({ collection: 'member-states', where: { iso2: { equals: 'TR' } }, locale: 'all' })
    expect(turkey.docs[0]!.name).toEqual({ en: 'Türkiye', fr: 'Türkiye', es: 'Türkiye' })
    const bolivia = await payload.find({ collection: 'member-states', where: { iso2: { equals: 'BO' } }, locale: 'fr' })
    expect(bolivia.docs[0]!.name).toBe('Bolivie (État plurinational de)')
  })

  it('holds the Lesotho page exactly as the French site shows it, published with its three outcomes', async () => {
    const { docs } = await payload.find({ collection: 'projects', locale: 'fr', depth: 1, draft: false })
    expect(docs).toHaveLength(1)
    const project = docs[0]!
    // Every value of the fixture's metadata block is held.
    for (const shown of ['2024', 'Achevé', 'Migration de main-d’œuvre', '150000.00', 'National', 'Afrique', 'ZA10P0005', 'LM.0304', 'Lesotho']) {
      expect(fixture).toContain(shown)
    }
    expect(project).toMatchObject({
      title: 'Renforcement de la gestion de la migration de travail au Lesotho',
      slug: 'renforcement-de-la-gestion-de-la-migration-de-travail-au-lesotho',
      endYear: 2024,
      status: 'completed',
      projectType: 'LM',
      budgetUSD: 150000,
      coverage: 'national',
      idfRegion: 'africa',
      primaId: 'ZA10P0005',
      projectId: 'LM.0304',
      translatedLocales: ['fr'],
      _status: 'published',
      labels: { status: 'Achevé', projectType: 'Migration de main-d’œuvre', coverage: 'National', idfRegion: 'Afrique' },
    })
    expect(fixture).toContain(project.title)
    expect(project.memberStates!.map((state: any) => state.iso2)).toEqual(['LS'])
    const paragraphs = lexicalToParagraphs(project.description)
    expect(paragraphs).toHaveLength(2)
    for (const paragraph of paragraphs) expect(fixture).toContain(paragraph)

    const outcomes = project.outcomes!.docs as any[]
    expect(outcomes.map((outcome: any) => [outcome.order, outcome.numeral])).toEqual([
      [1, 'i'],
      [2, 'ii'],
      [3, 'iii'],
    ])
    expect(outcomes[0].statement).toMatch(/^Le Gouvernement du Lesotho démontre/)
  })

  it('is safe to run again: nothing is added twice', async () => {
    expect(await seed(payload)).toEqual({ memberStatesCreated: 0, sampleCreated: false })
    expect((await payload.count({ collection: 'member-states' })).totalDocs).toBe(183)
    expect((await payload.count({ collection: 'outcomes' })).totalDocs).toBe(3)
  })
})
