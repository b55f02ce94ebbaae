import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApi, startApp } from './helpers/api'
import { restErrorPaths } from './helpers/expectations'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser } from './helpers/payload'

/**
 * The editorial workflow: editors write drafts and submit them, reviewers approve (which
 * publishes) or request changes, nothing reaches anonymous readers without a reviewer's approval,
 * and every step is recorded. Enforced on the Local API (access on), REST and GraphQL alike.
 */
let payload: Payload
let api: ReturnType<typeof createApi>
let states: Record<string, number | string>
type Staff = { user: any; token: string }
let editor: Staff
let otherEditor: Staff
let reviewer: Staff
let otherReviewer: Staff
let admin: Staff

const staff = async (role: 'editor' | 'reviewer' | 'admin', name: string): Promise<Staff> => {
  const user = await createUser(payload, [role], name)
  return { user: { ...user, collection: 'users' }, token: await api.login(user.email) }
}

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  states = await seedStates(payload, ['LS', 'ZA'])
  editor = await staff('editor', 'editor')
  otherEditor = await staff('editor', 'other-editor')
  reviewer = await staff('reviewer', 'reviewer')
  otherReviewer = await staff('reviewer', 'other-reviewer')
  admin = await staff('admin', 'admin')
})
afterAll(async () => {
  await payload?.destroy()
})

/** What an anonymous front end sees of a project. */
const publicView = async (id: number | string) => {
  const response = await api.rest('GET', `/projects/${id}?depth=0`)
  return response.status === 200 ? response.body : null
}

const history = async (id: number | string) =>
  (
    await payload.find({ collection: 'review-events', where: { project: { equals: id } }, sort: 'createdAt', depth: 0 })
  ).docs.map((event) => [event.kind, event.from, event.to, event.by, event.note ?? null, event.override ?? false])

const createDraft = async (by: Staff, overrides: Record<string, unknown> = {}) => {
  const response = await api.rest('POST', '/projects', { body: validProject(states.LS!, overrides), token: by.token })
  expect(response.status).toBe(201)
  return response.body.doc
}

const patch = (id: number | string, body: Record<string, unknown>, by: Staff, query = '') =>
  api.rest('PATCH', `/projects/${id}${query}`, { body, token: by.token })

