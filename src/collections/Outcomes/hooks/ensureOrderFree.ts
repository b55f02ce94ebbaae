import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import { FIELD_LABELS } from '../../../domain/fieldLabels'
import { message } from '../../../domain/messages'
import { relationIds } from '../../../domain/relations'
import { isTaken } from '../../../hooks/uniqueness'

/** Two outcomes of one project never share a number, drafts included. */
export const ensureOrderFree: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const [project] = relationIds(data.project)
  if (project === undefined || typeof data.order !== 'number') return data
  const taken = await isTaken({
    collection: 'outcomes',
    where: { and: [{ project: { equals: project } }, { order: { equals: data.order } }] },
    id: originalDoc?.id,
    req,
  })
  if (taken) {
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'order', label: FIELD_LABELS.order, message: message(req, 'outcomeOrderTaken', { value: data.order }) }],
      req,
    })
  }
  return data
}
