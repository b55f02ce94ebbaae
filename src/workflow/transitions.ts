import type { Role } from '../access'
import type { ReviewState } from './states'

type Rule = { roles: Role[]; note?: boolean }

/**
 * Who may move a project between review states. Withdrawing a submission is also open to the
 * editor who submitted it (checked against the history); approving is also bound by four eyes.
 */
export const TRANSITIONS: Record<ReviewState, Partial<Record<ReviewState, Rule>>> = {
  draft: {
    'in-review': { roles: ['editor', 'reviewer', 'admin'] },
  },
  'changes-requested': {
    'in-review': { roles: ['editor', 'reviewer', 'admin'] },
    draft: { roles: ['editor', 'reviewer', 'admin'] },
  },
  'in-review': {
    approved: { roles: ['reviewer', 'admin'] },
    'changes-requested': { roles: ['reviewer', 'admin'], note: true },
    draft: { roles: ['reviewer', 'admin'] },
  },
  approved: {
    // Changes made outside the project itself (its outcomes) are submitted from here.
    'in-review': { roles: ['editor', 'reviewer', 'admin'] },
    draft: { roles: ['editor', 'reviewer', 'admin'] },
  },
}

export const allowedFrom = (from: ReviewState) => Object.keys(TRANSITIONS[from]) as ReviewState[]
