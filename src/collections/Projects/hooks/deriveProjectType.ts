import type { FieldHook } from 'payload'

import type { Term } from '../../../domain/vocabularies'
import { typeCodeOf } from '../../../domain/identifiers'
import { toCode } from '../../../hooks/normalizeCode'

/**
 * An empty project type is read off the project ID (`LM.0304` → `LM`) when that code is a known
 * type, as the organisation's own IDs encode it.
 */
export const deriveProjectType =
  (types: readonly Term[]): FieldHook =>
  ({ value, siblingData }) => {
    const code = toCode(value)
    if (code) return code
    const fromId = typeCodeOf(toCode(siblingData?.projectId))
    return fromId && types.some((type) => type.value === fromId) ? fromId : code
  }
