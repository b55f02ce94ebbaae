/** IDs of a relationship value, whether stored as IDs or populated documents. */
export const relationIds = (value: unknown): (number | string)[] =>
  (Array.isArray(value) ? value : [value])
    .map((item) =>
      item && typeof item === 'object'
        ? ((item as { id?: unknown; value?: unknown }).id ?? (item as { value?: unknown }).value)
        : item,
    )
    .filter((id): id is number | string => typeof id === 'number' || (typeof id === 'string' && id !== ''))
