import type { EmailAdapter, SendEmailOptions } from 'payload'
import nodemailer, { type SendMailOptions } from 'nodemailer'

/** Mails captured instead of sent (development and tests), newest last. */
export type CapturedEmail = Omit<SendEmailOptions, 'from'> & { from: string }

const OUTBOX = Symbol.for('project-pages.captured-emails')
const outbox = (): CapturedEmail[] => {
  const store = globalThis as { [OUTBOX]?: CapturedEmail[] }
  store[OUTBOX] ??= []
  return store[OUTBOX]
}

/** What the CMS would have sent, for tests and for a developer without SMTP. */
export const capturedEmails = (): readonly CapturedEmail[] => outbox()
export const clearCapturedEmails = () => void outbox().splice(0)

/**
 * Mail by SMTP when `SMTP_URL` is set (e.g. `smtps://user:pass@smtp.example.org:465`), sent as
 * `EMAIL_FROM` (default `cms@localhost`). Without it, mails are captured in memory and logged,
 * never sent: development and tests read them with `capturedEmails()`.
 */
export const emailAdapter =
  (env: NodeJS.ProcessEnv = process.env): EmailAdapter =>
  ({ payload }) => {
    const defaultFromAddress = env.EMAIL_FROM || 'cms@localhost'
    const defaultFromName = env.EMAIL_FROM_NAME || 'Project pages'
    const from = `${defaultFromName} <${defaultFromAddress}>`
    if (env.SMTP_URL) {
      const transport = nodemailer.createTransport(env.SMTP_URL)
      return {
        name: 'smtp',
        defaultFromAddress,
        defaultFromName,
        sendEmail: (message) => transport.sendMail({ from, ...message } as SendMailOptions),
      }
    }
    return {
      name: 'capture',
      defaultFromAddress,
      defaultFromName,
      sendEmail: async (message) => {
        outbox().push({ ...message, from })
        payload.logger.info(`Email captured (SMTP_URL is not set): to ${String(message.to)}: ${message.subject}`)
        return { captured: true }
      },
    }
  }
