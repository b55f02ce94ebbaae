import config from '@payload-config'
import { RichText } from '@payloadcms/richtext-lexical/react'
import type { Metadata } from 'next'
import { draftMode, headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'
import React, { cache } from 'react'

import { hasRole } from '../../../../../access'
import { FIELD_LABELS } from '../../../../../domain/fieldLabels'
import { isLocale, type Locale, LOCALES } from '../../../../../domain/locales'
import { projectPage } from '../../../../../site/data'
import { LivePreviewRefresh } from '../../../../../site/LivePreviewRefresh'
import { LANGUAGE_NAMES, say } from '../../../../../site/strings'
import { memberStatePath, projectPath, siteUrl } from '../../../../../site/urls'

type Params = { params: Promise<{ locale: string; slug: string }> }

/** A signed-in member of staff previewing drafts (draft mode on and a staff session), else nobody. */
const previewer = async () => {
  if (!(await draftMode()).isEnabled) return undefined
  const { user } = await (await getPayload({ config })).auth({ headers: await headers() })
  return user && hasRole(user as never, 'admin', 'editor', 'reviewer') ? { user } : undefined
}

/** Once per request: the metadata and the page both need it, and a preview is neither cached nor cheap. */
const read = cache(async (locale: Locale, slug: string) => {
  const preview = await previewer()
  const page = await projectPage(slug, locale, preview)
  if (!page) notFound()
  const translated: Locale[] = page.project.translatedLocales ?? []
  return { locale, slug, ...page, translated, inLocale: translated.includes(locale), preview: Boolean(preview) }
})

const load = async ({ params }: Params) => {
  const { locale, slug } = await params
  if (!isLocale(locale)) notFound()
  return read(locale, slug)
}

/** The admin's own address, which live preview messages come from. */
const adminOrigin = async () => {
  const requestHeaders = await headers()
  const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host')
  return process.env.SERVER_URL ? new URL(process.env.SERVER_URL).origin : `${requestHeaders.get('x-forwarded-proto') ?? 'http'}://${host}`
}

export async function generateMetadata(args: Params): Promise<Metadata> {
  const { locale, slug, project, translated, inLocale } = await load(args)
  const languages = Object.fromEntries(translated.map((code) => [code, `${siteUrl()}${projectPath(code, slug)}`]))
  return {
    title: project.title ?? slug,
    description: inLocale ? (project.summary ?? undefined) : undefined,
    alternates: { canonical: `${siteUrl()}${projectPath(locale, slug)}`, languages },
    robots: inLocale ? undefined : { index: false },
  }
}

/** The metadata block, in the site's order, with the site's labels in the page's language. */
const metadataRows = (project: any, locale: Locale) =>
  (
    [
      ['startYear', project.startYear],
      ['endYear', project.endYear],
      ['status', project.labels?.status],
      ['projectType', project.labels?.projectType],
      ['budgetUSD', typeof project.budgetUSD === 'number' ? project.budgetUSD.toFixed(2) : null],
      ['coverage', project.labels?.coverage],
      ['fundingYear', project.fundingYear],
      ['idfRegion', project.labels?.idfRegion],
      ['primaId', project.primaId],
      ['projectId', project.projectId],
    ] as const
  )
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([field, value]) => ({ label: FIELD_LABELS[field][locale], value: String(value) }))

export default async function ProjectPage(args: Params) {
  const { locale, slug, project, outcomes, translated, inLocale, preview } = await load(args)
  const others = LOCALES.filter((code) => code !== locale && translated.includes(code))
  if (!inLocale) {
    return (
      <article>
        <h1>{say(locale, 'notTranslated')}</h1>
        <div className="notice">
          <p>{say(locale, 'availableIn')}</p>
          <ul>
            {LOCALES.filter((code) => translated.includes(code)).map((code) => (
              <li key={code}>
                <a href={projectPath(code, slug)} hrefLang={code} lang={code}>
                  {LANGUAGE_NAMES[code]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </article>
    )
  }
  const states = (project.memberStates ?? []).filter((state: any) => typeof state === 'object')
  const related = (project.relatedProjects ?? []).filter((other: any) => typeof other === 'object' && other.slug)
  return (
    <article>
      {preview && <LivePreviewRefresh adminOrigin={await adminOrigin()} />}
      <h1>{project.title}</h1>
      {others.length > 0 && (
        <p className="translations">
          {say(locale, 'alsoIn')}{' '}
          {others.map((code, n) => (
            <React.Fragment key={code}>
              {n > 0 && ', '}
              <a href={projectPath(code, slug)} hrefLang={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </a>
            </React.Fragment>
          ))}
        </p>
      )}
      {project.summary && <p className="summary">{project.summary}</p>}
      <dl className="metadata">
        {metadataRows(project, locale).map(({ label, value }) => (
          <React.Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </React.Fragment>
        ))}
        {states.length > 0 && (
          <>
            <dt>{FIELD_LABELS.memberStates[locale]}</dt>
            <dd>
              {states.map((state: any, n: number) => (
                <React.Fragment key={state.iso2}>
                  {n > 0 && ', '}
                  <a href={memberStatePath(locale, state.iso2)}>{state.name}</a>
                </React.Fragment>
              ))}
            </dd>
          </>
        )}
      </dl>
      {project.description && <RichText data={project.description} className="description" />}
      {outcomes.length > 0 && (
        <section aria-labelledby="outcomes">
          <h2 id="outcomes">{say(locale, 'outcomes')}</h2>
          <ol className="outcomes">
            {outcomes.map((outcome: any) => (
              <li key={outcome.id}>
                <span aria-hidden="true">{outcome.numeral}) </span>
                {outcome.statement}
              </li>
            ))}
          </ol>
        </section>
      )}
      {project.partners?.length > 0 && (
        <section aria-labelledby="partners">
          <h2 id="partners">{say(locale, 'partners')}</h2>
          <ul>
            {project.partners.map((partner: string) => (
              <li key={partner}>{partner}</li>
            ))}
          </ul>
        </section>
      )}
      {related.length > 0 && (
        <section aria-labelledby="related">
          <h2 id="related">{say(locale, 'related')}</h2>
          <ul>
            {related.map((other: any) => (
              <li key={other.slug}>
                <a href={projectPath(locale, other.slug)}>{other.title ?? other.slug}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  )
}