describe('drafts and submission', () => {
  it('keeps an editor’s new project a draft, invisible to the public, even when asked to publish', async () => {
    const draft = await createDraft(editor)
    expect(draft).toMatchObject({ _status: 'draft', reviewStatus: 'draft' })
    expect(await publicView(draft.id)).toBeNull()

    const rest = await api.rest('POST', '/projects', { body: { ...validProject(states.LS!), _status: 'published' }, token: editor.token })
    expect(rest.status).toBe(403)
    expect(rest.body.errors[0].message).toMatch(/Only a reviewer can publish/)
    const graphql = await api.graphql(
      `mutation { createProject(data: { title: "Sneaky", status: pipeline, _status: published }) { id } }`,
      {},
      { token: editor.token },
    )
    expect(graphql.body.errors[0].extensions.statusCode).toBe(403)
    await expect(
      payload.create({ collection: 'projects', data: { ...validProject(states.LS!), _status: 'published' } as any, overrideAccess: false, user: editor.user }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await api.rest('GET', '/projects')).body.totalDocs).toBe(0)
  })

  it('lets an editor submit, and only a reviewer approve, which publishes and is recorded', async () => {
    const draft = await createDraft(editor)
    const submitted = await patch(draft.id, { reviewStatus: 'in-review', reviewNote: 'Ready' }, editor)
    expect(submitted.status).toBe(200)
    expect(submitted.body.doc.reviewStatus).toBe('in-review')

    const selfApproval = await patch(draft.id, { reviewStatus: 'approved' }, editor)
    expect(selfApproval.status).toBe(403)
    const graphqlApproval = await api.graphql(
      `mutation { updateProject(id: ${JSON.stringify(draft.id)}, data: { reviewStatus: approved }) { id } }`,
      {},
      { token: editor.token },
    )
    expect(graphqlApproval.body.errors[0].extensions.statusCode).toBe(403)
    expect(await publicView(draft.id)).toBeNull()

    const approved = await api.graphql(
      `mutation { updateProject(id: ${JSON.stringify(draft.id)}, data: { reviewStatus: approved }) { reviewStatus _status } }`,
      {},
      { token: reviewer.token },
    )
    expect(approved.body.errors).toBeUndefined()
    expect(approved.body.data.updateProject).toEqual({ reviewStatus: 'approved', _status: 'published' })
    expect((await publicView(draft.id))?.title).toBe(draft.title)

    expect(await history(draft.id)).toEqual([
      ['transition', 'draft', 'in-review', editor.user.id, 'Ready', false],
      ['transition', 'in-review', 'approved', reviewer.user.id, null, false],
    ])
  })

  it('requires a note to request changes, and the editor resubmits', async () => {
    const draft = await createDraft(editor, { reviewStatus: 'in-review' })
    const noNote = await patch(draft.id, { reviewStatus: 'changes-requested' }, reviewer)
    expect(noNote.status).toBe(400)
    expect(restErrorPaths(noNote)).toEqual(['reviewNote'])
    const byEditor = await patch(draft.id, { reviewStatus: 'changes-requested', reviewNote: 'x' }, otherEditor)
    expect(byEditor.status).toBe(403)

    const sentBack = await patch(draft.id, { reviewStatus: 'changes-requested', reviewNote: 'Add the partners' }, reviewer)
    expect(sentBack.status).toBe(200)
    const seenByEditor = await api.rest('GET', `/projects/${draft.id}?draft=true`, { token: editor.token })
    expect(seenByEditor.body).toMatchObject({ reviewStatus: 'changes-requested', reviewNote: 'Add the partners' })

    await patch(draft.id, { partners: ['Ministry of Labour'] }, editor, '?draft=true')
    const resubmitted = await patch(draft.id, { reviewStatus: 'in-review' }, editor)
    expect(resubmitted.body.doc.reviewStatus).toBe('in-review')
    const approved = await patch(draft.id, { reviewStatus: 'approved' }, reviewer)
    expect(approved.status).toBe(200)
    expect((await publicView(draft.id))?.partners).toEqual(['Ministry of Labour'])
    expect((await history(draft.id)).map(([, from, to]) => `${from}→${to}`)).toEqual([
      'draft→in-review',
      'in-review→changes-requested',
      'changes-requested→in-review',
      'in-review→approved',
    ])
  })

  it('refuses transitions that skip a step, naming reviewStatus', async () => {
    const draft = await createDraft(editor)
    const skip = await patch(draft.id, { reviewStatus: 'approved' }, reviewer)
    expect(skip.status).toBe(400)
    expect(restErrorPaths(skip)).toEqual(['reviewStatus'])
    expect(skip.body.errors[0].data.errors[0].message).toMatch(/cannot go from “draft” to “approved”/)
    const publishDraft = await patch(draft.id, { _status: 'published' }, reviewer)
    expect(publishDraft.status).toBe(400)
    expect(await publicView(draft.id)).toBeNull()
  })

  it('lets the submitting editor withdraw, but not another editor', async () => {
    const draft = await createDraft(editor, { reviewStatus: 'in-review' })
    expect((await patch(draft.id, { reviewStatus: 'draft' }, otherEditor)).status).toBe(403)
    const withdrawn = await patch(draft.id, { reviewStatus: 'draft' }, editor)
    expect(withdrawn.status).toBe(200)
    expect(withdrawn.body.doc.reviewStatus).toBe('draft')
  })
})

