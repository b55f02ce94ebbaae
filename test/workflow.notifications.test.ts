import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { capturedEmails, clearCapturedEmails } from '../src/email'
import { createApi, startApp } from './helpers/api'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser } from './helpers/payload'

/** Review mails (captured, never sent, without SMTP) and publishing at a scheduled time. */
let payload: Payload
let api: ReturnType<typeof createApi>
let states: Record<string, number | string>
let editor: { email: string; token: string }
let reviewer: { email: string; token: string }
let secondReviewer: { email: string }

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  states = await seedStates(payload, ['LS'])
  const login = async (role: 'editor' | 'reviewer', name: string) => {
    const user = await createUser(payload, [role], name)
    return { email: user.email, token: await api.login(user.email) }
  }
  editor = await login('editor', 'editor')
  reviewer = await login('reviewer', 'reviewer')
  secondReviewer = await login('reviewer', 'second-reviewer')
})
afterAll(async () => {
  await payload?.destroy()
})

const sent = () => capturedEmails().map((mail) => ({ to: [mail.to].flat().map(String).sort(), subject: mail.subject, text: mail.text }))

describe('review mails', () => {
  it('tell the reviewers when something is submitted, and the editor when a reviewer decides', async () => {
    clearCapturedEmails()
    const created = await api.rest('POST', '/projects', { body: validProject(states.LS!, { title: 'Mail test' }), token: editor.token })
    const id = created.body.doc.id
    const projectId = created.body.doc.projectId
    expect(sent()).toEqual([])

    await api.rest('PATCH', `/projects/${id}`, { body: { reviewStatus: 'in-review' }, token: editor.token })
    expect(sent()).toEqual([
      {
        to: [reviewer.email, secondReviewer.email].sort(),
        subject: `Review requested: ${projectId} Mail test`,
        text: expect.stringContaining('moved from “Draft” to “In review”'),
      },
    ])

    clearCapturedEmails()
    await api.rest('PATCH', `/projects/${id}`, { body: { reviewStatus: 'changes-requested', reviewNote: 'Budget is missing cents' }, token: reviewer.token })
    expect(sent()).toEqual([
      { to: [editor.email], subject: `Changes requested: ${projectId} Mail test`, text: expect.stringContaining('Note: Budget is missing cents') },
    ])

    clearCapturedEmails()
    await api.rest('PATCH', `/projects/${id}`, { body: { reviewStatus: 'in-review' }, token: editor.token })
    await api.rest('PATCH', `/projects/${id}`, { body: { reviewStatus: 'approved' }, token: reviewer.token })
    expect(sent().map((mail) => mail.subject)).toEqual([`Review requested: ${projectId} Mail test`, `Approved: ${projectId} Mail test`])
    expect(sent()[1]!.to).toEqual([editor.email])
  })
})

/** A project an editor submitted for review: its ID. */
const submitted = async (title: string) =>
  (await api.rest('POST', '/projects', { body: validProject(states.LS!, { title, reviewStatus: 'in-review' }), token: editor.token })).body.doc.id

/** A reviewer's approval of `id` to go live in `ms` milliseconds: its publish date. */
const approvedFor = async (id: number | string, ms: number) => {
  const publishAt = new Date(Date.now() + ms).toISOString()
  await api.rest('PATCH', `/projects/${id}`, { body: { reviewStatus: 'approved', publishAt }, token: reviewer.token })
  return publishAt
}

