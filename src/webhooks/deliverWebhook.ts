import type { TaskConfig } from 'payload'

import { signWebhook } from './signature'

export const DELIVER_WEBHOOK = 'deliverWebhook'
export const WEBHOOKS_QUEUE = 'webhooks'

/** Where deliveries go and how they are signed, read when they are made (so a restart is not needed to test). */
export const webhookSettings = () => ({
  urls: (process.env.WEBHOOK_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean),
  secret: process.env.WEBHOOK_SECRET ?? '',
  retryDelayMs: Number(process.env.WEBHOOK_RETRY_DELAY_MS) || 5000,
})

/**
 * One delivery of an event to one front end: a signed POST, retried with exponential backoff
 * (5 s, 10 s, 20 s… by default) up to six attempts when the receiver fails or does not answer
 * within ten seconds. Every attempt carries the same `X-Webhook-Id`, so a receiver can ignore a
 * delivery it already handled.
 */
export const deliverWebhookTask: TaskConfig<any> = {
  slug: DELIVER_WEBHOOK,
  label: 'Tell a front end that published content changed',
  inputSchema: [
    { name: 'url', type: 'text', required: true },
    { name: 'event', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
    { name: 'body', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'status', type: 'number' }],
  retries: { attempts: 6, backoff: { type: 'exponential', delay: webhookSettings().retryDelayMs } },
  handler: async ({ input }) => {
    const { secret } = webhookSettings()
    const timestamp = Math.floor(Date.now() / 1000)
    const response = await fetch(input.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'iom-project-pages-cms',
        'X-Webhook-Event': input.event,
        'X-Webhook-Id': input.id,
        ...(secret ? { 'X-Webhook-Signature': signWebhook(secret, timestamp, input.body) } : {}),
      },
      body: input.body,
      signal: AbortSignal.timeout(10_000),
    })
    if (!response.ok) throw new Error(`${input.url} answered ${response.status}`)
    return { output: { status: response.status } }
  },
}
