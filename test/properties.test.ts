import fc from 'fast-check'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApi, startApp } from './helpers/api'
import { graphqlErrorPaths, restErrorPaths, snapshotCounts } from './helpers/expectations'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser, TEST_PASSWORD } from './helpers/payload'

/**
 * Property-based tests (fast-check) over the write API: thousands of generated create and update
 * payloads, valid and hostile, through REST and GraphQL. Whatever arrives: never a 500; a refusal
 * is a 4xx that names a field that was sent (or a required one), and leaves the database as it
 * was; an acceptance is a document that reads back.
 */
// A fixed seed keeps CI repeatable; FC_SEED=random (or a number) explores new cases locally.
// PostgreSQL runs half as many cases from another seed: validation is the same code on both, so
// cases the SQLite run already tried add little there, and different ones widen what CI tries.
const onPostgres = process.env.TEST_DATABASE === 'postgres'
const seed = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261128) + (onPostgres ? 1 : 0)
fc.configureGlobal({ seed })
const runs = (count: number) => (onPostgres ? count / 2 : count)

let payload: Payload
let api: ReturnType<typeof createApi>
let token: string
let states: Record<string, number | string>
let projectId: number | string

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  states = await seedStates(payload, ['LS', 'ZA', 'MX'])
  const admin = await createUser(payload, ['admin'])
  token = (await api.rest('POST', '/users/login', { body: { email: admin.email, password: TEST_PASSWORD } })).body.token
  projectId = (await payload.create({ collection: 'projects', data: validProject(states.LS!) as any })).id
})
afterAll(async () => {
  await payload?.destroy()
})

// Values of every kind a client might send in place of a field's value.
const hostile = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '<script>alert(1)</script>', "'; DROP TABLE projects; --", '../../etc/passwd', '\u0000', 'NaN', '1e400', '{}'),
  fc.string({ minLength: 5000, maxLength: 20000 }),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 6 })), { maxKeys: 3 }),
)

const year = fc.oneof(fc.integer({ min: 1990, max: 2030 }), hostile)
const projectFields = {
  title: fc.oneof(fc.string({ minLength: 1, maxLength: 80 }), hostile),
  summary: fc.oneof(fc.string({ maxLength: 200 }), hostile),
  status: fc.oneof(fc.constantFrom('pipeline', 'active', 'completed'), hostile),
  projectType: fc.oneof(fc.constantFrom('LM', 'IB', 'TC', 'XX'), hostile),
  budgetUSD: fc.oneof(fc.integer({ min: 0, max: 2_000_000_000 }), fc.double({ min: -1, max: 1e6, noNaN: true }), hostile),
  coverage: fc.oneof(fc.constantFrom('national', 'regional', 'global'), hostile),
  idfRegion: fc.oneof(fc.constantFrom('africa', 'europe', 'middle-east', 'mars'), hostile),
  startYear: year,
  endYear: year,
  fundingYear: year,
  primaId: fc.oneof(fc.stringMatching(/^[A-Z]{2}\d{2}P\d{4}$/), hostile),
  projectId: fc.oneof(fc.stringMatching(/^[A-Z]{2}\.\d{4}$/), hostile),
  memberStates: fc.oneof(
    fc.subarray(['LS', 'ZA', 'MX']).map((codes) => codes.map((code) => states[code])),
    fc.array(fc.integer({ min: -5, max: 100000 }), { maxLength: 3 }),
    hostile,
  ),
  partners: fc.oneof(fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }), hostile),
  slug: fc.oneof(fc.string({ maxLength: 30 }), hostile),
}

const outcomeFields = {
  project: fc.oneof(fc.constant(undefined).map(() => projectId), fc.integer({ min: -5, max: 100000 }), hostile),
  order: fc.oneof(fc.integer({ min: 1, max: 20 }), hostile),
  statement: fc.oneof(fc.string({ minLength: 1, maxLength: 200 }), hostile),
  indicators: fc.oneof(fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), hostile),
}

const memberStateFields = {
  name: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), hostile),
  iso2: fc.oneof(fc.constantFrom('FR', 'DE', 'ZZ', 'fr'), hostile),
  iso3: fc.oneof(fc.constantFrom('FRA', 'DEU', 'ZZZ'), hostile),
  membership: fc.oneof(fc.constantFrom('member', 'observer'), hostile),
  memberSince: fc.oneof(fc.integer({ min: 1940, max: 2030 }), hostile),
  idfRegion: fc.oneof(fc.constantFrom('africa', 'europe'), hostile),
}

/** Some of the fields, each valid or hostile. */
const payloadOf = (fields: Record<string, fc.Arbitrary<unknown>>) => fc.record(fields, { requiredKeys: [] })

