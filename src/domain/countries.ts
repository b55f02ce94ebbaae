import countries from 'i18n-iso-countries'
import en from 'i18n-iso-countries/langs/en.json'
import es from 'i18n-iso-countries/langs/es.json'
import fr from 'i18n-iso-countries/langs/fr.json'

import type { Locale, Translations } from './locales'

countries.registerLocale(en)
countries.registerLocale(fr)
countries.registerLocale(es)

/** User-assigned codes the package knows but ISO 3166-1 does not assign (Kosovo's XK/XKX). */
const NOT_ISO = new Set(['XK', 'XKX'])

export const isIso2 = (code: string): boolean =>
  /^[A-Z]{2}$/.test(code) && !NOT_ISO.has(code) && countries.isValid(code)

export const isIso3 = (code: string): boolean =>
  /^[A-Z]{3}$/.test(code) && !NOT_ISO.has(code) && countries.isValid(code)

export const iso3Of = (iso2: string): string | undefined => countries.alpha2ToAlpha3(iso2)

/**
 * The organisation's own spellings where they differ from the ISO package's short names (UN
 * terminology: "Bolivia (Plurinational State of)", "Türkiye"…). The package supplies the rest.
 */
const IOM_NAMES: Record<string, Partial<Translations>> = {
  BO: { en: 'Bolivia (Plurinational State of)', fr: 'Bolivie (État plurinational de)', es: 'Bolivia (Estado Plurinacional de)' },
  FM: { en: 'Micronesia (Federated States of)', fr: 'Micronésie (États fédérés de)', es: 'Micronesia (Estados Federados de)' },
  TR: { en: 'Türkiye', fr: 'Türkiye', es: 'Türkiye' },
  IR: { en: 'Iran (Islamic Republic of)', fr: 'Iran (République islamique d’)', es: 'Irán (República Islámica del)' },
  VE: { en: 'Venezuela (Bolivarian Republic of)', fr: 'Venezuela (République bolivarienne du)', es: 'Venezuela (República Bolivariana de)' },
  KR: { en: 'Republic of Korea', fr: 'République de Corée', es: 'República de Corea' },
  MD: { fr: 'République de Moldova', es: 'República de Moldova' },
  LA: { fr: 'République démocratique populaire lao', es: 'República Democrática Popular Lao' },
  RU: { fr: 'Fédération de Russie', es: 'Federación de Rusia' },
  TZ: { fr: 'République-Unie de Tanzanie', es: 'República Unida de Tanzanía' },
  CD: { es: 'República Democrática del Congo' },
  CZ: { fr: 'Tchéquie', es: 'Chequia' },
  CI: { fr: 'Côte d’Ivoire', es: 'Côte d’Ivoire' },
  SZ: { fr: 'Eswatini', es: 'Eswatini' },
  VA: { fr: 'Saint-Siège', es: 'Santa Sede' },
  US: { fr: 'États-Unis d’Amérique', es: 'Estados Unidos de América' },
  VN: { fr: 'Viet Nam', es: 'Viet Nam' },
  GM: { fr: 'Gambie', es: 'Gambia' },
  NL: { fr: 'Pays-Bas (Royaume des)', es: 'Países Bajos (Reino de los)' },
}

/** A Member State's name in a locale: IOM's spelling, else the ISO package's, else the fallback. */
export const countryName = (iso2: string, locale: Locale, fallback?: string): string =>
  IOM_NAMES[iso2]?.[locale] ??
  (locale === 'en' && fallback ? fallback : undefined) ??
  countries.getName(iso2, locale) ??
  fallback ??
  iso2
