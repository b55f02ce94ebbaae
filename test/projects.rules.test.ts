import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApi, startApp } from './helpers/api'
import { graphqlErrorPaths, localErrorPaths, restErrorPaths, snapshotCounts } from './helpers/expectations'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser } from './helpers/payload'

/**
 * Every rule of the project model, with a good and a bad case, on every path: the Local API (as
 * an editor, access enforced), REST through the real route handlers, and GraphQL. A bad write is
 * a 400-class error naming the field, and nothing is written.
 */

let payload: Payload
let api: ReturnType<typeof createApi>
let editor: any
let token: string
let states: Record<string, number | string>
let existing: any

const CREATE_MUTATION = `mutation Create($data: mutationProjectInput!) { createProject(data: $data) { id projectId } }`

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  states = await seedStates(payload, ['LS', 'ZA', 'BW', 'NA'])
  editor = await createUser(payload, ['editor'])
  token = await api.login(editor.email)
  existing = await payload.create({ collection: 'projects', data: validProject(states.ZA!) as any })
})
afterAll(async () => {
  await payload?.destroy()
})

type Case = {
  rule: string
  data: () => Record<string, unknown>
  path: string
  /** GraphQL's own input types already refuse values of the wrong type, before our rules run. */
  graphql?: boolean
}

const bad: Case[] = [
  { rule: 'title is required', data: () => validProject(states.LS!, { title: undefined }), path: 'title', graphql: true },
  { rule: 'title has at most 300 characters', data: () => validProject(states.LS!, { title: 'x'.repeat(301) }), path: 'title', graphql: true },
  { rule: 'slug is lowercase kebab-case', data: () => validProject(states.LS!, { slug: 'Not a Slug!' }), path: 'slug', graphql: true },
  { rule: 'slug is unique', data: () => validProject(states.LS!, { slug: existing.slug }), path: 'slug', graphql: true },
  { rule: 'summary has at most 600 characters', data: () => validProject(states.LS!, { summary: 's'.repeat(601) }), path: 'summary', graphql: true },
  { rule: 'status is pipeline, active or completed', data: () => validProject(states.LS!, { status: 'finished' }), path: 'status' },
  { rule: 'project type is a known code', data: () => validProject(states.LS!, { projectType: 'ZZ', projectId: 'V57-805' }), path: 'projectType', graphql: true },
  { rule: 'project type agrees with the project ID', data: () => validProject(states.LS!, { projectType: 'IB' }), path: 'projectType', graphql: true },
  { rule: 'budget is not negative', data: () => validProject(states.LS!, { budgetUSD: -1 }), path: 'budgetUSD', graphql: true },
  { rule: 'budget has at most 2 decimals', data: () => validProject(states.LS!, { budgetUSD: 150000.123 }), path: 'budgetUSD', graphql: true },
  { rule: 'budget is at most 1,000,000,000', data: () => validProject(states.LS!, { budgetUSD: 1_000_000_000.01 }), path: 'budgetUSD', graphql: true },
  { rule: 'coverage is national, regional or global', data: () => validProject(states.LS!, { coverage: 'continental' }), path: 'coverage' },
  { rule: 'IDF region is one of the six', data: () => validProject(states.LS!, { idfRegion: 'antarctica' }), path: 'idfRegion' },
  { rule: 'start year is from 1951', data: () => validProject(states.LS!, { startYear: 1950 }), path: 'startYear', graphql: true },
  { rule: 'end year is at most 2100', data: () => validProject(states.LS!, { endYear: 2101 }), path: 'endYear', graphql: true },
  { rule: 'funding year is a whole year', data: () => validProject(states.LS!, { fundingYear: 2022.5 }), path: 'fundingYear', graphql: true },
  { rule: 'end year is not before the start year', data: () => validProject(states.LS!, { startYear: 2024, endYear: 2022 }), path: 'endYear', graphql: true },
  { rule: 'Prima ID looks like ZA10P0005', data: () => validProject(states.LS!, { primaId: 'ZA10X0005' }), path: 'primaId', graphql: true },
  { rule: 'Prima ID is unique', data: () => validProject(states.LS!, { primaId: existing.primaId.toLowerCase() }), path: 'primaId', graphql: true },
  { rule: 'project ID looks like LM.0304 or V57-805', data: () => validProject(states.LS!, { projectId: 'LM-0304' }), path: 'projectId', graphql: true },
  { rule: 'project ID is required unless pipeline', data: () => validProject(states.LS!, { projectId: undefined }), path: 'projectId', graphql: true },
  { rule: 'project ID is unique', data: () => validProject(states.LS!, { projectId: ` ${existing.projectId} ` }), path: 'projectId', graphql: true },
  { rule: 'national coverage names exactly one Member State', data: () => validProject(states.LS!, { memberStates: [states.LS, states.ZA] }), path: 'memberStates', graphql: true },
  { rule: 'national coverage names at least one Member State', data: () => validProject(states.LS!, { memberStates: [] }), path: 'memberStates', graphql: true },
  { rule: 'regional coverage names at least two Member States', data: () => validProject(states.LS!, { coverage: 'regional', memberStates: [states.LS, states.LS] }), path: 'memberStates', graphql: true },
  { rule: 'Member States exist', data: () => validProject(states.LS!, { memberStates: [987654] }), path: 'memberStates', graphql: true },
  { rule: 'Member States exist, each of them', data: () => validProject(states.LS!, { coverage: 'regional', memberStates: [states.LS, 987654] }), path: 'memberStates', graphql: true },
  { rule: 'related projects exist', data: () => validProject(states.LS!, { relatedProjects: [987654] }), path: 'relatedProjects', graphql: true },
]

