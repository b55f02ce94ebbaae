import type { Payload } from 'payload'
import { stringify } from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApi, startApp } from './helpers/api'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser } from './helpers/payload'
import { withIndexPlans } from './helpers/postgresPlans'

/**
 * The generic title search (`where[title][like]=…`): what front ends send, and staff looking
 * for drafts by title. On PostgreSQL it reads the titles through a trigram index (migration
 * 20261128_113000_title_search_index) instead of scanning every translation; the same test checks
 * the translations' index by document (20261128_114000_locales_parent_indexes).
 */
let payload: Payload
let api: ReturnType<typeof createApi>
let staff: string
const onPostgres = process.env.TEST_DATABASE === 'postgres'

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  const { LS } = await seedStates(payload, ['LS'])
  const published = { _status: 'published', reviewStatus: 'approved' }
  for (const title of ['Labour migration in Lesotho', 'Border management in the Sahel', 'Data on MIGRATION flows']) {
    await payload.create({ collection: 'projects', data: validProject(LS!, { title, ...published }) as any })
  }
  await payload.create({ collection: 'projects', draft: true, data: validProject(LS!, { title: 'Migration draft not yet public' }) as any })
  staff = await api.login((await createUser(payload, ['editor'])).email)
})
afterAll(async () => {
  await payload?.destroy()
})

const titles = (body: any) => body.docs.map((doc: any) => doc.title).sort()

describe('a title search', () => {
  it('finds the published projects whose title holds the word, in any case, over REST and GraphQL', async () => {
    const { status, body } = await api.rest('GET', `/projects?${stringify({ where: { title: { like: 'migration' } }, locale: 'en' })}`)
    expect(status).toBe(200)
    expect(titles(body)).toEqual(['Data on MIGRATION flows', 'Labour migration in Lesotho'])
    const { body: graphql } = await api.graphql('{ Projects(where: { title: { like: "Sahel border" } }) { docs { title } } }')
    expect(graphql.data.Projects.docs).toEqual([{ title: 'Border management in the Sahel' }])
  })

  it('finds drafts for staff', async () => {
    const { body } = await api.rest('GET', `/projects?${stringify({ where: { title: { like: 'migration' } }, draft: true, locale: 'en' })}`, { token: staff })
    expect(titles(body)).toEqual(['Data on MIGRATION flows', 'Labour migration in Lesotho', 'Migration draft not yet public'])
  })

  it.runIf(onPostgres)('on PostgreSQL, reads titles through trigram indexes, and translations by their document', async () => {
    await withIndexPlans(payload, async (plan) => {
      expect(await plan(`SELECT _parent_id FROM projects_locales WHERE title ILIKE '%migration%'`)).toContain('projects_locales_title_trgm_idx')
      expect(await plan(`SELECT _parent_id FROM _projects_v_locales WHERE version_title ILIKE '%migration%'`)).toContain('_projects_v_locales_version_title_trgm_idx')
      // Every read of a localized document gathers its translations by parent (migration
      // 20261128_114000_locales_parent_indexes): one index probe, not a walk of the (locale, parent) index.
      for (const table of ['projects_locales', '_projects_v_locales', 'outcomes_locales', '_outcomes_v_locales', 'member_states_locales']) {
        expect(await plan(`SELECT * FROM ${table} WHERE _parent_id = 1`), table).toContain(`${table}_parent_id_idx`)
      }
    })
  })
})
