import type { CollectionBeforeValidateHook, CollectionSlug, PayloadRequest, Validate } from 'payload'
import slugify from 'slugify'

import { message } from '../domain/messages'
import { isTaken } from './uniqueness'

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * A URL slug from any title: accents folded ("é" → "e", "œ" → "oe"), apostrophes as word breaks
 * ("d’œuvre" → "d-oeuvre"), everything else that is not a letter or digit dropped.
 */
export const toSlug = (text: string): string =>
  slugify(text.replace(/['’‘`´]/g, ' '), { lower: true, strict: true, trim: true })
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')

// A string only: RegExp.test would read `true` or `["a"]` as text and let them through.
export const validateSlug: Validate<string> = (value, { req }) =>
  value === undefined || value === null || value === '' || (typeof value === 'string' && SLUG_PATTERN.test(value))
    ? true
    : message(req, 'slugFormat')

/** The slug itself when free, else the first free `slug-2`, `slug-3`… */
const firstFreeSlug = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  base: string,
  id?: number | string,
): Promise<string> => {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    if (!(await isTaken({ collection, where: { slug: { equals: candidate } }, id, req }))) return candidate
  }
}

/** A title in the locale being saved, or the first one present when all locales are written at once. */
const titleText = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object') {
    return Object.values(value).find((text): text is string => typeof text === 'string' && text.trim() !== '')
  }
  return undefined
}

/**
 * Fills an empty slug from the document's title field, suffixed with a number on a clash. A slug
 * that is set is only tidied (trimmed, lower-cased): URLs stay stable when a title changes.
 */
export const generateSlug =
  ({ from }: { from: string }): CollectionBeforeValidateHook =>
  async ({ collection, data, originalDoc, req }) => {
    if (!data) return data
    const given = typeof data.slug === 'string' ? data.slug.trim().toLowerCase() : data.slug
    if (given) return { ...data, slug: given }
    if (given === undefined && originalDoc?.slug) return data
    const title = titleText(data[from]) ?? titleText(originalDoc?.[from])
    const base = title ? toSlug(title) : ''
    if (!base) return { ...data, slug: given ?? undefined }
    return { ...data, slug: await firstFreeSlug(req, collection.slug, base, originalDoc?.id) }
  }