describe('a bad project is refused, naming the field, and nothing is written', () => {
  for (const testCase of bad) {
    it(`${testCase.rule}: Local API, REST${testCase.graphql ? ' and GraphQL' : ''}`, async () => {
      const before = await snapshotCounts(payload)

      const local = await localErrorPaths(() =>
        payload.create({ collection: 'projects', data: testCase.data() as any, overrideAccess: false, user: editor }),
      )
      expect(local).toContain(testCase.path)

      const rest = await api.rest('POST', '/projects', { body: testCase.data(), token })
      expect(rest.status).toBe(400)
      expect(restErrorPaths(rest)).toContain(testCase.path)
      expect(rest.body.errors[0].message).toMatch(/invalid/)

      if (testCase.graphql) {
        const graphql = await api.graphql(CREATE_MUTATION, { data: testCase.data() }, { token })
        expect(graphql.body.data?.createProject ?? null).toBeNull()
        expect(graphqlErrorPaths(graphql)).toContain(testCase.path)
        expect(graphql.body.errors[0].extensions.statusCode).toBe(400)
      }

      expect(await snapshotCounts(payload)).toEqual(before)
    })
  }

  it('says what is wrong in the admin’s language', async () => {
    const french = await api.rest('POST', '/projects', {
      body: validProject(states.LS!, { primaId: 'nope', memberStates: [] }),
      token,
      language: 'fr',
    })
    expect(french.status).toBe(400)
    const messages = french.body.errors[0].data.errors.map((error: any) => error.message)
    expect(messages).toContain('Le Prima ID doit avoir la forme ZA10P0005 : deux lettres majuscules, deux chiffres, P, quatre chiffres.')
    expect(messages).toContain('Une couverture nationale exige exactement un État membre bénéficiaire (il y en a 0).')
    expect(french.body.errors[0].message).toMatch(/^Les champs suivants ne sont pas valides/)

    const spanish = await api.rest('POST', '/projects', { body: validProject(states.LS!, { endYear: 2000 }), token, language: 'es' })
    expect(spanish.body.errors[0].data.errors[0].message).toBe(
      'El año de finalización (2000) no puede ser anterior al año de inicio (2022).',
    )
  })

  it('refuses a bad update the same way and keeps the stored values', async () => {
    const project = await payload.create({ collection: 'projects', data: validProject(states.LS!) as any })
    const rest = await api.rest('PATCH', `/projects/${project.id}`, { body: { coverage: 'regional' }, token })
    expect(rest.status).toBe(400)
    expect(restErrorPaths(rest)).toEqual(['memberStates'])
    const graphql = await api.graphql(
      `mutation { updateProject(id: ${JSON.stringify(project.id)}, data: { budgetUSD: -5 }) { id } }`,
      {},
      { token },
    )
    expect(graphqlErrorPaths(graphql)).toEqual(['budgetUSD'])
    const self = await localErrorPaths(() =>
      payload.update({ collection: 'projects', id: project.id, data: { relatedProjects: [project.id] }, overrideAccess: false, user: editor }),
    )
    expect(self).toEqual(['relatedProjects'])
    const stored = await payload.findByID({ collection: 'projects', id: project.id, depth: 0 })
    expect(stored).toMatchObject({ coverage: 'national', budgetUSD: 150000, relatedProjects: [] })
  })

  it('refuses a review state the workflow does not have, naming it (the field is hidden from Payload’s own checks)', async () => {
    const project = await payload.create({ collection: 'projects', draft: true, data: validProject(states.LS!) as any })
    const rest = await api.rest('PATCH', `/projects/${project.id}?draft=true`, { body: { reviewStatus: 'in_review' }, token })
    expect(rest.status).toBe(400)
    expect(rest.body.errors[0].data.errors).toEqual([{ path: 'reviewStatus', message: 'reviewStatus: “in_review” is not one of draft, in-review, approved, changes-requested.' }])
    // A local call (server code with a user) is refused the same way.
    const local = await localErrorPaths(() => payload.update({ collection: 'projects', id: project.id, draft: true, data: { title: 'Renamed', reviewStatus: 'approved-now' } as any, overrideAccess: false, user: editor }))
    expect(local).toEqual(['reviewStatus'])
    const stored = await payload.findByID({ collection: 'projects', id: project.id, draft: true, depth: 0 })
    expect(stored).toMatchObject({ reviewStatus: 'draft', title: project.title })
    // The workflow's own states still pass.
    expect((await api.rest('PATCH', `/projects/${project.id}?draft=true`, { body: { reviewStatus: 'in-review' }, token })).status).toBe(200)
  })

  it('names every identifier another project holds, published or as a draft, in one refusal', async () => {
    const draft = await payload.create({ collection: 'projects', draft: true, data: validProject(states.NA!) as any })
    const before = await snapshotCounts(payload)
    const clash = validProject(states.LS!, { slug: existing.slug, primaId: existing.primaId, projectId: draft.projectId })
    const rest = await api.rest('POST', '/projects', { body: clash, token })
    expect(rest.status).toBe(400)
    expect(restErrorPaths(rest).sort()).toEqual(['primaId', 'projectId', 'slug'])
    expect(rest.body.errors[0].data.errors.find((error: any) => error.path === 'projectId').message).toBe(`Projects ID “${draft.projectId}” is already used by another document.`)
    expect(await snapshotCounts(payload)).toEqual(before)
    // Its own values are not a clash: saving the draft again is fine.
    await payload.update({ collection: 'projects', id: draft.id, draft: true, data: { summary: 'Saved again.' } as any })
    await payload.delete({ collection: 'projects', id: draft.id })
  })

  it('counts an identifier held only by a draft saved over a published page', async () => {
    const published = await payload.create({ collection: 'projects', data: validProject(states.NA!, { _status: 'published', reviewStatus: 'approved' }) as any })
    // The published row keeps its own IDs and slug; the new ones live in the draft version only.
    await payload.update({ collection: 'projects', id: published.id, draft: true, data: { projectId: 'LM.6543', primaId: 'NA10P6543', slug: 'renamed-in-a-draft' } as any })
    const before = await snapshotCounts(payload)
    const rest = await api.rest('POST', '/projects', { body: validProject(states.LS!, { projectId: 'LM.6543', primaId: 'NA10P6543', slug: 'renamed-in-a-draft' }), token })
    expect(rest.status).toBe(400)
    expect(restErrorPaths(rest).sort()).toEqual(['primaId', 'projectId', 'slug'])
    expect(await snapshotCounts(payload)).toEqual(before)
    // A slug made from a title skips it too.
    const titled = await payload.create({ collection: 'projects', draft: true, data: validProject(states.LS!, { title: 'Renamed in a draft' }) as any })
    expect(titled.slug).toBe('renamed-in-a-draft-2')
    for (const id of [titled.id, published.id]) {
      await payload.update({ collection: 'projects', id, data: { _status: 'draft' } as any })
      await payload.delete({ collection: 'projects', id })
    }
  })

  it('applies the rules to drafts too', async () => {
    const rest = await api.rest('POST', '/projects?draft=true', { body: validProject(states.LS!, { primaId: 'draft' }), token })
    expect(rest.status).toBe(400)
    expect(restErrorPaths(rest)).toEqual(['primaId'])
  })
})

