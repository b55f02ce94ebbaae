import config from '@payload-config'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { print } from 'graphql'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rememberingParse } from '../src/graphql/handler'
import { createApi, startApp } from './helpers/api'
import { seedStates, validProject } from './helpers/fixtures'
import { createUser, TEST_PASSWORD } from './helpers/payload'

/**
 * `POST /api/graphql` is the app's own route (src/graphql/handler.ts): Payload's, reading the body
 * once and remembering the documents it parsed and found valid. Every answer, first time and
 * again, is Payload's own route's answer to the same request: data, errors and their shapes,
 * statuses, cookies.
 */
let payload: Payload
let api: ReturnType<typeof createApi>
let editorToken: string
let editorEmail: string
const payloadPost = GRAPHQL_POST(config)

type Call = { body: string; token?: string; contentType?: string }

const requestFor = ({ body, token, contentType = 'application/json' }: Call) => {
  const headers = new Headers({ 'Content-Type': contentType, 'Accept-Language': 'en' })
  if (token) headers.set('Authorization', `JWT ${token}`)
  return new Request('http://localhost:3000/api/graphql', { method: 'POST', headers, body })
}

const answerOf = async (response: Response) => ({
  status: response.status,
  contentType: response.headers.get('content-type'),
  // A login's cookie carries a fresh token each time: its name and attributes are compared.
  cookie: response.headers.get('set-cookie')?.replace(/=[^;]*/, '=…').replace(/Expires=[^;]*/, 'Expires=…') ?? null,
  body: (await response.text()).replace(/"(token|exp)":("[^"]*"|\d+)/g, '"$1":…'),
})

const appRoute = async () => (await import('../src/app/(payload)/api/graphql/route')).POST

/** The app's answer, twice (the second from a remembered validation), and Payload's. */
const bothAnswers = async (call: Call) => {
  const post = await appRoute()
  const first = await answerOf(await post(requestFor(call)))
  const again = await answerOf(await post(requestFor(call)))
  const reference = await answerOf(await payloadPost(requestFor(call)))
  return { first, again, reference }
}

const query = (text: string, variables?: Record<string, unknown>) => JSON.stringify({ query: text, variables })
const TWO_OPERATIONS = 'query Titles { Projects(locale: en) { docs { title } } } query Slugs { Projects(locale: en) { docs { slug } } }'

beforeAll(async () => {
  ;({ payload, api } = await startApp())
  const states = await seedStates(payload, ['KE'])
  await payload.create({ collection: 'projects', data: validProject(states.KE!, { title: 'GraphQL route project', _status: 'published', reviewStatus: 'approved' }) as any })
  const editor = await createUser(payload, ['editor'])
  editorEmail = editor.email
  editorToken = await api.login(editor.email)
})

afterAll(async () => {
  await payload?.destroy()
})

describe('the GraphQL route answers as Payload’s does', () => {
  const cases: [string, () => Call][] = [
    ['a public list', () => ({ body: query('{ Projects(locale: en) { totalDocs docs { title slug memberStates { name } } } }') })],
    ['the same list with variables', () => ({ body: query('query List($limit: Int) { Projects(limit: $limit, locale: en) { docs { title } } }', { limit: 1 }) })],
    ['a field the schema does not have', () => ({ body: query('{ Projects { docs { title nonsense } } }') })],
    ['a query deeper than the depth limit', () => ({ body: query('{ Projects { docs { relatedProjects { relatedProjects { relatedProjects { relatedProjects { relatedProjects { relatedProjects { relatedProjects { relatedProjects { relatedProjects { relatedProjects { relatedProjects { title } } } } } } } } } } } } } }') })],
    ['a syntax error', () => ({ body: query('{ Projects { docs { title } ') })],
    ['a body of another type', () => ({ body: '{ Projects { docs { title } } }', contentType: 'text/plain' })],
    ['JSON in another charset', () => ({ body: query('{ Projects { docs { title } } }'), contentType: 'application/json; charset=utf-16' })],
    // Payload reads no body of this type, and graphql-http reads it as JSON.
    ['JSON under a type in capitals', () => ({ body: query('{ Projects(locale: en) { docs { title } } }'), contentType: 'Application/JSON' })],
    // The same document (parsed once, remembered) with each of its operations.
    ['the first of two operations, chosen by name', () => ({ body: JSON.stringify({ query: TWO_OPERATIONS, operationName: 'Titles' }) })],
    ['the second of two operations, chosen by name', () => ({ body: JSON.stringify({ query: TWO_OPERATIONS, operationName: 'Slugs' }) })],
    ['two operations, none chosen', () => ({ body: JSON.stringify({ query: TWO_OPERATIONS }) })],
    ['a write refused to an anonymous caller', () => ({ body: query('mutation { createOutcome(data: { statement: "x", project: 1 }) { id } }') })],
    ['a save refused by a rule, with the field named', () => ({ body: query('mutation { createProject(draft: true, data: { title: "Bad ID", projectId: "nonsense" }) { id } }'), token: editorToken })],
    ['a variable of the wrong type', () => ({ body: query('query List($limit: Int) { Projects(limit: $limit) { docs { title } } }', { limit: 'ten' }) })],
    ['a required variable not given', () => ({ body: query('query One($id: Int!) { Project(id: $id) { title } }') })],
    ['a signed-in read', () => ({ body: query('{ meUser { user { email roles } } }'), token: editorToken })],
    ['a login, which sets a cookie', () => ({ body: query(`mutation { loginUser(email: "${editorEmail}", password: "${TEST_PASSWORD}") { user { email } } }`) })],
  ]

  it.each(cases)('%s', async (_name, call) => {
    const { first, again, reference } = await bothAnswers(call())
    expect(first).toEqual(reference)
    expect(again).toEqual(reference)
  })

  it('answers a body that is not JSON with a 400 naming the problem (Payload’s route throws)', async () => {
    const post = await appRoute()
    const response = await post(requestFor({ body: '{ not json' }))
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ errors: [{ message: 'Invalid JSON' }] })
    await expect(payloadPost(requestFor({ body: '{ not json' }))).rejects.toThrow('Invalid JSON')
  })

  it('gives the data of a valid query, and refuses an invalid one every time it comes', async () => {
    const list = await api.graphql('{ Projects(locale: en) { docs { title } } }')
    expect(list.body.data.Projects.docs.map((doc: { title: string }) => doc.title)).toContain('GraphQL route project')
    for (let n = 0; n < 3; n++) {
      const invalid = await api.graphql('{ Projects(locale: en) { docs { title nonsense } } }')
      expect(invalid.body.errors[0].message).toMatch(/Cannot query field "nonsense"/)
    }
  })
})

