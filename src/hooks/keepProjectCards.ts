import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'

import { lockPublicContentWrites } from '../database'
import { projectIdsWhere, refreshProjectCards } from '../readModel/cards'
import { storeFacets } from '../readModel/storedFacets'
import { createdUnpublished, isPublishedRowAfterSave } from './publishedRow'

/**
 * Keeps a project's list cards and pages (src/readModel) what the public sees, in the saving transaction:
 * written when it is published, removed when it is unpublished or deleted, and left as they were
 * by a draft saved over a published page. Such a save only adds a version: the published document
 * (the collection's own row) is untouched, so there is nothing to rebuild, for it or for the pages
 * that relate to it. An unpublication also arrives as a draft, but leaves that row a draft.
 */
export const keepProjectCards: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (createdUnpublished({ operation, doc })) return doc
  if (doc._status === 'draft' && (await isPublishedRowAfterSave(req, 'projects', doc))) return doc
  await refreshProjectCards(req.payload, [doc.id], req)
  return doc
}

/**
 * The projects whose pages show this one, read before it goes: the database drops their links
 * with the project, so afterwards nothing says whose pages to rebuild.
 */
export const rememberReferrers: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const referrers = await projectIdsWhere(req.payload, { relatedProjects: { in: [id] } }, req)
  req.context = { ...req.context, [referrersKey(id)]: referrers }
}

const referrersKey = (id: number | string) => `projectCards:referrersOf:${id}`

export const removeProjectCards: CollectionAfterDeleteHook = async ({ id, req }) => {
  const referrers = (req.context?.[referrersKey(id)] as (number | string)[] | undefined) ?? []
  await refreshProjectCards(req.payload, [id, ...referrers], req)
}

const BATCH = 100

/** A Member State's name or code is on the cards of every project that names it. */
export const refreshCardsOfMemberState: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'create') return doc
  const unchanged = previousDoc && ['name', 'iso2', 'slug'].every((field) => JSON.stringify(previousDoc[field]) === JSON.stringify(doc[field]))
  if (unchanged) return doc
  // Locked before the projects naming it are read: a save adding it to a project meanwhile
  // (on PostgreSQL) comes before, and is among them, or after, and reads the new name.
  await lockPublicContentWrites(req)
  const ids = await projectIdsWhere(req.payload, { memberStates: { in: [doc.id] } }, req)
  // The filter panels naming it are counted once, after every batch of cards.
  const panels = new Set<string>()
  for (let start = 0; start < ids.length; start += BATCH) {
    await refreshProjectCards(req.payload, ids.slice(start, start + BATCH), req, { relabel: true, collect: panels })
  }
  await storeFacets(req.payload, panels, req)
  return doc
}

/** A project's page lists its published outcomes: theirs are its changes (and a move between projects, both's). */
export const refreshCardsOfOutcome: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  if (createdUnpublished({ operation, doc })) return doc
  const projects = [doc.project, previousDoc?.project].map((project) => (project && typeof project === 'object' ? project.id : project))
  await refreshProjectCards(req.payload, [...new Set(projects.filter((id) => id !== undefined && id !== null))], req)
  return doc
}

export const refreshCardsOfDeletedOutcome: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const project = doc.project && typeof doc.project === 'object' ? doc.project.id : doc.project
  if (project !== undefined && project !== null) await refreshProjectCards(req.payload, [project], req)
}
