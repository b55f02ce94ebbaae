import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { isLocale, LOCALES } from '../../../../../domain/locales'
import { memberStatePage } from '../../../../../site/data'
import { say } from '../../../../../site/strings'
import { memberStatePath, projectPath, siteUrl } from '../../../../../site/urls'

type Params = { params: Promise<{ locale: string; iso2: string }> }

const load = async ({ params }: Params) => {
  const { locale, iso2 } = await params
  if (!isLocale(locale) || !/^[a-z]{2}$/i.test(iso2)) notFound()
  const page = await memberStatePage(iso2, locale)
  if (!page) notFound()
  return { locale, iso2, ...page }
}

export async function generateMetadata(args: Params): Promise<Metadata> {
  const { locale, iso2, state } = await load(args)
  return {
    title: `${state.name} · ${say(locale, 'siteName')}`,
    alternates: {
      canonical: `${siteUrl()}${memberStatePath(locale, iso2)}`,
      languages: Object.fromEntries(LOCALES.map((code) => [code, `${siteUrl()}${memberStatePath(code, iso2)}`])),
    },
  }
}

/** A Member State and the published projects that benefit it. */
export default async function MemberStatePage(args: Params) {
  const { locale, state, projects } = await load(args)
  return (
    <>
      <h1>{state.name}</h1>
      <h2>{say(locale, 'projectsIn', { name: state.name })}</h2>
      {projects.length === 0 ? (
        <p>{say(locale, 'noProjects')}</p>
      ) : (
        <ul className="project-list">
          {projects.map((project: any) => (
            <li key={project.id}>
              <a href={projectPath(locale, project.slug)}>{project.title ?? project.slug}</a>
              <p className="meta">{[project.labels?.status, [project.startYear, project.endYear].filter(Boolean).join('–')].filter(Boolean).join(' · ')}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