describe('a document found valid is remembered with its variables', () => {
  // Fifty-one relations cost 510 each: over Payload's maximum complexity (1000) only when both
  // branches are included, which the variables decide.
  const relations = (prefix: string) => Array.from({ length: 51 }, (_, n) => `${prefix}${n}: memberStates { id }`).join(' ')
  const text = `query Heavy($both: Boolean!) { Projects { docs { ${relations('a')} ... @include(if: $both) { ${relations('b')} } } } }`

  it('refuses the same query when other variables make it too complex', async () => {
    const light = await bothAnswers({ body: query(text, { both: false }) })
    expect(light.first.body).toContain('"docs"')
    expect(light.again).toEqual(light.reference)
    const heavy = await bothAnswers({ body: query(text, { both: true }) })
    expect(heavy.first.body).toMatch(/exceeds the maximum complexity/)
    expect(heavy.first).toEqual(heavy.reference)
    expect(heavy.again).toEqual(heavy.reference)
  })
})

describe('parsed documents are remembered within a bound', () => {
  it('serves a document again from memory, and forgets the oldest past the bound', () => {
    const parse = rememberingParse(200)
    const texts = Array.from({ length: 5 }, (_, n) => `{ Projects(limit: ${n + 1}) { docs { title slug summary status projectType } } }`)
    const first = parse(texts[0]!)
    expect(parse(texts[0]!)).toBe(first)
    expect(print(first)).toContain('limit: 1')
    // Five documents of 73 characters each: only the last two fit under 200.
    const documents = texts.map((text) => parse(text))
    expect(parse(texts[0]!)).not.toBe(first)
    expect(parse(texts[4]!)).toBe(documents[4])
    // 4 was used after 0 was parsed again: the next new document pushes out 0, not 4.
    const zero = parse(texts[0]!)
    parse(texts[4]!)
    parse(texts[2]!)
    expect(parse(texts[4]!)).toBe(documents[4])
    expect(parse(texts[0]!)).not.toBe(zero)
    // A syntax error is thrown every time, never remembered.
    expect(() => parse('{ Projects {')).toThrow(/Syntax Error/)
    expect(() => parse('{ Projects {')).toThrow(/Syntax Error/)
  })
})