describe('four eyes', () => {
  it('stops a reviewer approving a version they edited; another reviewer can', async () => {
    const draft = await createDraft(editor, { reviewStatus: 'in-review' })
    await patch(draft.id, { budgetUSD: 160000 }, reviewer, '?draft=true')
    const own = await patch(draft.id, { reviewStatus: 'approved' }, reviewer)
    expect(own.status).toBe(403)
    expect(own.body.errors[0].message).toMatch(/four-eyes/)
    // Publishing with edits in the same request counts as editing too.
    const editAndPublish = await patch(draft.id, { budgetUSD: 170000, _status: 'published' }, otherReviewer)
    expect(editAndPublish.status).toBe(403)
    const other = await patch(draft.id, { reviewStatus: 'approved' }, otherReviewer)
    expect(other.status).toBe(200)
    expect((await publicView(draft.id))?.budgetUSD).toBe(160000)
  })

  it('counts only real changes as edits: publishing from the admin form, which sends every field, is an approval', async () => {
    const draft = await createDraft(editor, { reviewStatus: 'in-review', partners: ['Ministry'] })
    const form = await payload.findByID({ collection: 'projects', id: draft.id, draft: true, depth: 1 })
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = form as any
    const changed = await patch(draft.id, { ...fields, budgetUSD: 1, _status: 'published' }, reviewer)
    expect(changed.status).toBe(403)
    const unchanged = await patch(draft.id, { ...fields, _status: 'published' }, reviewer)
    expect(unchanged.status).toBe(200)
    expect((await publicView(draft.id))?.budgetUSD).toBe(150000)
  })

  it('lets an admin override, and records the override', async () => {
    const draft = await createDraft(admin, { reviewStatus: 'in-review' })
    const approved = await patch(draft.id, { reviewStatus: 'approved' }, admin)
    expect(approved.status).toBe(200)
    expect((await history(draft.id)).at(-1)).toEqual(['transition', 'in-review', 'approved', admin.user.id, null, true])
  })
})

