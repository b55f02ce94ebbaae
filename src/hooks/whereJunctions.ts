/**
 * Whether a key of a `where` joins conditions rather than naming a field. Payload reads `and` and
 * `or` in any case (REST's `where[OR]…`, GraphQL's `AND`/`OR`), so every walk over a `Where` must
 * too, or a condition inside `where[OR]` slips past it.
 */
export const isJunction = (key: string) => isConjunction(key) || key.toLowerCase() === 'or'

/** Whether a key of a `where` is `and`, in any case. */
export const isConjunction = (key: string) => key.toLowerCase() === 'and'
