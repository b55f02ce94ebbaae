import { createHash } from 'node:crypto'

import type { Payload, PayloadRequest, Where } from 'payload'
import { commitTransaction, createLocalReq, killTransaction } from 'payload'

import { lockPublicContentWrites, startTransaction } from '../database'
import { bumpContentVersion } from '../site/contentVersion'
import { fold } from '../domain/fold'
import { configuredProjectTypes, COVERAGES, IDF_REGIONS, PROJECT_STATUSES } from '../domain/vocabularies'
import { LOCALES, type Locale } from '../domain/locales'
import { markPublicChange } from './publicChange'
import { changedKeys, FILTER_COLUMNS_SELECT, type FilterColumns, storeFacets } from './storedFacets'
import { insertRows, readingRequest } from './writeRows'

/**
 * What a list card shows, as `GET /api/projects?select=…&depth=1` answers it: no rich text, Member
 * States by name and code, coded values spelled out (`labels`). Changing it changes rowsShape,
 * and the rows are rebuilt at the next start.
 */
export const CARD_SELECT = {
  title: true,
  slug: true,
  summary: true,
  projectId: true,
  primaId: true,
  status: true,
  projectType: true,
  idfRegion: true,
  coverage: true,
  startYear: true,
  endYear: true,
  budgetUSD: true,
  memberStates: true,
  translatedLocales: true,
  labels: true,
} as const

const COLLECTION = 'project-cards' as const
/**
 * Bump when the way cards and pages are built or stored changes: rows of another shape are rebuilt.
 * 5: related projects as cards (the collection's defaultPopulate), unpublished ones left out, the
 * outcomes of unpublished pages hidden. 6: the project's creation date, for the generic list's order.
 * 7: its last update and its title as written in each locale, for the generic list's title search.
 */
const ROWS_VERSION = 7

/**
 * What the stored rows depend on besides the content: how they are built (ROWS_VERSION, the card's
 * fields) and the fields of the collections a page shows, with their access and the coded
 * values' labels. An upgrade that adds a field or makes one staff-only, or a host that relabels a project
 * type, changes it, and the next start rebuilds every row (see ensureProjectCards).
 */
export const rowsShape = (payload: Payload): string => {
  const fields = (['projects', 'outcomes', 'member-states'] as const).map((slug) => (payload.collections[slug]?.config.fields ?? []).map(fieldShape))
  // The coded values' labels, on the cards (`labels`) and in the stored filter panels.
  const vocabularies = [configuredProjectTypes(payload.config), PROJECT_STATUSES, IDF_REGIONS, COVERAGES]
  return createHash('sha256').update(JSON.stringify([ROWS_VERSION, Object.keys(CARD_SELECT), fields, vocabularies])).digest('hex').slice(0, 16)
}

/** What of a field's config changes what a page holds: its name, kind, languages, who may read it, its children. */
const fieldShape = (field: any): unknown => ({
  name: field.name,
  type: field.type,
  localized: field.localized,
  hasMany: field.hasMany,
  virtual: field.virtual,
  hidden: field.hidden,
  relationTo: field.relationTo,
  read: typeof field.access?.read === 'function',
  options: field.options?.map((option: any) => (typeof option === 'object' ? option.value : option)),
  fields: field.fields?.map(fieldShape),
  tabs: field.tabs?.map((tab: any) => ({ name: tab.name, fields: tab.fields?.map(fieldShape) })),
})

const SHAPE_KEY = 'project-cards:shape'
const BATCH = 100

type Page = Record<string, any> & { id: number | string }

/**
 * The card of a page: its ID and the CARD_SELECT fields it has, in the page's order (as `select`
 * leaves them: the generic list answered from the read model is Payload's answer byte for byte).
 */
const cardOf = (page: Page): Page => {
  const card: Page = { id: page.id }
  for (const field of Object.keys(page)) if (field in CARD_SELECT) card[field] = page[field]
  return card
}

/**
 * The row of one project in one locale: the columns the list filters, sorts and searches on, the
 * card, and the whole page.
 */
const rowOf = (page: Page, locale: Locale, ownTitle: string | null) => {
  const card = cardOf(page)
  return {
    project: String(card.id),
    locale,
    slug: card.slug,
    title: card.title ?? null,
    status: card.status ?? null,
    projectType: card.projectType ?? null,
    idfRegion: card.idfRegion ?? null,
    coverage: card.coverage ?? null,
    startYear: card.startYear ?? null,
    endYear: card.endYear ?? null,
    projectCreatedAt: page.createdAt ?? null,
    projectUpdatedAt: page.updatedAt ?? null,
    ownTitle,
    memberStates: `,${(card.memberStates ?? []).map((state: any) => state?.iso2).filter(Boolean).join(',')},`,
    search: fold([card.title, card.projectId, card.primaId, card.summary].filter(Boolean).join(' ')),
    card: JSON.stringify(card),
    page: JSON.stringify(page),
  }
}

