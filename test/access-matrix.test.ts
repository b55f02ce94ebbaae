import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApi, startApp } from './helpers/api'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser } from './helpers/payload'

/**
 * The access matrix of the editorial workflow: every role × every action × every API (Local API
 * with access enforced, REST, GraphQL), on projects and outcomes. Each cell asserts both the answer
 * and the state afterwards: what is live, what the latest draft holds, how many versions there
 * are, and that a refused action changed nothing. A cell that changes something starts from a
 * fixture of its own; those that must change nothing share one per action.
 */
type Role = 'anonymous' | 'editor' | 'reviewer' | 'admin'
type Api = 'local' | 'rest' | 'graphql'
const ROLES: Role[] = ['anonymous', 'editor', 'reviewer', 'admin']
// Access rules are the same code on every database: on PostgreSQL (the second CI run) the matrix
// goes through the two APIs front ends and staff use, REST and GraphQL; the Local API's cells run
// on SQLite (and the Local API with access enforced runs on PostgreSQL throughout the other tests).
const APIS: Api[] = process.env.TEST_DATABASE === 'postgres' ? ['rest', 'graphql'] : ['local', 'rest', 'graphql']

let payload: Payload
let api: ReturnType<typeof createApi>
let memberState: number | string
const users: Partial<Record<Role, { user: any; token: string }>> = {}

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  memberState = (await seedStates(payload, ['LS'])).LS!
  for (const role of ['editor', 'reviewer', 'admin'] as const) {
    const user = await createUser(payload, [role], `matrix-${role}`)
    users[role] = { user: { ...user, collection: 'users' }, token: await api.login(user.email) }
  }
})
afterAll(async () => {
  await payload?.destroy()
})

/** A result every API can report: did it succeed, and with which status when it did not. */
type Outcome = { ok: boolean; status: number }

const call = async (role: Role, via: Api, collection: 'projects' | 'outcomes', action: Action, id?: number | string, data?: Record<string, unknown>, versionId?: number | string): Promise<Outcome> => {
  const who = users[role as Exclude<Role, 'anonymous'>]
  const token = who?.token
  const draftQuery = ['update', 'submit', 'withdraw', 'requestChanges'].includes(action) ? '?draft=true' : ''
  if (via === 'local') {
    const base = { collection, overrideAccess: false, user: who?.user ?? null } as const
    try {
      if (action === 'create') await payload.create({ ...base, data: data as any, draft: true })
      else if (action === 'readPublished') {
        const doc = await payload.findByID({ ...base, id: id!, disableErrors: true })
        if (!doc) return { ok: false, status: 404 }
      } else if (action === 'readDraft') {
        const doc = await payload.findByID({ ...base, id: id!, draft: true, disableErrors: true })
        if (!doc) return { ok: false, status: 404 }
      } else if (action === 'delete') await payload.delete({ ...base, id: id! })
      else if (action === 'restore') await payload.restoreVersion({ ...base, id: versionId as any })
      else await payload.update({ ...base, id: id!, data: data as any, draft: Boolean(draftQuery) })
      return { ok: true, status: 200 }
    } catch (error: any) {
      return { ok: false, status: error.status ?? 500 }
    }
  }
  if (via === 'rest') {
    const path = `/${collection}`
    const response =
      action === 'create'
        ? await api.rest('POST', path, { body: data, token })
        : action === 'readPublished'
          ? await api.rest('GET', `${path}/${id}`, { token })
          : action === 'readDraft'
            ? await api.rest('GET', `${path}/${id}?draft=true`, { token })
            : action === 'delete'
              ? await api.rest('DELETE', `${path}/${id}`, { token })
              : action === 'restore'
                ? await api.rest('POST', `${path}/versions/${versionId}`, { token })
                : await api.rest('PATCH', `${path}/${id}${draftQuery}`, { body: data, token })
    return { ok: response.status < 300, status: response.status }
  }
  const type = collection === 'projects' ? 'Project' : 'Outcome'
  const literal = (value: unknown) => JSON.stringify(value)
  const query =
    action === 'create'
      ? `mutation($data: mutation${type}Input!) { create${type}(data: $data) { id } }`
      : action === 'readPublished'
        ? `{ ${type}(id: ${literal(id)}) { id } }`
        : action === 'readDraft'
          ? `{ ${type}(id: ${literal(id)}, draft: true) { id } }`
          : action === 'delete'
            ? `mutation { delete${type}(id: ${literal(id)}) { id } }`
            : action === 'restore'
              ? `mutation { restoreVersion${type}(id: ${literal(versionId)}) { id } }`
              : `mutation($data: mutation${type}UpdateInput!) { update${type}(id: ${literal(id)}, data: $data, draft: ${Boolean(draftQuery)}) { id } }`
  // GraphQL spells enum values with underscores (in_review, changes_requested).
  const graphqlData = data && Object.fromEntries(Object.entries(data).map(([key, value]) => [key, key === 'reviewStatus' ? String(value).replace(/-/g, '_') : value]))
  const response = await api.graphql(query, graphqlData ? { data: graphqlData } : {}, { token })
  const error = response.body.errors?.[0]
  const result = response.body.data && Object.values(response.body.data)[0]
  if (error || !result) return { ok: false, status: error?.extensions?.statusCode ?? 404 }
  return { ok: true, status: 200 }
}

