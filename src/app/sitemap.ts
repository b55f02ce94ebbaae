import type { MetadataRoute } from 'next'

import { LOCALES } from '../domain/locales'
import { publishedPages } from '../site/data'
import { listPath, projectPath, siteUrl } from '../site/urls'

/** `/sitemap.xml`: every published project page in every language it exists in, with its alternates. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl()
  const lists = LOCALES.map((locale) => ({
    url: `${base}${listPath(locale)}`,
    alternates: { languages: Object.fromEntries(LOCALES.map((code) => [code, `${base}${listPath(code)}`])) },
  }))
  const pages = (await publishedPages()).flatMap((page) => {
    const locales = page.translatedLocales ?? []
    const languages = Object.fromEntries(locales.map((code) => [code, `${base}${projectPath(code, page.slug)}`]))
    return locales.map((locale) => ({ url: `${base}${projectPath(locale, page.slug)}`, lastModified: page.updatedAt, alternates: { languages } }))
  })
  return [...lists, ...pages]
}

// Read at request time (the cache is the data layer's, expired by the collections' hooks).
export const dynamic = 'force-dynamic'
