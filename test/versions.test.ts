import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEFAULT_VERSIONS_PER_DOCUMENT } from '../src/collections/editorial'
import { countAdapterReads } from './helpers/expectations'
import { seedStates, validProject } from './helpers/fixtures'
import { startPayload } from './helpers/payload'

/**
 * Each project and outcome keeps its newest 100 versions, and its newest published version among
 * them however many drafts were saved since: the review dashboard compares a draft with it.
 * Payload's own pruning (versions.maxPerDoc) dropped it after the hundredth draft and read a whole
 * version on every save, creations included.
 */
let payload: Payload
let states: Record<string, number | string>

beforeAll(async () => {
  payload = await startPayload()
  states = await seedStates(payload, ['LS'])
})
afterAll(async () => {
  await payload?.destroy()
})

const versionsOf = async (collection: 'projects' | 'outcomes', id: number | string) =>
  (await payload.findVersions({ collection, where: { parent: { equals: id } }, sort: '-updatedAt', limit: 0, pagination: false, depth: 0, locale: 'en' })).docs as any[]

describe('versions kept', () => {
  it('a project keeps its newest 100 versions, its published version among them, after more drafts', async () => {
    const project = await payload.create({ collection: 'projects', data: validProject(states.LS!, { _status: 'published' }) as any, depth: 0 })
    for (let n = 1; n <= DEFAULT_VERSIONS_PER_DOCUMENT; n++) {
      await payload.update({ collection: 'projects', id: project.id, draft: true, data: { summary: `Draft ${n}.` } as any, depth: 0 })
    }
    const versions = await versionsOf('projects', project.id)
    expect(versions).toHaveLength(DEFAULT_VERSIONS_PER_DOCUMENT)
    // The latest draft is kept, the oldest draft gave way to the published version.
    expect(versions[0].version.summary).toBe(`Draft ${DEFAULT_VERSIONS_PER_DOCUMENT}.`)
    expect(versions.map((version) => version.version.summary)).not.toContain('Draft 1.')
    expect(versions.filter((version) => version.version._status === 'published')).toHaveLength(1)
    expect(versions.at(-1).version._status).toBe('published')

    // Publishing again: the older publication is an ordinary old version now, pruned first.
    await payload.update({ collection: 'projects', id: project.id, data: { summary: 'Published again.', _status: 'published' } as any, depth: 0 })
    const after = await versionsOf('projects', project.id)
    expect(after).toHaveLength(DEFAULT_VERSIONS_PER_DOCUMENT)
    expect(after[0].version).toMatchObject({ summary: 'Published again.', _status: 'published' })
    expect(after.filter((version) => version.version._status === 'published')).toHaveLength(1)
  })

  it('an outcome keeps its newest 100 versions too', async () => {
    const project = await payload.create({ collection: 'projects', data: validProject(states.LS!, { _status: 'published' }) as any, depth: 0 })
    const outcome = await payload.create({ collection: 'outcomes', data: { project: project.id, statement: 'Published statement.', _status: 'published' } as any, depth: 0 })
    for (let n = 1; n <= DEFAULT_VERSIONS_PER_DOCUMENT; n++) {
      await payload.update({ collection: 'outcomes', id: outcome.id, draft: true, data: { statement: `Draft statement ${n}.` } as any, depth: 0 })
    }
    const versions = await versionsOf('outcomes', outcome.id)
    expect(versions).toHaveLength(DEFAULT_VERSIONS_PER_DOCUMENT)
    expect(versions[0].version.statement).toBe(`Draft statement ${DEFAULT_VERSIONS_PER_DOCUMENT}.`)
    expect(versions.filter((version) => version.version._status === 'published').map((version) => version.version.statement)).toEqual(['Published statement.'])
  })

  it('a creation reads no versions (it has one)', async () => {
    const { result: project, reads: onCreate } = await countAdapterReads(payload, 'findVersions', () => true, () =>
      payload.create({ collection: 'projects', draft: true, data: validProject(states.LS!) as any, depth: 0 }),
    )
    expect(onCreate).toBe(0)
    expect(await versionsOf('projects', project.id)).toHaveLength(1)
  })
})
