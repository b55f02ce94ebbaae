import type { Payload } from 'payload'

import { readMemberStates } from '../../src/seed/memberStates'
import { seedMemberStates } from '../../src/seed'

/** Loads only the named Member States (the full list takes seconds) and returns their IDs by ISO code. */
export const seedStates = async (payload: Payload, iso2: string[]): Promise<Record<string, number | string>> => {
  await seedMemberStates(
    payload,
    readMemberStates().filter((state) => iso2.includes(state.iso2)),
  )
  const { docs } = await payload.find({ collection: 'member-states', where: { iso2: { in: iso2 } }, limit: 0, pagination: false })
  return Object.fromEntries(docs.map((doc) => [doc.iso2, doc.id]))
}

let counter = 0

/** A valid national project; every call gets its own IDs so tests do not collide. */
export const validProject = (memberStateId: number | string, overrides: Record<string, unknown> = {}) => {
  counter++
  const n = String(1000 + counter).slice(-4)
  return {
    title: `Strengthening labour migration governance ${n}`,
    status: 'active',
    projectType: 'LM',
    budgetUSD: 150000,
    coverage: 'national',
    idfRegion: 'africa',
    startYear: 2022,
    endYear: 2024,
    fundingYear: 2022,
    primaId: `ZA10P${n}`,
    projectId: `LM.${n}`,
    memberStates: [memberStateId],
    ...overrides,
  }
}
