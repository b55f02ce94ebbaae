import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { FIELD_LABELS } from '../../../../domain/fieldLabels'
import { isLocale, type Locale, LOCALES } from '../../../../domain/locales'
import { CODED_FILTERS } from '../../../../readModel/findCards'
import { listProjects, type ListQuery } from '../../../../site/data'
import type { FacetValue } from '../../../../site/facets'
import { say, sayCount } from '../../../../site/strings'
import { listPath, projectPath, siteUrl } from '../../../../site/urls'

type Params = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }


/** The filters as they stand in the URL (the URL is the filter state: shareable, bookmarkable). */
const queryOf = (search: Record<string, string | string[] | undefined>): ListQuery => {
  const one = (name: string) => {
    const value = search[name]
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined
  }
  const year = (name: string) => {
    const value = Number(one(name))
    return Number.isInteger(value) && value > 1900 && value < 2200 ? value : undefined
  }
  const page = Number(one('page'))
  return {
    // As long as the card list takes (MAX_QUERY_LENGTH): a longer one is cut, not refused.
    q: one('q')?.slice(0, 200),
    ...Object.fromEntries(CODED_FILTERS.map((name) => [name, one(name)])),
    memberState: one('memberState'),
    from: year('from'),
    to: year('to'),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  }
}

const hrefWith = (locale: Locale, query: ListQuery, changes: Partial<ListQuery>) => {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries({ ...query, ...changes })) if (value !== undefined && value !== '') params.set(name, String(value))
  const search = params.toString()
  return `${listPath(locale)}${search ? `?${search}` : ''}`
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  return {
    title: `${say(locale, 'projects')} · ${say(locale, 'siteName')}`,
    alternates: { canonical: `${siteUrl()}${listPath(locale)}`, languages: Object.fromEntries(LOCALES.map((code) => [code, `${siteUrl()}${listPath(code)}`])) },
  }
}

const Select = ({ name, label, values, current, locale }: { name: string; label: string; values: FacetValue[]; current?: string; locale: Locale }) => (
  <label>
    {label}
    <select name={name} defaultValue={current ?? ''}>
      <option value="">{say(locale, 'any')}</option>
      {values.map((value) => (
        <option key={value.value} value={value.value}>
          {`${value.label} (${value.count})`}
        </option>
      ))}
    </select>
  </label>
)

export default async function ProjectList({ params, searchParams }: Params) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const query = queryOf(await searchParams)
  const list = await listProjects(query, locale)
  const { facets } = list.facets
  return (
    <>
      <h1>{say(locale, 'projects')}</h1>
      <form className="filters" method="get" action={listPath(locale)} role="search">
        <label>
          {say(locale, 'search')}
          <input type="search" name="q" defaultValue={query.q ?? ''} placeholder={say(locale, 'searchHint')} />
        </label>
        {CODED_FILTERS.map((name) => (
          <Select key={name} name={name} label={FIELD_LABELS[name][locale]} values={facets[name]} current={query[name]} locale={locale} />
        ))}
        <Select name="memberState" label={say(locale, 'memberState')} values={facets.memberStates} current={query.memberState?.toUpperCase()} locale={locale} />
        <label>
          {say(locale, 'from')}
          <input type="number" name="from" inputMode="numeric" min={1951} max={2100} defaultValue={query.from ?? ''} />
        </label>
        <label>
          {say(locale, 'to')}
          <input type="number" name="to" inputMode="numeric" min={1951} max={2100} defaultValue={query.to ?? ''} />
        </label>
        <div>
          <button type="submit">{say(locale, 'filter')}</button> <a href={listPath(locale)}>{say(locale, 'clear')}</a>
        </div>
      </form>
      <p role="status">{sayCount(locale, list.totalDocs)}</p>
      {list.docs.length === 0 ? (
        <p>{say(locale, 'noResults')}</p>
      ) : (
        <ul className="project-list">
          {list.docs.map((project: any) => (
            <li key={project.id}>
              <h2>
                <a href={projectPath(locale, project.slug)}>{project.title ?? project.slug}</a>
              </h2>
              <p className="meta">
                {[project.labels?.status, project.labels?.projectType, project.labels?.idfRegion, [project.startYear, project.endYear].filter(Boolean).join('–')].filter(Boolean).join(' · ')}
              </p>
              {project.summary && <p>{project.summary}</p>}
            </li>
          ))}
        </ul>
      )}
      {list.totalPages > 1 && (
        <nav className="pagination" aria-label={say(locale, 'page', { page: list.page ?? 1, pages: list.totalPages })}>
          {list.hasPrevPage && <a href={hrefWith(locale, query, { page: list.prevPage ?? undefined })} rel="prev">{say(locale, 'previous')}</a>}
          <span>{say(locale, 'page', { page: list.page ?? 1, pages: list.totalPages })}</span>
          {list.hasNextPage && <a href={hrefWith(locale, query, { page: list.nextPage ?? undefined })} rel="next">{say(locale, 'next')}</a>}
        </nav>
      )}
    </>
  )
}