type Row = ReturnType<typeof rowOf>

/**
 * The pages of these published projects in `locale`, read exactly as an anonymous front end reads
 * them (`GET /api/projects?where[slug][equals]=…&depth=1`: access enforced, no user), inside
 * `req`'s transaction when there is one. A fresh request: a Local API call with the caller's own
 * would change its locale for the rest of its operation.
 */
const readPages = async (payload: Payload, ids: (number | string)[], locale: Locale, req?: PayloadRequest): Promise<Page[]> => {
  const pageReq = await readingRequest(payload, req, locale)
  const { docs } = await payload.find({
    collection: 'projects',
    where: { id: { in: ids } },
    locale,
    depth: 1,
    pagination: false,
    limit: ids.length,
    overrideAccess: false,
    user: null,
    req: pageReq,
  })
  return docs as unknown as Page[]
}

/**
 * A project's page shows the projects it relates to (populated): their change is its change.
 * Returns `ids` with every project that relates to one of them.
 */
const withReferrers = async (payload: Payload, ids: (number | string)[], req?: PayloadRequest) => {
  const referrers = await projectIdsWhere(payload, { relatedProjects: { in: ids } }, req)
  return [...new Set([...ids.map(String), ...referrers.map(String)])].map((id) => (typeof ids[0] === 'number' ? Number(id) : id))
}

/**
 * Makes the cards and pages of these projects, and of the projects that relate to them, what the
 * public sees now: a published project gets one row per locale, a draft, unpublished or deleted one
 * none. Runs in `req`'s transaction, so a change and its read model are saved together or not at all.
 */
export const refreshProjectCards = (payload: Payload, changed: (number | string)[], req?: PayloadRequest, panels: PanelOptions = {}): Promise<void> => {
  if (!changed.length) return Promise.resolve()
  if (!req) return refreshNow(payload, changed, undefined, panels)
  // One after another within a request: a bulk delete runs its documents' hooks side by side, and
  // two refreshes of one project interleaved (delete, delete, insert, insert) would write its rows
  // twice. A refresh only reads and writes rows, so it never waits on another one from inside.
  const next = (refreshing.get(req) ?? Promise.resolve()).catch(() => undefined).then(() => refreshNow(payload, changed, req, panels))
  refreshing.set(req, next)
  return next
}

const refreshing = new WeakMap<PayloadRequest, Promise<void>>()

/**
 * What to do with the stored filter panels (src/readModel/storedFacets.ts) a refresh changes.
 * `relabel`: a Member State was renamed, and every panel the projects are in names it. `collect`:
 * add their keys to this set instead of storing them (the caller stores them once, after many
 * refreshes in one transaction).
 */
export type PanelOptions = { relabel?: boolean; collect?: Set<string> }

const refreshNow = async (payload: Payload, changed: (number | string)[], req: PayloadRequest | undefined, { relabel = false, collect }: PanelOptions) => {
  if (req) await lockPublicContentWrites(req)
  if (!(await anyPublic(payload, changed, req))) return
  const ids = await withReferrers(payload, changed, req)
  const before = await storedRowsOf(payload, ids, req)
  // Read as the public reads them: an unpublished or deleted project has no page, so no rows.
  const after = await rowsOf(payload, ids, req)
  // Nothing the public sees changed (a draft outcome of a published page, a page relating to one
  // whose change it does not show): the rows, the panels and the site's cached pages stay.
  if (sameRows(before, after)) return
  if (req) markPublicChange(req)
  await payload.db.deleteMany({ collection: COLLECTION, where: { project: { in: ids.map(String) } }, req })
  await insertRows(payload, COLLECTION, after, req)
  // The filter panels these projects were or are counted in, when what they are counted by changed.
  const english = <T extends { locale: string }>(rows: T[]) => rows.filter((row) => row.locale === 'en')
  const keys = changedKeys(english(before), english(after), relabel)
  if (collect) for (const key of keys) collect.add(key)
  else await storeFacets(payload, keys, req)
}

type StoredRow = FilterColumns & { locale: string; card: string; page: string }

/** The rows these projects have now, in every locale, inside `req`'s transaction. */
const storedRowsOf = async (payload: Payload, ids: (number | string)[], req?: PayloadRequest): Promise<StoredRow[]> => {
  const select = { ...FILTER_COLUMNS_SELECT, locale: true, card: true, page: true } as const
  const { docs } = await payload.db.find({ collection: COLLECTION, where: { project: { in: ids.map(String) } }, select, pagination: false, limit: 0, req })
  return docs as unknown as StoredRow[]
}

/** Whether two sets of rows hold the same cards and pages (every other column is read off them). */
const sameRows = (before: StoredRow[], after: Row[]) => {
  if (before.length !== after.length) return false
  const stored = new Map(before.map((row) => [`${row.project}|${row.locale}`, row]))
  return after.every((row) => {
    const was = stored.get(`${row.project}|${row.locale}`)
    return was !== undefined && was.card === row.card && was.page === row.page
  })
}

