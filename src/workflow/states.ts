import type { Term } from '../domain/vocabularies'

/**
 * Review states of a project: draft → in-review (submitted) → approved (published now) or
 * changes-requested (with a note) → in-review again. Any edit after approval makes a new draft.
 */
export const REVIEW_STATES = [
  { value: 'draft', label: { en: 'Draft', fr: 'Brouillon', es: 'Borrador' } },
  { value: 'in-review', label: { en: 'In review', fr: 'En relecture', es: 'En revisión' } },
  { value: 'approved', label: { en: 'Approved', fr: 'Approuvé', es: 'Aprobado' } },
  { value: 'changes-requested', label: { en: 'Changes requested', fr: 'Modifications demandées', es: 'Cambios solicitados' } },
] as const satisfies readonly Term[]
export type ReviewState = (typeof REVIEW_STATES)[number]['value']

export const isReviewState = (value: unknown): value is ReviewState =>
  REVIEW_STATES.some((state) => state.value === value)

/** The fields a pure workflow step sends: anything else in a write is an edit of the content. */
export const WORKFLOW_KEYS = ['reviewStatus', 'reviewNote', 'publishAt', '_status'] as const

/** Fields only the workflow writes; a client's values for them are dropped. */
export const SYSTEM_KEYS = ['reviewEditors', 'reviewHistory'] as const