type Action =
  | 'create'
  | 'readPublished'
  | 'readDraft'
  | 'update'
  | 'submit'
  | 'withdraw'
  | 'approve'
  | 'requestChanges'
  | 'publish'
  | 'unpublish'
  | 'delete'
  | 'restore'

/**
 * A live project ("Live") with an older published version ("Original") and a pending draft
 * ("Pending") submitted for review by someone other than the reviewers under test.
 */
const projectFixture = async (pending: 'draft' | 'in-review' = 'in-review') => {
  const created = await payload.create({
    collection: 'projects',
    data: validProject(memberState, { title: 'Original', _status: 'published', reviewStatus: 'approved' }) as any,
  })
  await payload.update({ collection: 'projects', id: created.id, data: { title: 'Live', _status: 'published', reviewStatus: 'approved' } as any })
  await payload.update({
    collection: 'projects',
    id: created.id,
    draft: true,
    data: { title: 'Pending', reviewStatus: pending, reviewEditors: [users.editor!.user.id] } as any,
  })
  const { docs } = await payload.findVersions({
    collection: 'projects',
    where: { and: [{ parent: { equals: created.id } }, { 'version.title': { equals: 'Original' } }] },
  })
  return { id: created.id, versionId: docs[0]!.id }
}

const projectState = async (id: number | string) => {
  const live = await payload.findByID({ collection: 'projects', id, depth: 0, disableErrors: true })
  const latest = await payload.findByID({ collection: 'projects', id, depth: 0, draft: true, disableErrors: true })
  return {
    live: live?._status === 'published' ? live.title : null,
    latest: latest ? `${latest.title}/${latest.reviewStatus}` : null,
    count: (await payload.count({ collection: 'projects' })).totalDocs,
    // A refused call that still saved a version (the same content again) shows here.
    versions: (await payload.countVersions({ collection: 'projects', where: { parent: { equals: id } } })).totalDocs,
  }
}

type State = Record<string, unknown>
type Expectation = { allowed: boolean; after?: (before: any) => State }
type Expectations = Record<Role, Expectation>

const denied: Expectation = { allowed: false }
const allowed = (after?: Expectation['after']): Expectation => ({ allowed: true, after })
/** Every signed-in role may; anonymous may not. */
const staff = (after?: Expectation['after']): Expectations => ({ anonymous: denied, editor: allowed(after), reviewer: allowed(after), admin: allowed(after) })
/** Reviewers and admins may. */
const reviewers = (after?: Expectation['after']): Expectations => ({ anonymous: denied, editor: denied, reviewer: allowed(after), admin: allowed(after) })
const adminsOnly = (after?: Expectation['after']): Expectations => ({ anonymous: denied, editor: denied, reviewer: denied, admin: allowed(after) })
const everyone: Expectations = { anonymous: allowed(), editor: allowed(), reviewer: allowed(), admin: allowed() }

const projectActions: Record<Action, { data?: () => Record<string, unknown>; expect: Expectations }> = {
  create: {
    data: () => validProject(memberState, { title: 'Created' }),
    expect: staff((before) => ({ count: before.count + 1, live: 'Live' })),
  },
  readPublished: { expect: everyone },
  readDraft: {
    // Anonymous readers asking for the draft get the published page (checked separately), never the draft.
    expect: everyone,
  },
  update: {
    data: () => ({ title: 'Edited' }),
    expect: staff(() => ({ live: 'Live', latest: 'Edited/in-review' })),
  },
  submit: {
    data: () => ({ reviewStatus: 'in-review' }),
    expect: staff(() => ({ live: 'Live', latest: 'Pending/in-review' })),
  },
  withdraw: {
    data: () => ({ reviewStatus: 'draft' }),
    // Withdrawing a submission: the submitter (none here), reviewers and admins.
    expect: reviewers(() => ({ live: 'Live', latest: 'Pending/draft' })),
  },
  approve: {
    data: () => ({ reviewStatus: 'approved' }),
    expect: reviewers(() => ({ live: 'Pending', latest: 'Pending/approved' })),
  },
  requestChanges: {
    data: () => ({ reviewStatus: 'changes-requested', reviewNote: 'Please check the dates' }),
    expect: reviewers(() => ({ live: 'Live', latest: 'Pending/changes-requested' })),
  },
  publish: {
    data: () => ({ _status: 'published' }),
    expect: reviewers(() => ({ live: 'Pending', latest: 'Pending/approved' })),
  },
  unpublish: {
    data: () => ({ _status: 'draft' }),
    expect: reviewers(() => ({ live: null })),
  },
  delete: { expect: adminsOnly((before) => ({ live: null, latest: null, count: before.count - 1 })) },
  restore: { expect: adminsOnly(() => ({ live: 'Original' })) },
}

