import React from 'react'

import { translate } from '../domain/locales'
import { REVIEW_STATES } from '../workflow/states'

/** Colours a reader can tell apart (text stays dark on light backgrounds: WCAG AA contrast). */
const COLOURS: Record<string, { background: string; color: string }> = {
  draft: { background: '#e8e8e8', color: '#222' },
  'in-review': { background: '#fff1c2', color: '#5c4300' },
  approved: { background: '#d4f5dd', color: '#0b4d1f' },
  'changes-requested': { background: '#fde0dc', color: '#7a1b0c' },
  published: { background: '#d4f5dd', color: '#0b4d1f' },
}

export const reviewStateLabel = (state: string, language: string) => {
  const term = REVIEW_STATES.find((candidate) => candidate.value === state)
  return term ? translate(term.label, language) : state
}

/** A project's review state as a coloured badge, in the admin's language. */
export const ReviewStatePill = ({ state, language }: { state: string; language: string }) => (
  <span className={`review-state review-state--${state}`} style={{ ...COLOURS[state], borderRadius: 4, padding: '1px 6px', fontSize: '0.85em', whiteSpace: 'nowrap' }}>
    {reviewStateLabel(state, language)}
  </span>
)