/** What every answer must be, whatever was sent. */
const judge = async (
  label: string,
  collection: 'projects' | 'outcomes' | 'member-states',
  sent: Record<string, unknown>,
  status: number,
  paths: string[],
  body: unknown,
  before: Record<string, number>,
) => {
  expect(status, `${label} ${JSON.stringify(sent).slice(0, 300)} → ${JSON.stringify(body).slice(0, 300)}`).toBeLessThan(500)
  if (status >= 400) {
    expect(await snapshotCounts(payload), label).toEqual(before)
    const message = JSON.stringify(body)
    // A refusal says why: a field path it names, or at least a message.
    if (paths.length > 0) {
      const fields = payload.collections[collection].config.flattenedFields.map((field) => field.name)
      for (const path of paths) expect(fields, `${label}: ${path}`).toContain(path.split('.')[0]!)
    } else expect(message, label).toMatch(/"message":"[^"]+"/)
  }
}

const cleanUp = async (collection: 'projects' | 'outcomes' | 'member-states', id: unknown) => {
  if (id !== undefined && id !== null) await payload.delete({ collection, id: id as number, overrideAccess: true, context: { allowDeletePublished: true } }).catch(() => {})
}

describe('generated writes through REST', () => {
  it('creating projects: never a 500; refusals name a field and write nothing', async () => {
    await fc.assert(
      fc.asyncProperty(payloadOf(projectFields), async (sent) => {
        const before = await snapshotCounts(payload)
        const response = await api.rest('POST', '/projects', { body: sent, token })
        await judge('POST /projects', 'projects', sent, response.status, restErrorPaths(response), response.body, before)
        if (response.status < 300) await cleanUp('projects', response.body.doc?.id)
      }),
      { numRuns: runs(500) },
    )
  }, 600_000)

  it('updating a project: never a 500; refusals name a field and change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(payloadOf(projectFields), async (sent) => {
        const before = await snapshotCounts(payload)
        const stored = await payload.findByID({ collection: 'projects', id: projectId, depth: 0, draft: true })
        const response = await api.rest('PATCH', `/projects/${projectId}`, { body: sent, token })
        await judge('PATCH /projects/:id', 'projects', sent, response.status, restErrorPaths(response), response.body, before)
        if (response.status >= 400) {
          expect(await payload.findByID({ collection: 'projects', id: projectId, depth: 0, draft: true })).toEqual(stored)
        }
      }),
      { numRuns: runs(400) },
    )
  }, 600_000)

  it('creating outcomes and Member States: never a 500; refusals name a field and write nothing', async () => {
    await fc.assert(
      fc.asyncProperty(payloadOf(outcomeFields), async (sent) => {
        const before = await snapshotCounts(payload)
        const response = await api.rest('POST', '/outcomes', { body: sent, token })
        await judge('POST /outcomes', 'outcomes', sent, response.status, restErrorPaths(response), response.body, before)
        if (response.status < 300) await cleanUp('outcomes', response.body.doc?.id)
      }),
      { numRuns: runs(300) },
    )
    await fc.assert(
      fc.asyncProperty(payloadOf(memberStateFields), async (sent) => {
        const before = await snapshotCounts(payload)
        const response = await api.rest('POST', '/member-states', { body: sent, token })
        await judge('POST /member-states', 'member-states', sent, response.status, restErrorPaths(response), response.body, before)
        if (response.status < 300) await cleanUp('member-states', response.body.doc?.id)
      }),
      { numRuns: runs(300) },
    )
  }, 600_000)
})

describe('generated writes through GraphQL', () => {
  const literal = (value: unknown): string =>
    Array.isArray(value)
      ? `[${value.map(literal).join(', ')}]`
      : value && typeof value === 'object'
        ? `{ ${Object.entries(value).map(([key, item]) => `${/^[A-Za-z_]\w*$/.test(key) ? key : 'bad_key'}: ${literal(item)}`).join(', ')} }`
        : typeof value === 'number' && !Number.isFinite(value)
          ? 'null'
          : JSON.stringify(value ?? null)

  it('createProject with variables or literals: never a 500; refusals name a field and write nothing', async () => {
    await fc.assert(
      fc.asyncProperty(payloadOf(projectFields), fc.boolean(), async (sent, asVariables) => {
        const before = await snapshotCounts(payload)
        const response = asVariables
          ? await api.graphql(`mutation ($data: mutationProjectInput!) { createProject(data: $data) { id } }`, { data: sent }, { token })
          : await api.graphql(`mutation { createProject(data: ${literal(sent)}) { id } }`, {}, { token })
        const refused = Boolean(response.body?.errors?.length) || response.status >= 400
        await judge('createProject', 'projects', sent, refused ? Math.max(response.status, 400) : response.status, graphqlErrorPaths(response), response.body, before)
        expect(response.status).toBeLessThan(500)
        if (!refused) await cleanUp('projects', response.body.data?.createProject?.id)
      }),
      { numRuns: runs(400) },
    )
  }, 600_000)
})