/**
 * Whether any of these projects is published, or was at the last refresh (it has rows). A draft
 * that never was (an import's, a new page's, or one of its outcomes saved) is on no page and in no
 * panel, and the pages relating to it leave it out (they show published projects only): two
 * indexed counts say so, where looking for those pages reads every project's links.
 */
const anyPublic = async (payload: Payload, ids: (number | string)[], req?: PayloadRequest) => {
  const published = await payload.db.count({ collection: 'projects', where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] }, req })
  if (published.totalDocs > 0) return true
  const rows = await payload.db.count({ collection: COLLECTION, where: { project: { in: ids.map(String) } }, req })
  return rows.totalDocs > 0
}

/** The rows of these published projects in every locale, read as the public reads them. */
const rowsOf = async (payload: Payload, ids: (number | string)[], req?: PayloadRequest) => {
  const titles = await ownTitles(payload, ids, req)
  const rows: Row[] = []
  for (const locale of LOCALES) {
    rows.push(...(await readPages(payload, ids, locale, req)).map((page) => rowOf(page, locale, titles.get(String(page.id))?.[locale] ?? null)))
  }
  return rows
}

/** The published titles of these projects as written in each locale (no fallback), inside `req`'s transaction. */
const ownTitles = async (payload: Payload, ids: (number | string)[], req?: PayloadRequest) => {
  const { docs } = await payload.find({
    collection: 'projects',
    where: { id: { in: ids } },
    locale: 'all',
    select: { title: true },
    depth: 0,
    pagination: false,
    limit: ids.length,
    joins: false,
    req: await readingRequest(payload, req),
  })
  return new Map(docs.map((doc) => [String(doc.id), (doc.title ?? {}) as unknown as Partial<Record<Locale, string | null>>]))
}

const writeRowsOf = async (payload: Payload, ids: (number | string)[], req?: PayloadRequest) => {
  const rows = await rowsOf(payload, ids, req)
  await insertRows(payload, COLLECTION, rows, req)
  return rows
}

/** The IDs of the projects (their published versions) that match `where`, nothing else read. */
export const projectIdsWhere = async (payload: Payload, where: Where, req?: PayloadRequest) => {
  const { docs } = await payload.find({ collection: 'projects', where, select: {}, depth: 0, pagination: false, limit: 0, joins: false, draft: false, req })
  return docs.map((doc) => doc.id)
}

/** Whether the stored rows were built in the current shape (an upgrade's rebuild has run). */
export const rowsInShape = async (payload: Payload): Promise<boolean> =>
  (await payload.kv.get<{ shape: string }>(SHAPE_KEY))?.shape === rowsShape(payload)

/**
 * Whether the cards are those of the published projects in the current shape: as many English
 * cards as published projects, and the shape the cards were built in. Cheap: two counts and a key.
 */
export const cardsInStep = async (payload: Payload): Promise<boolean> => {
  if (!(await rowsInShape(payload))) return false
  const [published, cards] = await Promise.all([
    payload.db.count({ collection: 'projects', where: { _status: { equals: 'published' } } }),
    payload.db.count({ collection: COLLECTION, where: { locale: { equals: 'en' } } }),
  ])
  return published.totalDocs === cards.totalDocs
}

/**
 * Rebuilds every card in one transaction (readers keep the old ones until it commits): after a
 * bulk load that bypassed the hooks, after an upgrade that changed the cards' shape, or when
 * the start finds them out of step. About 20 s at 10,000 projects (SQLite, with planner statistics).
 */
export const rebuildProjectCards = async (payload: Payload, progress?: (done: number, total: number) => void) => {
  const req = await createLocalReq({}, payload)
  const began = await startTransaction(req)
  try {
    await lockPublicContentWrites(req)
    await payload.db.deleteMany({ collection: COLLECTION, where: {}, req })
    const ids = await projectIdsWhere(payload, { _status: { equals: 'published' } }, req)
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH)
      await writeRowsOf(payload, batch, req)
      progress?.(Math.min(start + BATCH, ids.length), ids.length)
    }
    await storeFacets(payload, 'all', req)
    await payload.db.upsert({
      collection: 'payload-kv' as never,
      where: { key: { equals: SHAPE_KEY } },
      data: { key: SHAPE_KEY, data: { shape: rowsShape(payload) } },
      req,
    })
    // A rebuild follows a change that bypassed the hooks (a bulk load, an upgrade): every
    // instance's cached pages are read again.
    await bumpContentVersion(req)
    if (began) await commitTransaction(req)
    return ids.length
  } catch (error) {
    if (began) await killTransaction(req)
    throw error
  }
}

/** Rebuilds the cards when they are not those of the published projects (see cardsInStep). */
export const ensureProjectCards = async (payload: Payload): Promise<number | undefined> =>
  (await cardsInStep(payload)) ? undefined : rebuildProjectCards(payload)
