import type { Endpoint } from 'payload'

import { isLocale } from '../../../domain/locales'
import { exportProjects, type ExportStatus } from '../../../exporter/exportProjects'
import { formatExport } from '../../../exporter/formats'

const STATUSES: ExportStatus[] = ['published', 'draft', 'all']

/**
 * `GET /api/projects/export?format=json|csv&locale=fr&status=published`: the portfolio as a file,
 * for signed-in staff only (drafts are read with the caller's own access). JSON without `locale`
 * carries every language; CSV is one language, English unless asked.
 */
export const exportProjectsEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'Sign in to export projects.' }] }, { status: 401 })
    const query = req.query as Record<string, string | undefined>
    const format = query.format ?? 'json'
    const status = (query.status ?? 'all') as ExportStatus
    const locale = query.locale ?? (format === 'csv' ? 'en' : 'all')
    const problems = [
      !['json', 'csv'].includes(format) && `format must be json or csv, not “${format}”`,
      !STATUSES.includes(status) && `status must be one of ${STATUSES.join(', ')}, not “${status}”`,
      !(isLocale(locale) || (locale === 'all' && format === 'json')) && `locale must be en, fr or es${format === 'json' ? ' (or all)' : ''}, not “${locale}”`,
    ].filter(Boolean)
    if (problems.length) return Response.json({ errors: problems.map((message) => ({ message })) }, { status: 400 })

    const data = await exportProjects(req.payload, { locale: locale as never, status, req })
    const { body, contentType } = formatExport(data, format as 'json' | 'csv')
    const name = `projects-${locale}-${status}-${data.exportedAt.slice(0, 10)}.${format}`
    return new Response(body, {
      headers: { 'Content-Type': contentType, 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' },
    })
  },
}