describe('a published project', () => {
  const publishedProject = async () => {
    const draft = await createDraft(editor, { reviewStatus: 'in-review', title: 'Live title' })
    expect((await patch(draft.id, { reviewStatus: 'approved' }, reviewer)).status).toBe(200)
    return draft
  }

  it('stays live and unchanged while an edit waits as a new draft for review', async () => {
    const project = await publishedProject()
    // A plain PATCH (no ?draft=true) from an editor is still only a draft.
    const edited = await patch(project.id, { title: 'Edited title' }, editor)
    expect(edited.status).toBe(200)
    expect(edited.body.doc.reviewStatus).toBe('draft')
    expect((await publicView(project.id))?.title).toBe('Live title')
    const graphql = await api.graphql(`{ Project(id: ${JSON.stringify(project.id)}) { title } }`)
    expect(graphql.body.data.Project.title).toBe('Live title')
    const draftRead = await api.rest('GET', `/projects/${project.id}?draft=true`)
    expect(draftRead.body.title).toBe('Live title')

    const republish = await patch(project.id, { _status: 'published' }, editor)
    expect(republish.status).toBe(403)
    expect((await publicView(project.id))?.title).toBe('Live title')

    await patch(project.id, { reviewStatus: 'in-review' }, editor)
    await patch(project.id, { reviewStatus: 'approved' }, reviewer)
    expect((await publicView(project.id))?.title).toBe('Edited title')
  })

  it('is unpublished by a reviewer, never by an editor', async () => {
    const project = await publishedProject()
    const byEditor = await patch(project.id, { _status: 'draft' }, editor)
    expect(byEditor.status).toBe(403)
    expect(await publicView(project.id)).not.toBeNull()
    const byReviewer = await patch(project.id, { _status: 'draft' }, reviewer)
    expect(byReviewer.status).toBe(200)
    expect(await publicView(project.id)).toBeNull()
  })

  it('is deleted only by an admin; a never-published draft by its editors', async () => {
    const project = await publishedProject()
    expect((await api.rest('DELETE', `/projects/${project.id}`, { token: editor.token })).status).toBe(403)
    expect((await api.rest('DELETE', `/projects/${project.id}`, { token: reviewer.token })).status).toBe(403)
    const graphql = await api.graphql(`mutation { deleteProject(id: ${JSON.stringify(project.id)}) { id } }`, {}, { token: editor.token })
    expect(graphql.body.errors[0].extensions.statusCode).toBe(403)
    expect(await publicView(project.id)).not.toBeNull()
    expect((await api.rest('DELETE', `/projects/${project.id}`, { token: admin.token })).status).toBe(200)

    const draft = await createDraft(editor)
    expect((await api.rest('DELETE', `/projects/${draft.id}`, { token: editor.token })).status).toBe(200)
  })

  it('stays an admin’s to delete once unpublished, with its outcomes and history', async () => {
    const project = await publishedProject()
    const outcome = await payload.create({ collection: 'outcomes', data: { project: project.id, statement: 'Published with the page.', _status: 'published' } as any })
    // Unpublished as the admin's Unpublish button does it (Payload then rewrites the latest version in place).
    expect((await patch(project.id, { _status: 'draft' }, reviewer, '?unpublishAllLocales=true')).status).toBe(200)
    expect(await publicView(project.id)).toBeNull()
    const stored = await payload.findByID({ collection: 'projects', id: project.id, depth: 0 })
    expect(stored.firstPublishedAt).toBeTruthy()
    for (const who of [editor, reviewer]) {
      const refused = await api.rest('DELETE', `/projects/${project.id}`, { token: who.token })
      expect(refused.status).toBe(403)
    }
    expect((await payload.findByID({ collection: 'outcomes', id: outcome.id, depth: 0 })).project).toBe(project.id)
    expect((await history(project.id)).length).toBeGreaterThan(0)
    // Nobody outside the staff reads when it was first published.
    const token = admin.token
    expect((await api.rest('GET', `/projects/${project.id}?depth=0`, { token })).body.firstPublishedAt).toBe(stored.firstPublishedAt)
    expect((await api.rest('DELETE', `/projects/${project.id}`, { token })).status).toBe(200)
    expect((await payload.find({ collection: 'outcomes', where: { project: { equals: project.id } }, draft: true })).totalDocs).toBe(0)
  })

  it('keeps its published version when a draft save asks to unpublish all locales', async () => {
    const project = await publishedProject()
    const saved = await patch(project.id, { title: 'Draft over the live page' }, editor, '?unpublishAllLocales=true')
    expect(saved.status).toBe(200)
    expect((await publicView(project.id))?.title).toBe('Live title')
    const published = await payload.countVersions({
      collection: 'projects',
      where: { and: [{ parent: { equals: project.id } }, { 'version._status': { equals: 'published' } }, { 'version.title': { equals: 'Live title' } }] },
    })
    expect(published.totalDocs).toBe(1)
  })

  it('is not deleted by an editor when one of its outcomes was published, nor left without them', async () => {
    const draft = await createDraft(editor, { title: 'Never published itself' })
    // A reviewer published an outcome of the page ahead of it.
    const outcome = await payload.create({ collection: 'outcomes', data: { project: draft.id, statement: 'Published early.', _status: 'published' } as any, overrideAccess: false, user: reviewer.user })
    const refused = await api.rest('DELETE', `/projects/${draft.id}`, { token: editor.token })
    expect(refused.status).toBe(403)
    expect((await payload.findByID({ collection: 'projects', id: draft.id, draft: true, depth: 0 })).id).toBe(draft.id)
    expect((await payload.findByID({ collection: 'outcomes', id: outcome.id, depth: 0 })).project).toBe(draft.id)
  })

  it('cannot be published or reviewed in bulk', async () => {
    const project = await publishedProject()
    const where = `?where[id][equals]=${project.id}`
    expect((await api.rest('PATCH', `/projects${where}`, { body: { _status: 'published' }, token: editor.token })).status).toBe(403)
    expect((await api.rest('PATCH', `/projects${where}`, { body: { reviewStatus: 'approved' }, token: reviewer.token })).status).toBe(403)
    const bulkEdit = await api.rest('PATCH', `/projects${where}`, { body: { budgetUSD: 1 }, token: editor.token })
    expect(bulkEdit.status).toBe(200)
    expect((await publicView(project.id))?.budgetUSD).toBe(150000)
    const latest = await payload.findByID({ collection: 'projects', id: project.id, draft: true })
    expect(latest).toMatchObject({ budgetUSD: 1, reviewStatus: 'draft' })
    // Back to draft like a single edit, and recorded like one.
    expect((await history(project.id)).at(-1)).toEqual(['transition', 'approved', 'draft', editor.user.id, null, false])
    const again = await api.rest('PATCH', `/projects${where}`, { body: { budgetUSD: 2 }, token: editor.token })
    expect(again.status).toBe(200)
    expect((await history(project.id)).filter(([, from, to]) => to === 'draft')).toHaveLength(1)
  })

  it('is rolled back to an old version by an admin only', async () => {
    const project = await publishedProject()
    await patch(project.id, { title: 'Second title' }, editor)
    await patch(project.id, { reviewStatus: 'in-review' }, editor)
    await patch(project.id, { reviewStatus: 'approved' }, reviewer)
    const { docs } = await payload.findVersions({
      collection: 'projects',
      where: {
        and: [{ parent: { equals: project.id } }, { 'version.title': { equals: 'Live title' } }, { 'version._status': { equals: 'published' } }],
      },
      sort: 'createdAt',
    })
    const first = docs[0]!
    for (const who of [editor, reviewer]) {
      const refused = await api.rest('POST', `/projects/versions/${first.id}`, { token: who.token })
      expect(refused.status).toBe(403)
      expect(refused.body.errors[0].message).toMatch(/Only an admin can restore/)
      expect((await publicView(project.id))?.title).toBe('Second title')
    }
    const byAdmin = await api.rest('POST', `/projects/versions/${first.id}`, { token: admin.token })
    expect(byAdmin.status).toBe(200)
    expect((await publicView(project.id))?.title).toBe('Live title')

    // The same for its outcomes: restoring one is publishing it without review.
    const outcome = await payload.create({ collection: 'outcomes', data: { project: project.id, statement: 'First statement.', _status: 'published' } as any })
    await payload.update({ collection: 'outcomes', id: outcome.id, data: { statement: 'Second statement.', _status: 'published' } as any })
    const old = (await payload.findVersions({ collection: 'outcomes', where: { and: [{ parent: { equals: outcome.id } }, { 'version.statement': { equals: 'First statement.' } }] } })).docs[0]!
    const byReviewer = await api.rest('POST', `/outcomes/versions/${old.id}`, { token: reviewer.token })
    expect(byReviewer.status).toBe(403)
    expect((await api.rest('GET', `/outcomes/${outcome.id}`)).body.statement).toBe('Second statement.')
    expect((await api.rest('POST', `/outcomes/versions/${old.id}`, { token: admin.token })).status).toBe(200)
    expect((await api.rest('GET', `/outcomes/${outcome.id}`)).body.statement).toBe('First statement.')
  })
})

