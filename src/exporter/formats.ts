import { stringify } from 'csv-stringify/sync'

import type { Locale } from '../domain/locales'
import { CSV_COLUMNS, type ProjectExport, toCsvRows } from './exportProjects'

export type ExportFormat = 'json' | 'csv'

/** The export as a file: pretty JSON, or CSV (with a BOM so spreadsheet programs read UTF-8). */
export const formatExport = (data: ProjectExport, format: ExportFormat): { body: string; contentType: string } =>
  format === 'csv'
    ? {
        body: '\ufeff' + stringify(toCsvRows(data, data.locale === 'all' ? 'en' : data.locale), { header: true, columns: [...CSV_COLUMNS] }),
        contentType: 'text/csv; charset=utf-8',
      }
    : { body: JSON.stringify(data, null, 2) + '\n', contentType: 'application/json; charset=utf-8' }
