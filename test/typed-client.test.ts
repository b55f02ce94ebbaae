import type { PaginatedDocs, Payload, Where } from 'payload'
import { stringify } from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Config, MemberState, Outcome, Project } from '../src/payload-types'
import { startApp } from './helpers/api'
import { seedStates, validProject } from './helpers/fixtures'

/**
 * A front end's typed client, built from the generated types (`Config` maps each collection to its
 * document type), against the app's real route handlers. `npm run typecheck` compiles this file,
 * so a change to the content model that breaks what a front end reads fails CI; the assertions
 * check the real answers. (docs/api.md shows the same with Payload's REST SDK, which is typed the
 * same way; it is not a dependency here because its releases lag Payload's.)
 */
type Collections = Config['collections']
type FindArgs = { locale?: 'en' | 'fr' | 'es'; depth?: number; limit?: number; where?: Where }

const typedClient = (call: (path: string) => Promise<Response>) => ({
  find: async <Slug extends keyof Collections>(collection: Slug, args: FindArgs = {}): Promise<PaginatedDocs<Collections[Slug]>> =>
    (await call(`/${String(collection)}?${stringify(args)}`)).json(),
  count: async <Slug extends keyof Collections>(collection: Slug, where?: Where): Promise<{ totalDocs: number }> =>
    (await call(`/${String(collection)}/count?${stringify({ where })}`)).json(),
})

let payload: Payload
let sdk: ReturnType<typeof typedClient>

beforeAll(async () => {
  ;({ payload } = await startApp())
  const route = await import('../src/app/(payload)/api/[...slug]/route')
  sdk = typedClient((path) => {
    const [slugs = '', search] = path.slice(1).split('?')
    const request = new Request(`http://localhost:3000/api/${slugs}${search ? `?${search}` : ''}`)
    return route.GET(request, { params: Promise.resolve({ slug: slugs.split('/') }) })
  })
  const states = await seedStates(payload, ['BF', 'ML'])
  const project = await payload.create({
    collection: 'projects',
    locale: 'fr',
    data: validProject(states.BF!, { title: 'Projet typé', coverage: 'regional', memberStates: [states.BF, states.ML], _status: 'published', reviewStatus: 'approved' }) as any,
  })
  for (const statement of ['Premier effet.', 'Second effet.']) {
    await payload.create({ collection: 'outcomes', locale: 'fr', data: { project: project.id, statement, _status: 'published' } as any })
  }
})
afterAll(async () => {
  await payload?.destroy()
})

/** What a project page needs, as a front end would type it. */
type PageData = { title: string; status: string | null; states: Pick<MemberState, 'iso2' | 'name'>[]; outcomes: Pick<Outcome, 'numeral' | 'statement'>[] }

const toPage = (project: Project): PageData => ({
  title: project.title ?? '',
  status: project.labels?.status ?? null,
  states: (project.memberStates ?? []).filter((state): state is MemberState => typeof state === 'object').map(({ iso2, name }) => ({ iso2, name })),
  outcomes: (project.outcomes?.docs ?? []).filter((outcome): outcome is Outcome => typeof outcome === 'object').map(({ numeral, statement }) => ({ numeral, statement })),
})

describe('a typed client built from the generated types', () => {
  it('reads a whole project page in one request, in the shapes the types promise', async () => {
    const { docs, totalDocs } = await sdk.find('projects', { locale: 'fr', depth: 1, limit: 1, where: { slug: { equals: 'projet-type' } } })
    expect(totalDocs).toBe(1)
    expect(toPage(docs[0]!)).toEqual({
      title: 'Projet typé',
      status: 'Actif',
      states: [
        { iso2: 'BF', name: 'Burkina Faso' },
        { iso2: 'ML', name: 'Mali' },
      ],
      outcomes: [
        { numeral: 'i', statement: 'Premier effet.' },
        { numeral: 'ii', statement: 'Second effet.' },
      ],
    })
  })

  it('reads Member States and counts through the same client', async () => {
    const mali = await sdk.find('member-states', { locale: 'es', where: { iso2: { equals: 'ML' } }, limit: 1 })
    expect(mali.docs[0]?.name).toBe('Malí')
    expect((await sdk.count('projects')).totalDocs).toBe(1)
  })
})