describe('a good project is stored in its normal form', () => {
  it('trims and upper-cases the identifiers', async () => {
    const data = validProject(states.LS!)
    const rest = await api.rest('POST', '/projects', {
      body: { ...data, primaId: ` ${String(data.primaId).toLowerCase()} `, projectId: String(data.projectId).toLowerCase() },
      token,
    })
    expect(rest.status).toBe(201)
    expect(rest.body.doc).toMatchObject({ primaId: data.primaId, projectId: data.projectId })
  })

  it('accepts a pipeline project without a project ID, and a legacy project ID', async () => {
    const pipeline = await payload.create({
      collection: 'projects',
      data: validProject(states.LS!, { status: 'pipeline', projectId: undefined, primaId: undefined, projectType: 'IB' }) as any,
      overrideAccess: false,
      user: editor,
    })
    expect(pipeline).toMatchObject({ status: 'pipeline', projectType: 'IB' })
    expect(pipeline.projectId ?? null).toBeNull()
    expect(pipeline.primaId ?? null).toBeNull()

    const legacy = await api.graphql(CREATE_MUTATION, { data: validProject(states.LS!, { projectId: 'v57-805', primaId: undefined }) }, { token })
    expect(legacy.body.errors).toBeUndefined()
    expect(legacy.body.data.createProject.projectId).toBe('V57-805')
  })

  it('reads the project type off the project ID when it is left empty', async () => {
    const data = validProject(states.LS!, { projectType: undefined, projectId: 'CT.0042' })
    const project = await payload.create({ collection: 'projects', data: data as any, overrideAccess: false, user: editor })
    expect(project.projectType).toBe('CT')
  })

  it('takes budgets with cents, zero and the ceiling; a project that starts and ends the same year', async () => {
    for (const budgetUSD of [0, 150000.5, 99.99, 1_000_000_000]) {
      const project = await payload.create({ collection: 'projects', data: validProject(states.LS!, { budgetUSD, startYear: 2023, endYear: 2023 }) as any })
      expect(project.budgetUSD).toBe(budgetUSD)
    }
  })

  it('counts a Member State named twice once, and lets regional and global coverage name several', async () => {
    const national = await payload.create({ collection: 'projects', data: validProject(states.LS!, { memberStates: [states.LS, states.LS] }) as any, depth: 0 })
    expect(national.memberStates).toEqual([states.LS])
    const regional = await payload.create({
      collection: 'projects',
      data: validProject(states.LS!, { coverage: 'regional', memberStates: [states.LS, states.ZA, states.BW] }) as any,
      depth: 0,
    })
    expect(regional.memberStates).toEqual([states.LS, states.ZA, states.BW])
    const global = await payload.create({ collection: 'projects', data: validProject(states.LS!, { coverage: 'global', idfRegion: 'global', memberStates: [] }) as any, depth: 0 })
    expect(global.memberStates).toEqual([])
  })

  it('relates projects to each other', async () => {
    const regional = await payload.create({
      collection: 'projects',
      data: validProject(states.LS!, { coverage: 'regional', memberStates: [states.LS, states.ZA, states.NA] }) as any,
    })
    const national = await payload.create({ collection: 'projects', data: validProject(states.LS!, { relatedProjects: [regional.id] }) as any, depth: 1 })
    expect((national.relatedProjects as any[]).map((project) => project.id)).toEqual([regional.id])
  })
})
