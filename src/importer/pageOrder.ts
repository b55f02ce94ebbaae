import { toSlug } from '../hooks/generateSlug'
import type { ProjectReading } from './readProject'

/**
 * What a page claims while it is written, for pages imported at once: each key `exclusive`ly
 * (no other page holding it may run alongside) or `shared` (only an exclusive holder excludes).
 */
export type PageClaims = { exclusive: string[]; shared: string[] }

/** The keys by which a page finds its project (findExisting), each unique among projects. */
export type ProjectKeys = { projectId?: string | null; primaId?: string | null; slug?: string | null }

export const pageKeys = ({ project }: Pick<ProjectReading, 'project'>): ProjectKeys => ({
  projectId: project.projectId,
  primaId: project.primaId,
  slug: project.title && toSlug(project.title),
})

/** A project holding one of a page's keys when the page is queued (projectsHoldingKeys). */
export type KeyHolder = ProjectKeys & { id: number | string }

/**
 * The keys by which two pages may touch the same project or the same value, so that pages
 * imported at once do not race for them:
 *
 * - the page's project ID, Prima ID and title's slug, by which it finds its project
 *   (findExisting): two pages of one project (its English and French pages) would otherwise both
 *   create it. Drafts' IDs are unique by our hooks' check only, which a concurrent transaction
 *   does not see;
 * - the projects that hold any of those keys already (`holders`), with all of their keys: two
 *   pages can find one project by different keys (one by its project ID, the other by its Prima
 *   ID), and a page that changes a project's Prima ID frees the old one for another page;
 * - a slug is made unique with a number (`x`, then `x-2`), so a page whose slug is `x-2` shares
 *   the key `x` with a page whose slug is `x`, which could take `x-2`. Shared, so that `x-2` and
 *   `x-3` still run side by side.
 */
export const pageClaims = (page: Pick<ProjectReading, 'project'>, holders: KeyHolder[] = []): PageClaims => {
  const own = pageKeys(page)
  const numbered = /^(.+)-\d+$/.exec(own.slug ?? '')
  const keysOf = ({ projectId, primaId, slug }: ProjectKeys) => [
    ...(projectId ? [`projectId:${projectId}`] : []),
    ...(primaId ? [`primaId:${primaId}`] : []),
    ...(slug ? [`slug:${slug}`] : []),
  ]
  return {
    exclusive: [...new Set([...keysOf(own), ...holders.flatMap((holder) => [`project:${holder.id}`, ...keysOf(holder)])])],
    shared: numbered ? [`slug:${numbered[1]}`] : [],
  }
}

/** Runs at most `size` tasks at a time, the others waiting in turn. */
export const semaphore = (size: number) => {
  let free = size
  const waiting: (() => void)[] = []
  return {
    use: async <T>(task: () => Promise<T>): Promise<T> => {
      if (free > 0) free--
      else await new Promise<void>((resolve) => waiting.push(resolve))
      try {
        return await task()
      } finally {
        // The slot passes straight to the next in turn, or is freed.
        const next = waiting.shift()
        if (next) next()
        else free++
      }
    },
  }
}

type KeyState = { exclusive?: Promise<unknown>; shared: Promise<unknown>[] }

/**
 * Orders tasks by the keys they claim, in the order they are submitted: a task starts once every
 * earlier task it conflicts with has ended (an exclusive claim conflicts with any claim of its
 * key, a shared one with exclusive claims only). Pages of one project are thus written in file
 * order, as a one-at-a-time import writes them, and unrelated pages run alongside. The order is
 * fixed at submission, so tasks cannot wait on each other in a cycle.
 */
export const claimQueue = () => {
  const keys = new Map<string, KeyState>()
  const stateOf = (key: string) => {
    let state = keys.get(key)
    if (!state) keys.set(key, (state = { shared: [] }))
    return state
  }
  return <T>(claims: PageClaims, task: () => Promise<T>): Promise<T> => {
    const before: Promise<unknown>[] = []
    const exclusive = [...new Set(claims.exclusive)]
    const shared = [...new Set(claims.shared)].filter((key) => !exclusive.includes(key))
    for (const key of exclusive) {
      const state = stateOf(key)
      before.push(...(state.exclusive ? [state.exclusive] : []), ...state.shared)
    }
    for (const key of shared) {
      const held = stateOf(key).exclusive
      if (held) before.push(held)
    }
    // Waits on the earlier tasks' ends, never their failures (a page that fails frees its keys).
    const run = Promise.all(before.map((done) => done.catch(() => undefined))).then(task)
    const done = run.catch(() => undefined)
    for (const key of exclusive) Object.assign(stateOf(key), { exclusive: done, shared: [] })
    for (const key of shared) stateOf(key).shared.push(done)
    // Forgets what has ended, so a long run keeps only the keys of the pages in flight.
    void done.then(() => {
      for (const key of [...exclusive, ...shared]) {
        const state = keys.get(key)
        if (!state) continue
        if (state.exclusive === done) state.exclusive = undefined
        state.shared = state.shared.filter((other) => other !== done)
        if (!state.exclusive && state.shared.length === 0) keys.delete(key)
      }
    })
    return run
  }
}