/**
 * One test per role × action × API: a fixture, the call, then the answer and the state
 * afterwards (a refused call changes nothing; an allowed one has exactly its effect).
 */
const matrix = <F extends { id: number | string }>(
  collection: 'projects' | 'outcomes',
  actions: Partial<Record<Action, { data?: (fixture: F) => Record<string, unknown>; expect: Expectations }>>,
  setUp: (action: Action) => Promise<F & { versionId?: number | string }>,
  state: (id: number | string) => Promise<State>,
) => {
  for (const [action, spec] of Object.entries(actions) as [Action, NonNullable<(typeof actions)[Action]>][]) {
    // The cells that must change nothing (refusals and reads) share one fixture per action: each
    // still reads the state before and after its own call, so a call that changed anything fails
    // its own cell. Only the cells that change something need a fixture of their own.
    let unchanged: Promise<F & { versionId?: number | string }> | undefined
    for (const role of ROLES) {
      for (const via of APIS) {
        const expected = spec.expect[role]
        const changesNothing = !expected.allowed || !expected.after
        it(`${role} ${expected.allowed ? 'can' : 'cannot'} ${action} through ${via}`, async () => {
          const fixture = await (changesNothing ? (unchanged ??= setUp(action)) : setUp(action))
          const before = await state(fixture.id)
          const result = await call(role, via, collection, action, fixture.id, spec.data?.(fixture), fixture.versionId)
          expect(result.ok, `status ${result.status}`).toBe(expected.allowed)
          const after = await state(fixture.id)
          if (!expected.allowed) {
            expect([400, 401, 403, 404]).toContain(result.status)
            expect(after).toEqual(before)
          } else {
            expect(after).toMatchObject(expected.after ? expected.after(before) : before)
          }
        })
      }
    }
  }
}

describe('projects: role × action × API', () => {
  matrix('projects', projectActions, (action) => projectFixture(action === 'submit' ? 'draft' : 'in-review'), projectState)

  it('never shows anonymous readers the draft, whatever they ask for', async () => {
    const { id } = await projectFixture()
    const rest = await api.rest('GET', `/projects/${id}?draft=true`)
    expect(rest.body.title).toBe('Live')
    expect(rest.body).not.toHaveProperty('reviewStatus')
    const graphql = await api.graphql(`{ Project(id: ${JSON.stringify(id)}, draft: true) { title } }`)
    expect(graphql.body.data.Project.title).toBe('Live')
    const local = await payload.findByID({ collection: 'projects', id, draft: true, overrideAccess: false, user: null })
    expect(local.title).toBe('Live')
    expect((await api.rest('GET', '/projects/versions')).status).toBe(403)
    expect((await api.graphql('{ versionsProjects { docs { id } } }')).body.errors?.[0]?.extensions?.statusCode).toBe(403)
  })
})

/** A live project with one live outcome ("Live outcome"). */
const outcomeFixture = async () => {
  const { id: project } = await projectFixture()
  const outcome = await payload.create({ collection: 'outcomes', data: { project, statement: 'Live outcome', _status: 'published' } as any })
  return { project, id: outcome.id }
}

const outcomeState = async (id: number | string) => {
  const live = await payload.findByID({ collection: 'outcomes', id, depth: 0, disableErrors: true })
  const latest = await payload.findByID({ collection: 'outcomes', id, depth: 0, draft: true, disableErrors: true })
  return {
    live: live?._status === 'published' ? live.statement : null,
    latest: latest?.statement ?? null,
    count: (await payload.count({ collection: 'outcomes' })).totalDocs,
    versions: (await payload.countVersions({ collection: 'outcomes', where: { parent: { equals: id } } })).totalDocs,
  }
}

const outcomeActions: Partial<Record<Action, { data?: (fixture: { id: number | string; project: number | string }) => Record<string, unknown>; expect: Expectations }>> = {
  create: {
    data: ({ project }) => ({ project, statement: 'New outcome' }),
    expect: staff((before) => ({ count: before.count + 1, live: 'Live outcome' })),
  },
  update: {
    data: () => ({ statement: 'Edited outcome' }),
    expect: staff(() => ({ live: 'Live outcome', latest: 'Edited outcome' })),
  },
  publish: {
    data: () => ({ statement: 'Published outcome', _status: 'published' }),
    expect: reviewers(() => ({ live: 'Published outcome' })),
  },
  unpublish: {
    data: () => ({ _status: 'draft' }),
    expect: reviewers(() => ({ live: null })),
  },
  delete: { expect: adminsOnly((before) => ({ live: null, count: before.count - 1 })) },
}

describe('outcomes: role × action × API', () => {
  matrix<{ id: number | string; project: number | string }>('outcomes', outcomeActions, outcomeFixture, outcomeState)
})
