import { randomUUID } from 'node:crypto'

import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import type { Locale } from '../domain/locales'
import { isPublishedRow } from '../hooks/publishedRow'
import { projectPath } from '../site/urls'
import { DELIVER_WEBHOOK, WEBHOOKS_QUEUE, webhookSettings } from './deliverWebhook'

type ProjectEvent = 'project.published' | 'project.unpublished'

/** Queues one signed delivery per configured URL, in the write's transaction: no event for a write that failed. */
const queueEvent = async (req: PayloadRequest, event: ProjectEvent, doc: Record<string, any>) => {
  const { urls } = webhookSettings()
  if (urls.length === 0) return
  const locales: Locale[] = doc.translatedLocales ?? []
  const id = randomUUID()
  const body = JSON.stringify({
    id,
    event,
    at: new Date().toISOString(),
    project: { id: doc.id, slug: doc.slug, projectId: doc.projectId ?? null, locales },
    // The site's own paths that changed, for a front end that mirrors them.
    paths: locales.map((locale) => projectPath(locale, doc.slug)),
  })
  for (const url of urls) {
    await req.payload.jobs.queue({ task: DELIVER_WEBHOOK, queue: WEBHOOKS_QUEUE, input: { url, event, id, body }, req })
  }
}

/** Is the project's public page live right now (its main document published)? */
const isLive = (req: PayloadRequest, id: number | string) => isPublishedRow(req, 'projects', id)

const wasLiveKey = (id: number | string) => `webhooks:was-live:${id}`

/** Notes whether the page was live before this write (a draft save's "previous" document is the last draft). */
export const rememberWhetherLive: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation === 'update' && originalDoc?.id !== undefined && webhookSettings().urls.length) {
    req.context[wasLiveKey(originalDoc.id)] = await isLive(req, originalDoc.id)
  }
  return data
}

/**
 * Tells the configured front ends (WEBHOOK_URLS) when a project's public page changes: published
 * (first time or with approved edits) or unpublished. Draft saves change nothing public and send
 * nothing.
 */
export const notifyFrontEnds: CollectionAfterChangeHook = async ({ doc, req }) => {
  const wasLive = req.context[wasLiveKey(doc.id)] === true
  delete req.context[wasLiveKey(doc.id)]
  if (doc._status === 'published') await queueEvent(req, 'project.published', doc)
  else if (wasLive && !(await isLive(req, doc.id))) await queueEvent(req, 'project.unpublished', doc)
  return doc
}

export const notifyFrontEndsOnDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (doc._status === 'published') await queueEvent(req, 'project.unpublished', doc)
  return doc
}
