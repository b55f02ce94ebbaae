import type { ServerProps, Where } from 'payload'

import React from 'react'

import { hasRole } from '../../access'
import { translate } from '../../domain/locales'
import { PROJECT_STATUSES } from '../../domain/vocabularies'
import { REVIEW_STATES } from '../../workflow/states'
import { ReviewStatePill } from '../ReviewStatePill'
import { key } from '../translations'
import { changedLocales } from './changedLocales'

const projectLink = (adminRoute: string, id: number | string) => `${adminRoute}/collections/projects/${id}`

const ago = (iso: string, language: string) => {
  const minutes = Math.round((new Date(iso).getTime() - Date.now()) / 60_000)
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute')
  if (Math.abs(minutes) < 60 * 48) return format.format(Math.round(minutes / 60), 'hour')
  return format.format(Math.round(minutes / (60 * 24)), 'day')
}

const Section = ({ title, children, id }: { title: string; children: React.ReactNode; id: string }) => (
  <section aria-labelledby={id} className={`project-dashboard__section project-dashboard__${id}`} style={{ marginBottom: 'calc(var(--base) * 2)' }}>
    <h2 id={id} style={{ marginBottom: 'var(--base)' }}>{title}</h2>
    {children}
  </section>
)

/**
 * The dashboard's first block: for reviewers, the review queue (oldest submission first, who
 * submitted it and when, which languages changed); for editors, their drafts and what came back
 * with changes requested, with the reviewer's note; for everyone, counts by status and review state.
 */
export const ProjectDashboard = async ({ payload, user, i18n }: ServerProps) => {
  if (!user) return null
  const t = i18n.t as (key: never, vars?: Record<string, unknown>) => string
  const language = i18n.language
  const adminRoute = payload.config.routes.admin
  const access = { user, overrideAccess: false, draft: true, depth: 0, joins: false as const, locale: (i18n.language as never) }
  const reviewer = hasRole(user as never, 'reviewer', 'admin')
  const editor = hasRole(user as never, 'editor', 'admin')

  const count = async (where: Record<string, unknown>) => (await payload.count({ collection: 'projects', where: where as never, user, overrideAccess: false })).totalDocs
  const [statusCounts, reviewCounts] = await Promise.all([
    Promise.all([...PROJECT_STATUSES.map((term) => count({ status: { equals: term.value } })), count({ status: { exists: false } })]),
    Promise.all(REVIEW_STATES.map((term) => count({ reviewStatus: { equals: term.value } }))),
  ])

  let queue: { id: number | string; title: string; submittedAt?: string; submitter: string; locales: string[]; isNew: boolean }[] = []
  if (reviewer) {
    const { docs } = await payload.find({ collection: 'projects', ...access, where: { reviewStatus: { equals: 'in-review' } }, limit: 50, select: { title: true } })
    const { docs: submissions } = await payload.find({
      collection: 'review-events',
      where: { and: [{ project: { in: docs.map((doc) => doc.id) } }, { to: { equals: 'in-review' } }] },
      sort: '-createdAt',
      depth: 0,
      limit: 500,
      user,
      overrideAccess: false,
    })
    queue = await Promise.all(
      docs.map(async (doc: any) => {
        const submission: any = submissions.find((event: any) => (typeof event.project === 'object' ? event.project.id : event.project) === doc.id)
        const changed = await changedLocales(payload, doc.id)
        return {
          id: doc.id,
          title: doc.title ?? `#${doc.id}`,
          submittedAt: submission?.createdAt,
          submitter: submission?.byName || t(key('someone')),
          locales: changed.locales.map((locale) => locale.toUpperCase()),
          isNew: changed.isNew,
        }
      }),
    )
    queue.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''))
  }

  const mine: Where = { or: [{ createdBy: { equals: user.id } }, { updatedBy: { equals: user.id } }, { reviewEditors: { in: [user.id] } }] }
  const [drafts, sentBack] = editor
    ? await Promise.all(
        (['draft', 'changes-requested'] as const).map(
          async (state) =>
            (await payload.find({ collection: 'projects', ...access, where: { and: [mine, { reviewStatus: { equals: state } }] }, sort: '-updatedAt', limit: 20, select: { title: true, reviewNote: true, updatedAt: true } })).docs as any[],
        ),
      )
    : [[], []]

  const list = (docs: any[], empty: string, withNote = false) =>
    docs.length === 0 ? (
      <p>{empty}</p>
    ) : (
      <ul style={{ paddingLeft: 0, listStyle: 'none' }}>
        {docs.map((doc) => (
          <li key={doc.id} style={{ marginBottom: 'calc(var(--base) / 2)' }}>
            <a href={projectLink(adminRoute, doc.id)}>{doc.title ?? `#${doc.id}`}</a> · {ago(doc.updatedAt, language)}
            {withNote && doc.reviewNote && (
              <blockquote className="project-dashboard__note" style={{ margin: '4px 0 0', paddingLeft: 8, borderLeft: '3px solid var(--theme-warning-500)', whiteSpace: 'pre-wrap' }}>
                {doc.reviewNote}
              </blockquote>
            )}
          </li>
        ))}
      </ul>
    )

  return (
    <div className="project-dashboard">
      {reviewer && (
        <Section id="review-queue" title={t(key('reviewQueue'))}>
          {queue.length === 0 ? (
            <p>{t(key('queueEmpty'))}</p>
          ) : (
            <ol style={{ paddingLeft: 0, listStyle: 'none' }}>
              {queue.map((item) => (
                <li key={item.id} className="review-queue__item" style={{ marginBottom: 'calc(var(--base) / 2)' }}>
                  <a href={projectLink(adminRoute, item.id)}>{item.title}</a>
                  <div>
                    {t(key('submittedBy'), { name: item.submitter, when: item.submittedAt ? ago(item.submittedAt, language) : '' })} ·{' '}
                    {t(key(item.isNew ? 'newPage' : 'localesChanged'), { locales: item.locales.join(', ') || '—' })}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </Section>
      )}
      {editor && (
        <>
          <Section id="sent-back" title={t(key('sentBack'))}>
            {list(sentBack!, t(key('nothingSentBack')), true)}
          </Section>
          <Section id="my-drafts" title={t(key('myDrafts'))}>
            {list(drafts!, t(key('noDrafts')))}
          </Section>
        </>
      )}
      <Section id="counts" title={t(key('byStatus'))}>
        <table className="project-dashboard__counts">
          <tbody>
            {PROJECT_STATUSES.map((term, n) => (
              <tr key={term.value}>
                <th scope="row" style={{ textAlign: 'left', paddingRight: 'var(--base)' }}>{translate(term.label, language)}</th>
                <td>{statusCounts[n]}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" style={{ textAlign: 'left', paddingRight: 'var(--base)' }}>{t(key('noStatus'))}</th>
              <td>{statusCounts[PROJECT_STATUSES.length]}</td>
            </tr>
          </tbody>
        </table>
        <h3 style={{ margin: 'var(--base) 0' }}>{t(key('byReviewState'))}</h3>
        <table className="project-dashboard__review-counts">
          <tbody>
            {REVIEW_STATES.map((term, n) => (
              <tr key={term.value}>
                <th scope="row" style={{ textAlign: 'left', paddingRight: 'var(--base)' }}>
                  <ReviewStatePill state={term.value} language={language} />
                </th>
                <td>{reviewCounts[n]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </div>
  )
}
