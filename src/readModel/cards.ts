import type { Payload, PayloadRequest } from 'payload'
import { commitTransaction, createLocalReq, killTransaction } from 'payload'

import { startTransaction } from '../database'
import { fold } from '../domain/fold'
import { LOCALES, type Locale } from '../domain/locales'

/**
 * What a list card shows, as `GET /api/projects?select=…&depth=1` answers it: no rich text, Member
 * States by name and code, coded values spelled out (`labels`). Changing it changes CARDS_SHAPE,
 * and the cards are rebuilt at the next start.
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
/** Bump when a card's content or the way it is stored changes: cards of an older shape are rebuilt. */
const CARDS_SHAPE = `2:${Object.keys(CARD_SELECT).join(',')}`
const SHAPE_KEY = 'project-cards:shape'
const BATCH = 100

type Card = Record<string, any> & { id: number | string }

/** The row of one card: the columns the list filters, sorts and searches on, and the card. */
const rowOf = (card: Card, locale: Locale) => ({
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
  memberStates: `,${(card.memberStates ?? []).map((state: any) => state?.iso2).filter(Boolean).join(',')},`,
  search: fold([card.title, card.projectId, card.primaId, card.summary].filter(Boolean).join(' ')),
  card: JSON.stringify(card),
})

type Row = ReturnType<typeof rowOf>

/**
 * Writes card rows in `req`'s transaction: in bulk on SQL databases (one INSERT per hundred rows;
 * a rebuild at 10,000 projects went from 29 s to 15 s), one by one through the adapter elsewhere.
 */
const insertCards = async (payload: Payload, rows: Row[], req?: PayloadRequest) => {
  if (!rows.length) return
  if (payload.db.name === 'sqlite' || payload.db.name === 'postgres') {
    const adapter = payload.db as unknown as { drizzle: any; sessions: Record<string, { db: any }>; tables: Record<string, any>; tableNameMap: Map<string, string> }
    const id = req?.transactionID ? await req.transactionID : undefined
    const db = (id !== undefined && id !== null && adapter.sessions[String(id)]?.db) || adapter.drizzle
    const table = adapter.tables[adapter.tableNameMap.get('project_cards') ?? 'project_cards']
    for (let start = 0; start < rows.length; start += 100) await db.insert(table).values(rows.slice(start, start + 100))
    return
  }
  for (const row of rows) await payload.db.create({ collection: COLLECTION, data: row, req })
}

/**
 * The cards of these published projects in `locale`, read exactly as an anonymous front end reads
 * them (access enforced, no user), inside `req`'s transaction when there is one. A fresh request:
 * a Local API call with the caller's own would change its locale for the rest of its operation.
 */
const readCards = async (payload: Payload, ids: (number | string)[], locale: Locale, req?: PayloadRequest): Promise<Card[]> => {
  const cardReq = await createLocalReq({ locale, context: {} }, payload)
  if (req?.transactionID) cardReq.transactionID = req.transactionID
  const { docs } = await payload.find({
    collection: 'projects',
    where: { id: { in: ids } },
    locale,
    depth: 1,
    select: CARD_SELECT,
    pagination: false,
    limit: ids.length,
    joins: false,
    overrideAccess: false,
    user: null,
    req: cardReq,
  })
  return docs as unknown as Card[]
}

/**
 * Makes the cards of these projects what the public sees now: a published project gets one card
 * per locale, a draft, unpublished or deleted one none. Runs in `req`'s transaction, so a change
 * and its cards are saved together or not at all.
 */
export const refreshProjectCards = async (payload: Payload, ids: (number | string)[], req?: PayloadRequest) => {
  if (!ids.length) return
  await payload.db.deleteMany({ collection: COLLECTION, where: { project: { in: ids.map(String) } }, req })
  // A draft that was never published (an import's, a new page's) has nothing to read: one count.
  const published = await payload.db.count({ collection: 'projects', where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] }, req })
  if (published.totalDocs > 0) await writeCardsOf(payload, ids, req)
}

const writeCardsOf = async (payload: Payload, ids: (number | string)[], req?: PayloadRequest) => {
  const rows: Row[] = []
  for (const locale of LOCALES) rows.push(...(await readCards(payload, ids, locale, req)).map((card) => rowOf(card, locale)))
  await insertCards(payload, rows, req)
}

/** Every published project's ID (the cards' projects, when they are in step). */
const publishedProjectIds = async (payload: Payload, req?: PayloadRequest) => {
  const { docs } = await payload.find({
    collection: 'projects',
    where: { _status: { equals: 'published' } },
    select: {},
    depth: 0,
    pagination: false,
    limit: 0,
    joins: false,
    req,
  })
  return docs.map((doc) => doc.id)
}

/**
 * Whether the cards are those of the published projects in the current shape: as many English
 * cards as published projects, and the shape the cards were built in. Cheap: two counts and a key.
 */
export const cardsInStep = async (payload: Payload): Promise<boolean> => {
  const shape = await payload.kv.get<{ shape: string }>(SHAPE_KEY)
  if (shape?.shape !== CARDS_SHAPE) return false
  const [published, cards] = await Promise.all([
    payload.db.count({ collection: 'projects', where: { _status: { equals: 'published' } } }),
    payload.db.count({ collection: COLLECTION, where: { locale: { equals: 'en' } } }),
  ])
  return published.totalDocs === cards.totalDocs
}

/**
 * Rebuilds every card in one transaction (readers keep the old ones until it commits): after a
 * bulk load that bypassed the hooks, after an upgrade that changed the cards' shape, or when
 * the start finds them out of step. About 10 s at 10,000 projects (SQLite, with planner statistics).
 */
export const rebuildProjectCards = async (payload: Payload, progress?: (done: number, total: number) => void) => {
  const req = await createLocalReq({}, payload)
  const began = await startTransaction(req)
  try {
    await payload.db.deleteMany({ collection: COLLECTION, where: {}, req })
    const ids = await publishedProjectIds(payload, req)
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH)
      await writeCardsOf(payload, batch, req)
      progress?.(Math.min(start + BATCH, ids.length), ids.length)
    }
    await payload.db.upsert({
      collection: 'payload-kv' as never,
      where: { key: { equals: SHAPE_KEY } },
      data: { key: SHAPE_KEY, data: { shape: CARDS_SHAPE } },
      req,
    })
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
