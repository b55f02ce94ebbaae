import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { parse } from 'csv-parse/sync'

import type { IdfRegion, Membership } from '../domain/vocabularies'
import { countryName } from '../domain/countries'
import type { Translations } from '../domain/locales'
import { IDF_REGIONS } from '../domain/vocabularies'

const here = path.dirname(fileURLToPath(import.meta.url))

/** The organisation's list: 175 Member States and 8 observer States (see data/member-states.csv). */
export const MEMBER_STATES_CSV = path.join(here, 'data', 'member-states.csv')

export type MemberStateSeed = {
  iso2: string
  iso3: string
  name: Translations
  membership: Membership
  idfRegion: IdfRegion | null
  /** On the 2024 Line 2 eligibility list; null where the list (only partly captured) says nothing. */
  idfEligible: true | null
}

type Row = { iso2: string; iso3: string; name_en: string; membership: string; idf_line2_2024_region: string }

const regionFromLabel = (label: string): IdfRegion | null =>
  IDF_REGIONS.find((region) => region.label.en === label.trim())?.value ?? null

export const readMemberStates = (file: string = MEMBER_STATES_CSV): MemberStateSeed[] => {
  const rows: Row[] = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true })
  return rows.map((row) => {
    const region = row.idf_line2_2024_region ? regionFromLabel(row.idf_line2_2024_region) : null
    if (row.idf_line2_2024_region && !region) {
      throw new Error(`${file}: unknown IDF region "${row.idf_line2_2024_region}" for ${row.iso2}`)
    }
    return {
      iso2: row.iso2,
      iso3: row.iso3,
      name: {
        en: countryName(row.iso2, 'en', row.name_en),
        fr: countryName(row.iso2, 'fr'),
        es: countryName(row.iso2, 'es'),
      },
      membership: row.membership === 'observer' ? 'observer' : 'member',
      idfRegion: region,
      idfEligible: region ? true : null,
    }
  })
}