describe('scheduled publishing', () => {
  it('publishes an approved project at its publish date through the jobs queue, not before', async () => {
    const created = await api.rest('POST', '/projects', {
      body: validProject(states.LS!, { title: 'Scheduled page', reviewStatus: 'in-review' }),
      token: editor.token,
    })
    const id = created.body.doc.id
    await api.rest('POST', '/outcomes', { body: { project: id, statement: 'Waiting outcome' }, token: editor.token })
    const publishAt = new Date(Date.now() + 1500).toISOString()
    const approved = await api.rest('PATCH', `/projects/${id}`, { body: { reviewStatus: 'approved', publishAt }, token: reviewer.token })
    expect(approved.status).toBe(200)
    expect(approved.body.doc).toMatchObject({ reviewStatus: 'approved', _status: 'draft', publishAt })

    // Before the date, running the queue publishes nothing.
    await payload.jobs.run()
    expect((await api.rest('GET', `/projects/${id}`)).status).toBe(404)

    await new Promise((resolve) => setTimeout(resolve, 1600))
    await payload.jobs.run()
    const live = await api.rest('GET', `/projects/${id}`)
    expect(live.status).toBe(200)
    expect(live.body.title).toBe('Scheduled page')
    expect(live.body.outcomes.docs.map((outcome: any) => outcome.statement)).toEqual(['Waiting outcome'])
  })

  it('publishes the page with its waiting outcomes when a reviewer publishes it ahead of its date, once', async () => {
    const id = await submitted('Published early')
    await api.rest('POST', '/outcomes', { body: { project: id, statement: 'Waiting for the date' }, token: editor.token })
    const publishAt = await approvedFor(id, 1000)
    clearCapturedEmails()
    // The admin's Publish button sends the form back: the same review state and date.
    const early = await api.rest('PATCH', `/projects/${id}`, { body: { _status: 'published', reviewStatus: 'approved', publishAt }, token: reviewer.token })
    expect(early.status).toBe(200)
    expect(early.body.doc).toMatchObject({ _status: 'published', publishAt: null })
    const live = await api.rest('GET', `/projects/${id}`)
    expect(live.body.outcomes.docs.map((outcome: any) => outcome.statement)).toEqual(['Waiting for the date'])
    const history = await payload.find({ collection: 'review-events', where: { project: { equals: id } }, sort: 'createdAt', depth: 0 })
    expect(history.docs.map((event) => `${event.from}→${event.to}`)).toEqual(['draft→in-review', 'in-review→approved', 'approved→approved'])
    expect(sent()).toEqual([])

    // The date passes: the job finds nothing left to publish (no new version, no event).
    const versions = await payload.countVersions({ collection: 'projects', where: { parent: { equals: id } } })
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await payload.jobs.run()
    const after = await payload.find({ collection: 'review-events', where: { project: { equals: id } }, depth: 0 })
    expect(after.totalDocs).toBe(3)
    expect((await payload.countVersions({ collection: 'projects', where: { parent: { equals: id } } })).totalDocs).toBe(versions.totalDocs)
  })

  it('publishes nothing when the project was edited after the approval', async () => {
    const id = await submitted('Edited after approval')
    await approvedFor(id, 1000)
    const edited = await api.rest('PATCH', `/projects/${id}`, { body: { title: 'Unreviewed title' }, token: editor.token })
    expect(edited.body.doc.reviewStatus).toBe('draft')
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await payload.jobs.run()
    expect((await api.rest('GET', `/projects/${id}`)).status).toBe(404)
  })

  it('keeps the publish date a reviewer’s: an editor cannot clear or move it', async () => {
    const id = await submitted('Scheduled, editor meddles')
    const publishAt = await approvedFor(id, 60_000)
    for (const value of [null, new Date(Date.now() + 120_000).toISOString()]) {
      const refused = await api.rest('PATCH', `/projects/${id}`, { body: { publishAt: value }, token: editor.token })
      expect(refused.status).toBe(403)
      expect(refused.body.errors[0].message).toMatch(/Only a reviewer sets or clears the publish date/)
    }
    // The form sends the date back unchanged with every save: that is no change.
    const saved = await api.rest('PATCH', `/projects/${id}`, { body: { publishAt, summary: 'Edited after approval.' }, token: editor.token })
    expect(saved.status).toBe(200)
    expect((await payload.findByID({ collection: 'projects', id, draft: true, depth: 0 })).reviewStatus).toBe('draft')
  })

  it('publishes nothing when one of its outcomes was edited after the approval', async () => {
    const id = await submitted('Outcome edited after approval')
    const outcome = await api.rest('POST', '/outcomes', { body: { project: id, statement: 'Reviewed statement' }, token: editor.token })
    await approvedFor(id, 1000)
    const edited = await api.rest('PATCH', `/outcomes/${outcome.body.doc.id}`, { body: { statement: 'Unreviewed statement' }, token: editor.token })
    expect(edited.status).toBe(200)
    // The project is back in draft, and the history says who sent it there.
    const project = await payload.findByID({ collection: 'projects', id, draft: true, depth: 0 })
    expect(project.reviewStatus).toBe('draft')
    const events = (await payload.find({ collection: 'review-events', where: { project: { equals: id } }, sort: 'createdAt', depth: 0 })).docs
    expect(events.at(-1)).toMatchObject({ kind: 'transition', from: 'approved', to: 'draft' })
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await payload.jobs.run()
    expect((await api.rest('GET', `/projects/${id}`)).status).toBe(404)
    expect((await payload.findByID({ collection: 'outcomes', id: outcome.body.doc.id, depth: 0 }))._status).toBe('draft')
  })

  it('publishes neither the page nor its outcomes when it fails between them, and both on the retry', async () => {
    const id = await submitted('Scheduled, then interrupted')
    await api.rest('POST', '/outcomes', { body: { project: id, statement: 'Outcome waiting for the date' }, token: editor.token })
    await approvedFor(id, 1000)
    await new Promise((resolve) => setTimeout(resolve, 1100))

    // The outcomes' publication fails, after the page's was written.
    const hooks = payload.collections.outcomes.config.hooks.afterChange
    const failing = () => {
      throw new Error('the job failed between the page and its outcomes')
    }
    hooks.push(failing)
    try {
      await payload.jobs.run()
    } finally {
      hooks.splice(hooks.indexOf(failing), 1)
    }
    expect((await api.rest('GET', `/projects/${id}`)).status).toBe(404)

    await payload.jobs.run()
    const live = await api.rest('GET', `/projects/${id}`)
    expect(live.status).toBe(200)
    expect(live.body.outcomes.docs.map((outcome: any) => outcome.statement)).toEqual(['Outcome waiting for the date'])
  })
})