describe('what anonymous readers never get', () => {
  it('a draft related project through a published one, populated or not', async () => {
    const draft = await createDraft(editor, { title: 'Secret draft' })
    const published = await createDraft(editor, { reviewStatus: 'in-review', relatedProjects: [draft.id] })
    await patch(published.id, { reviewStatus: 'approved' }, reviewer)
    const rest = await api.rest('GET', `/projects/${published.id}?depth=1`)
    expect(rest.status).toBe(200)
    expect(JSON.stringify(rest.body)).not.toContain('Secret draft')
    const graphql = await api.graphql(`{ Project(id: ${JSON.stringify(published.id)}) { relatedProjects { title } } }`)
    expect(JSON.stringify(graphql.body)).not.toContain('Secret draft')
    const staff = await api.rest('GET', `/projects/${published.id}?depth=1&draft=true`, { token: reviewer.token })
    expect(JSON.stringify(staff.body)).toContain('Secret draft')
  })

  it('an editor’s autosave over a published page', async () => {
    const draft = await createDraft(editor, { reviewStatus: 'in-review', title: 'Autosave live' })
    await patch(draft.id, { reviewStatus: 'approved' }, reviewer)
    const autosaved = await patch(draft.id, { title: 'Autosaved text', _status: 'draft' }, editor, '?autosave=true&draft=true')
    expect(autosaved.status).toBe(200)
    const sneaky = await patch(draft.id, { title: 'Autosaved text', _status: 'published' }, editor, '?autosave=true')
    expect(sneaky.status).toBe(403)
    expect((await publicView(draft.id))?.title).toBe('Autosave live')
  })
})

