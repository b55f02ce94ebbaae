import type { Payload, PayloadRequest } from 'payload'
import { commitTransaction, createLocalReq, killTransaction } from 'payload'

import { startTransaction } from '../database'
import { LOCALES } from '../domain/locales'
import { readMemberStates, type MemberStateSeed } from './memberStates'
import { LESOTHO_PROJECT } from './sampleProject'

export type SeedReport = { memberStatesCreated: number; sampleCreated: boolean }

/** Runs `work` in one transaction where the adapter has them: a failed seed leaves nothing. */
const inTransaction = async <T>(payload: Payload, work: (req: PayloadRequest) => Promise<T>): Promise<T> => {
  const req = await createLocalReq({}, payload)
  const began = await startTransaction(req)
  try {
    const result = await work(req)
    if (began) await commitTransaction(req)
    return result
  } catch (error) {
    if (began) await killTransaction(req)
    throw error
  }
}

/**
 * Adds the Member States and observer States that are missing (matched by ISO code), with their
 * names in English, French and Spanish. States already there are left as the admins edited them.
 */
export const seedMemberStates = async (
  payload: Payload,
  states: MemberStateSeed[] = readMemberStates(),
): Promise<number> =>
  inTransaction(payload, async (req) => {
    const { docs } = await payload.find({
      collection: 'member-states',
      depth: 0,
      limit: 0,
      pagination: false,
      select: { iso2: true },
      req,
    })
    const present = new Set(docs.map((doc) => doc.iso2))
    let created = 0
    for (const state of states) {
      if (present.has(state.iso2)) continue
      const { id } = await payload.create({
        collection: 'member-states',
        locale: 'en',
        data: {
          iso2: state.iso2,
          iso3: state.iso3,
          name: state.name.en,
          membership: state.membership,
          idfRegion: state.idfRegion,
          idfEligible: state.idfEligible,
        },
        depth: 0,
        req,
      })
      for (const locale of LOCALES.filter((code) => code !== 'en')) {
        await payload.update({ collection: 'member-states', id, locale, data: { name: state.name[locale] }, depth: 0, req })
      }
      created++
    }
    return created
  })

/** The Lesotho project with its three outcomes, published, in French only, as on the site today. */
export const seedSampleProject = async (payload: Payload): Promise<number | string> =>
  inTransaction(payload, async (req) => {
    const { locale, memberStates, project, outcomes } = LESOTHO_PROJECT
    const states = await payload.find({
      collection: 'member-states',
      where: { iso2: { in: [...memberStates] } },
      depth: 0,
      pagination: false,
      req,
    })
    const created = await payload.create({
      collection: 'projects',
      locale,
      data: { ...project, partners: [...project.partners], memberStates: states.docs.map((doc) => doc.id), _status: 'published', reviewStatus: 'approved' },
      depth: 0,
      req,
    })
    for (const statement of outcomes) {
      await payload.create({
        collection: 'outcomes',
        locale,
        data: { project: created.id, statement, _status: 'published' },
        depth: 0,
        req,
      })
    }
    return created.id
  })

/**
 * Loads the reference data, then the sample content into an empty database (one that has no
 * project yet). Safe to run on every start.
 */
export const seed = async (payload: Payload): Promise<SeedReport> => {
  const memberStatesCreated = await seedMemberStates(payload)
  const { totalDocs } = await payload.count({ collection: 'projects' })
  if (totalDocs > 0) return { memberStatesCreated, sampleCreated: false }
  await seedSampleProject(payload)
  return { memberStatesCreated, sampleCreated: true }
}
