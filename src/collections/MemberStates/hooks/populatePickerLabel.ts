import type { CollectionBeforeChangeHook } from 'payload'

import { LOCALES, type Locale } from '../../../domain/locales'

/** "Mexico · Mexique · México (MX)": the State's names in every language, then its ISO code. */
export const pickerLabelOf = (names: Partial<Record<Locale, string | null>>, iso2: string) =>
  `${[...new Set(LOCALES.map((locale) => names[locale]?.trim()).filter(Boolean))].join(' · ')} (${iso2})`

/**
 * `pickerLabel` is what the admin shows and searches in the Member State picker. Payload's picker
 * filters its options by their label on the client, so the label itself must hold every name and
 * the ISO code for "Mexique", "México" and "MX" all to find Mexico in any admin language.
 */
export const populatePickerLabel: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const locale = (req.locale && req.locale !== 'all' ? req.locale : 'en') as Locale
  const names: Partial<Record<Locale, string | null>> = {}
  if (originalDoc?.id !== undefined) {
    // Read through the request (same transaction), then give it back its locale.
    const requestLocale = req.locale
    try {
      const stored = await req.payload.findByID({ collection: 'member-states', id: originalDoc.id, locale: 'all', depth: 0, select: { name: true }, req })
      Object.assign(names, stored.name)
    } finally {
      req.locale = requestLocale
    }
  }
  if (typeof data.name === 'string') names[locale] = data.name
  return { ...data, pickerLabel: pickerLabelOf(names, data.iso2 ?? originalDoc?.iso2 ?? '') }
}
