import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApi, startApp } from './helpers/api'
import { graphqlErrorPaths, localErrorPaths, restErrorPaths, snapshotCounts } from './helpers/expectations'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser } from './helpers/payload'

let payload: Payload
let api: ReturnType<typeof createApi>
let admin: any
let adminToken: string
let editorToken: string
let states: Record<string, number | string>

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  states = await seedStates(payload, ['LS', 'ZA', 'BW', 'FR', 'MX', 'CI'])
  admin = await createUser(payload, ['admin'])
  adminToken = await api.login(admin.email)
  editorToken = await api.login((await createUser(payload, ['editor'])).email)
})
afterAll(async () => {
  await payload?.destroy()
})

describe('Member States', () => {
  it('take real ISO 3166-1 codes that agree with each other, stored upper-case', async () => {
    const created = await api.rest('POST', '/member-states?locale=en', {
      body: { name: 'Namibia', iso2: 'na', iso3: ' nam ', membership: 'member', idfRegion: 'africa', idfEligible: true },
      token: adminToken,
    })
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ iso2: 'NA', iso3: 'NAM', slug: 'namibia', membership: 'member' })
  })

  it('refuse codes that are not ISO, that disagree, or that are taken, naming the field', async () => {
    const before = await snapshotCounts(payload)
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'Nowhere', iso2: 'ZZ', iso3: 'ZZZ' }, 'iso2'],
      [{ name: 'Kosovo', iso2: 'XK', iso3: 'XKX' }, 'iso2'],
      [{ name: 'Kenya', iso2: 'KE', iso3: 'KEX' }, 'iso3'],
      [{ name: 'Kenya', iso2: 'KE', iso3: 'KEN1' }, 'iso3'],
      [{ name: 'Kenya', iso2: 'KE', iso3: 'TZA' }, 'iso3'],
      [{ name: 'Lesotho again', iso2: 'LS', iso3: 'LSO' }, 'iso2'],
      [{ name: 'Kenya', iso2: 'KE', iso3: 'KEN', memberSince: 1900 }, 'memberSince'],
      [{ name: 'Kenya', iso2: 'KE', iso3: 'KEN', membership: 'friend' }, 'membership'],
      [{ name: 'Kenya', iso2: 'KE', iso3: 'KEN', idfRegion: 'antarctica' }, 'idfRegion'],
      [{ iso2: 'KE', iso3: 'KEN' }, 'name'],
    ]
    for (const [body, path] of cases) {
      const rest = await api.rest('POST', '/member-states', { body, token: adminToken })
      expect(rest.status, JSON.stringify(body)).toBe(400)
      expect(restErrorPaths(rest), JSON.stringify(body)).toContain(path)
    }
    const mismatch = await api.rest('POST', '/member-states', { body: { name: 'Kenya', iso2: 'KE', iso3: 'TZA' }, token: adminToken })
    expect(mismatch.body.errors[0].data.errors[0].message).toBe('ISO codes disagree: the alpha-3 code of KE is KEN, not TZA.')
    const graphql = await api.graphql(`mutation { createMemberState(data: { name: "Kenya", iso2: "KE", iso3: "KENX", membership: member }) { id } }`, {}, { token: adminToken })
    expect(graphqlErrorPaths(graphql)).toEqual(['iso3'])
    const local = await localErrorPaths(() =>
      payload.create({ collection: 'member-states', data: { name: 'Kenya', iso2: 'KEN', iso3: 'KEN' } as any, overrideAccess: false, user: admin }),
    )
    expect(local).toEqual(['iso2'])
    expect(await snapshotCounts(payload)).toEqual(before)
  })

  it('have names in English, French and Spanish', async () => {
    const read = async (locale: string) => (await api.rest('GET', `/member-states/${states.ZA}?locale=${locale}`)).body.name
    expect([await read('en'), await read('fr'), await read('es')]).toEqual(['South Africa', 'Afrique du Sud', 'Sudáfrica'])
  })

  it('list the projects that benefit them (a join)', async () => {
    const project = await payload.create({
      collection: 'projects',
      data: validProject(states.LS!, { coverage: 'regional', memberStates: [states.LS, states.BW], _status: 'published' }) as any,
    })
    const rest = await api.rest('GET', `/member-states/${states.BW}?depth=1`)
    expect(rest.body.projects.docs.map((doc: any) => doc.id)).toEqual([project.id])
    const graphql = await api.graphql(`{ MemberState(id: ${JSON.stringify(states.LS)}) { iso3 projects { docs { projectId } } } }`)
    expect(graphql.body.data.MemberState).toEqual({ iso3: 'LSO', projects: { docs: [{ projectId: project.projectId }] } })
  })

  it('cannot be deleted while a project names them; the refusal names the projects', async () => {
    const project = await payload.create({
      collection: 'projects',
      locale: 'fr',
      data: validProject(states.ZA!, { title: 'Projet sud-africain', _status: 'published' }) as any,
    })
    const refused = await api.rest('DELETE', `/member-states/${states.ZA}`, { token: adminToken })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toBe(
      `South Africa cannot be deleted: it is a benefiting Member State of 1 project(s): ${project.projectId} Projet sud-africain.`,
    )
    const french = await api.rest('DELETE', `/member-states/${states.ZA}`, { token: adminToken, language: 'fr' })
    expect(french.body.errors[0].message).toMatch(/^Afrique du Sud ne peut pas être supprimé/)
    const graphql = await api.graphql(`mutation { deleteMemberState(id: ${JSON.stringify(states.ZA)}) { id } }`, {}, { token: adminToken })
    expect(graphql.body.errors[0].message).toMatch(/cannot be deleted/)
    await expect(payload.delete({ collection: 'member-states', id: states.ZA! })).rejects.toThrow(/Projet sud-africain/)
    expect(await payload.findByID({ collection: 'member-states', id: states.ZA! })).toBeTruthy()

    // A state named only in a draft (not in the published version) counts too.
    await payload.update({ collection: 'projects', id: project.id, draft: true, data: { memberStates: [states.FR] } as any })
    const namedInDraft = await api.rest('DELETE', `/member-states/${states.FR}`, { token: adminToken })
    expect(namedInDraft.status).toBe(409)
    expect(namedInDraft.body.errors[0].message).toMatch(/^France cannot be deleted/)
  })

  it('can be deleted by an admin once no project names them', async () => {
    const kenya = await payload.create({ collection: 'member-states', data: { name: 'Kenya', iso2: 'KE', iso3: 'KEN' } as any })
    const gone = await api.rest('DELETE', `/member-states/${kenya.id}`, { token: adminToken })
    expect(gone.status).toBe(200)
    expect((await payload.find({ collection: 'member-states', where: { iso2: { equals: 'KE' } } })).totalDocs).toBe(0)
  })

  it('are read by anyone and changed only by admins', async () => {
    const anonymous = await api.rest('GET', '/member-states?limit=1')
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.totalDocs).toBeGreaterThan(0)
    const editorCreate = await api.rest('POST', '/member-states', { body: { name: 'Kenya', iso2: 'KE', iso3: 'KEN' }, token: editorToken })
    expect(editorCreate.status).toBe(403)
    const editorUpdate = await api.rest('PATCH', `/member-states/${states.LS}`, { body: { idfEligible: false }, token: editorToken })
    expect(editorUpdate.status).toBe(403)
    const anonymousDelete = await api.rest('DELETE', `/member-states/${states.BW}`)
    expect(anonymousDelete.status).toBe(403)
    expect((await payload.findByID({ collection: 'member-states', id: states.LS! })).idfEligible).toBe(true)
  })

  it('carry a picker label with every name and the ISO code, kept up to date', async () => {
    const mexico = await payload.findByID({ collection: 'member-states', id: states.MX!, depth: 0 })
    expect(mexico.pickerLabel).toBe('Mexico · Mexique · México (MX)')
    await payload.update({ collection: 'member-states', id: states.MX!, locale: 'es', data: { name: 'Estados Unidos Mexicanos' } })
    expect((await payload.findByID({ collection: 'member-states', id: states.MX!, depth: 0 })).pickerLabel).toBe('Mexico · Mexique · Estados Unidos Mexicanos (MX)')
    await payload.update({ collection: 'member-states', id: states.MX!, locale: 'es', data: { name: 'México' } })
  })

  it('are found by a name in any language, accents ignored, or by ISO code, in the admin’s language', async () => {
    const search = async (text: string, locale = 'en') =>
      (await api.rest('GET', `/member-states?locale=${locale}&depth=0&where[name][like]=${encodeURIComponent(text)}`)).body.docs.map((doc: any) => doc.iso2)
    expect(await search('Mexique')).toEqual(['MX'])
    expect(await search('mexico', 'fr')).toEqual(['MX'])
    expect(await search('MX', 'es')).toEqual(['MX'])
    expect(await search('MEX')).toEqual(['MX'])
    expect(await search('cote d ivoire')).toEqual(['CI'])
    expect(await search('Atlantis')).toEqual([])
    // The picker's own query: the label, with the States already chosen left out.
    const picker = await api.rest('GET', `/member-states?locale=fr&depth=0&where[and][0][id][not_in][0]=${states.LS}&where[and][1][pickerLabel][like]=Mexique`)
    expect(picker.body.docs.map((doc: any) => [doc.iso2, doc.name])).toEqual([['MX', 'Mexique']])
  })
})
