import type { CollectionBeforeDeleteHook } from 'payload'
import { APIError } from 'payload'

import { languageOf, message } from '../../../domain/messages'

/**
 * A Member State that any project names as a beneficiary, published or in a draft, cannot be
 * deleted: the refusal names those projects so the editor knows what to change first.
 */
export const refuseDeleteWhenNamed: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const projects = new Map<string, string>()
  for (const draft of [false, true]) {
    const { docs } = await req.payload.find({
      collection: 'projects',
      where: { memberStates: { in: [id] } },
      draft,
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      select: { title: true, projectId: true },
      req,
    })
    for (const doc of docs) {
      const name = [doc.projectId, doc.title].filter(Boolean).join(' ') || `#${doc.id}`
      projects.set(String(doc.id), name)
    }
  }
  if (projects.size === 0) return
  // Named in the reader's language, like the rest of the message.
  const state = await req.payload.findByID({
    collection: 'member-states',
    id,
    depth: 0,
    locale: languageOf(req),
    overrideAccess: true,
    req,
  })
  throw new APIError(
    message(req, 'memberStateInUse', {
      name: String(state?.name ?? id),
      count: projects.size,
      projects: [...projects.values()].join('; '),
    }),
    409,
    { projects: [...projects.entries()].map(([projectId, title]) => ({ id: projectId, title })) },
    true,
  )
}
