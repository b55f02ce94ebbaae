import { createServer, type Server } from 'node:http'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { verifyWebhook } from '../src/webhooks/signature'
import { seedStates, validProject } from './helpers/fixtures'
import { startPayload } from './helpers/payload'

/** Front ends are told, signed and with retries, when a public page changes: published or unpublished. */
const SECRET = 'test-webhook-secret'
type Delivery = { headers: Record<string, string | string[] | undefined>; body: string; answered: number }
const deliveries: Delivery[] = []
let failuresToGo = 0
let receiver: Server
let payload: Payload
let states: Record<string, number | string>

/** Runs the webhooks queue until nothing is left to try (each retry waits its backoff). */
const drainWebhooks = async () => {
  for (let round = 0; round < 150; round++) {
    await payload.jobs.run({ queue: 'webhooks' })
    const { totalDocs } = await payload.count({ collection: 'payload-jobs', where: { and: [{ queue: { equals: 'webhooks' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] } })
    if (totalDocs === 0) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('webhook deliveries still pending')
}

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      const answered = failuresToGo-- > 0 ? 503 : 204
      deliveries.push({ headers: request.headers, body, answered })
      response.writeHead(answered).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  const { port } = receiver.address() as { port: number }
  Object.assign(process.env, { WEBHOOK_URLS: `http://127.0.0.1:${port}/revalidate`, WEBHOOK_SECRET: SECRET, WEBHOOK_RETRY_DELAY_MS: '100' })
  payload = await startPayload()
  states = await seedStates(payload, ['LS'])
})
afterAll(async () => {
  await payload?.destroy()
  receiver?.close()
})

describe('outgoing webhooks', () => {
  it('announce a publication, signed, retried with backoff until the receiver takes it', async () => {
    deliveries.length = 0
    failuresToGo = 2
    const project = await payload.create({ collection: 'projects', locale: 'fr', data: validProject(states.LS!, { title: 'Projet publié', _status: 'published', reviewStatus: 'approved' }) as any })
    await drainWebhooks()
    expect(deliveries.map((delivery) => delivery.answered)).toEqual([503, 503, 204])
    const ids = new Set(deliveries.map((delivery) => delivery.headers['x-webhook-id']))
    expect(ids.size).toBe(1)
    for (const delivery of deliveries) {
      expect(delivery.headers['x-webhook-event']).toBe('project.published')
      expect(verifyWebhook(SECRET, delivery.headers['x-webhook-signature'] as string, delivery.body)).toBe(true)
      expect(verifyWebhook('another-secret', delivery.headers['x-webhook-signature'] as string, delivery.body)).toBe(false)
    }
    expect(JSON.parse(deliveries[0]!.body)).toMatchObject({
      event: 'project.published',
      project: { id: project.id, slug: 'projet-publie', locales: ['fr'] },
      paths: ['/fr/projects/projet-publie'],
    })
    // A tampered body does not pass the signature.
    expect(verifyWebhook(SECRET, deliveries[0]!.headers['x-webhook-signature'] as string, deliveries[0]!.body.replace('projet-publie', 'projet-pirate'))).toBe(false)
  })

  it('send nothing for a draft, and announce an unpublication', async () => {
    const project = await payload.create({ collection: 'projects', locale: 'fr', data: validProject(states.LS!, { title: 'Projet retiré', _status: 'published', reviewStatus: 'approved' }) as any })
    await drainWebhooks()
    deliveries.length = 0
    failuresToGo = 0
    await payload.update({ collection: 'projects', id: project.id, locale: 'fr', draft: true, data: { summary: 'Un brouillon.' } as any })
    await drainWebhooks()
    expect(deliveries).toEqual([])

    await payload.update({ collection: 'projects', id: project.id, data: { _status: 'draft' } as any })
    await drainWebhooks()
    expect(deliveries.map((delivery) => [delivery.headers['x-webhook-event'], JSON.parse(delivery.body).project.slug])).toEqual([['project.unpublished', 'projet-retire']])
  })

  it('give up after six attempts and keep the error on the job', async () => {
    deliveries.length = 0
    failuresToGo = 100
    await payload.create({ collection: 'projects', locale: 'fr', data: validProject(states.LS!, { title: 'Récepteur en panne', _status: 'published', reviewStatus: 'approved' }) as any })
    await drainWebhooks()
    expect(deliveries.length).toBe(7)
    const failed = await payload.find({ collection: 'payload-jobs', where: { and: [{ queue: { equals: 'webhooks' } }, { hasError: { equals: true } }] } })
    expect(failed.totalDocs).toBe(1)
    failuresToGo = 0
  })
})
