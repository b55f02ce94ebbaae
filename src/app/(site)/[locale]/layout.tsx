import { draftMode } from 'next/headers'
import { notFound } from 'next/navigation'
import React from 'react'

import { isLocale, LOCALES } from '../../../domain/locales'
import { LANGUAGE_NAMES, say } from '../../../site/strings'
import { listPath } from '../../../site/urls'
import './site.css'

export const generateStaticParams = () => LOCALES.map((locale) => ({ locale }))

/** The public site's frame: language, skip link, header with the languages, main landmark, footer. */
export default async function SiteLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const preview = (await draftMode()).isEnabled
  return (
    <html lang={locale}>
      <body>
        <a className="skip" href="#content">
          {say(locale, 'skip')}
        </a>
        {preview && (
          <p className="preview-banner" role="status">
            {say(locale, 'preview')} <a href="/preview/exit">{say(locale, 'exitPreview')}</a>
          </p>
        )}
        <header className="site-header">
          <a className="site-name" href={listPath(locale)}>
            {say(locale, 'siteName')}
          </a>
          <nav aria-label={say(locale, 'languages')}>
            <ul className="languages">
              {LOCALES.map((code) => (
                <li key={code}>
                  <a href={listPath(code)} lang={code} hrefLang={code} aria-current={code === locale ? 'true' : undefined}>
                    {LANGUAGE_NAMES[code]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="content">{children}</main>
        <footer className="site-footer">
          <p>© IOM · {say(locale, 'siteName')}</p>
        </footer>
      </body>
    </html>
  )
}
