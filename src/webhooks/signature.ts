import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * `X-Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with WEBHOOK_SECRET>`.
 * Signing the timestamp with the body lets a receiver refuse replays of an old delivery.
 */
export const signWebhook = (secret: string, timestamp: number, body: string) =>
  `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`

/** For receivers (and tests): is this signature ours, made at most `toleranceSeconds` ago? */
export const verifyWebhook = (secret: string, header: string | null, body: string, toleranceSeconds = 300, now = Date.now()) => {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=') as [string, string]))
  const timestamp = Number(parts.t)
  if (!Number.isFinite(timestamp) || !parts.v1 || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false
  const expected = Buffer.from(signWebhook(secret, timestamp, body).split('v1=')[1]!, 'hex')
  const given = Buffer.from(parts.v1, 'hex')
  return expected.length === given.length && timingSafeEqual(expected, given)
}
