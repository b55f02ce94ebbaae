import type { GraphQLFieldConfig } from 'graphql'
import type { PayloadRequest } from 'payload'
import { isolateObjectProperty, sanitizeFallbackLocale } from 'payload'

/** Whether the request itself chose a fallback (`?fallback-locale=none` on the URL, or in the body). */
export const requestChoseFallback = (req: PayloadRequest) => {
  const given = (source: unknown) => Boolean(source && typeof source === 'object' && ('fallback-locale' in source || 'fallbackLocale' in source))
  return given(req.query) || given(req.data)
}

/**
 * A GraphQL query's `locale` argument reads with that locale's own fallbacks (fr → en → es,
 * en → fr → es, es → en → fr; src/localization.ts), as `?locale=` does over REST. Payload works
 * its fallback out from the request before it sees the argument: without `?locale=` on the URL
 * that is the default locale alone, so `Project(locale: en)` of a page written in French read
 * null where REST reads the French text. A `fallbackLocale` argument, or one on the request, wins.
 */
export const withLocaleFallbacks = (field: GraphQLFieldConfig<unknown, any>): GraphQLFieldConfig<unknown, any> => ({
  ...field,
  resolve: (parent, args, context, info) => {
    const req = context.req as PayloadRequest
    const localization = req.payload.config.localization
    if (localization && typeof args.locale === 'string' && args.locale !== 'all' && !args.fallbackLocale && !requestChoseFallback(req)) {
      context.req = isolateObjectProperty(req, 'fallbackLocale')
      context.req.fallbackLocale = sanitizeFallbackLocale({ fallbackLocale: null, locale: args.locale, localization })
    }
    return field.resolve!(parent, args, context, info)
  },
})

/** withLocaleFallbacks on every query that takes a `locale`. */
export const queriesWithLocaleFallbacks = (fields: Record<string, GraphQLFieldConfig<unknown, any>>) =>
  Object.fromEntries(
    Object.entries(fields)
      .filter(([, field]) => field.resolve && field.args && 'locale' in field.args)
      .map(([name, field]) => [name, withLocaleFallbacks(field)]),
  )