describe('outcomes go through their project’s review', () => {
  it('keeps an editor’s new or changed outcome off the public API until the project is approved', async () => {
    const draft = await createDraft(editor, { reviewStatus: 'in-review' })
    await patch(draft.id, { reviewStatus: 'approved' }, reviewer)

    const added = await api.rest('POST', '/outcomes', { body: { project: draft.id, statement: 'New outcome', _status: 'published' }, token: editor.token })
    expect(added.status).toBe(403)
    const created = await api.rest('POST', '/outcomes', { body: { project: draft.id, statement: 'New outcome' }, token: editor.token })
    expect(created.status).toBe(201)
    expect(created.body.doc._status).toBe('draft')
    expect((await publicView(draft.id))?.outcomes.docs).toEqual([])

    await patch(draft.id, { reviewStatus: 'in-review' }, editor)
    await patch(draft.id, { reviewStatus: 'approved' }, reviewer)
    const live = await api.rest('GET', `/projects/${draft.id}`)
    expect(live.body.outcomes.docs.map((outcome: any) => outcome.statement)).toEqual(['New outcome'])

    const changed = await api.rest('PATCH', `/outcomes/${created.body.doc.id}`, { body: { statement: 'Changed outcome' }, token: editor.token })
    expect(changed.status).toBe(200)
    const stillLive = await api.rest('GET', `/projects/${draft.id}`)
    expect(stillLive.body.outcomes.docs[0].statement).toBe('New outcome')
    expect((await api.rest('DELETE', `/outcomes/${created.body.doc.id}`, { token: editor.token })).status).toBe(403)
  })
})

describe('the review history', () => {
  it('is read by staff only and cannot be rewritten; notes can be added', async () => {
    const draft = await createDraft(editor, { reviewStatus: 'in-review' })
    expect((await api.rest('GET', '/review-events')).status).toBe(403)
    const anonymousProject = await api.rest('GET', `/projects/${draft.id}?draft=true`)
    expect(anonymousProject.status).toBe(404)

    const staffRead = await api.rest('GET', `/projects/${draft.id}`, { token: reviewer.token })
    expect(staffRead.body.reviewHistory.docs).toHaveLength(1)
    const [event] = staffRead.body.reviewHistory.docs
    expect((await api.rest('PATCH', `/review-events/${event.id}`, { body: { to: 'approved' }, token: admin.token })).status).toBe(403)
    expect((await api.rest('DELETE', `/review-events/${event.id}`, { token: admin.token })).status).toBe(403)
    const forged = await api.rest('POST', '/review-events', {
      body: { project: draft.id, kind: 'transition', from: 'in-review', to: 'approved' },
      token: editor.token,
    })
    expect(forged.status).toBe(403)
    const note = await api.rest('POST', '/review-events', { body: { project: draft.id, kind: 'note', note: 'Check the budget' }, token: reviewer.token })
    expect(note.status).toBe(201)
    expect(note.body.doc.by).toMatchObject({ id: reviewer.user.id })
  })
})
