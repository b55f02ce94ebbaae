import type { Locale } from '../domain/locales'

/** The public site's address, for canonical URLs, hreflang alternates and the sitemap. */
export const siteUrl = () => (process.env.SITE_URL || process.env.SERVER_URL || 'http://localhost:3000').replace(/\/$/, '')

export const projectPath = (locale: Locale, slug: string) => `/${locale}/projects/${slug}`
export const memberStatePath = (locale: Locale, iso2: string) => `/${locale}/member-states/${iso2.toLowerCase()}`
export const listPath = (locale: Locale) => `/${locale}/projects`
