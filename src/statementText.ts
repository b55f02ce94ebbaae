/**
 * Payload's SQL adapters name each table alias of a query (a join, a subquery) with a new UUID
 * (getTableAlias), so the same read is new SQL every time: a statement kept compiled (SQLite) or
 * prepared (PostgreSQL) by its text would never be found again. Such an alias is renamed in order
 * of appearance, the same way every time; an alias is the statement's own, so what it does and
 * answers is unchanged.
 */
const RANDOM_ALIAS = /"[0-9a-f]{8}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{12}"/g

/**
 * A `select *`: its columns follow the table's, which a migration or another process may alter,
 * so a statement kept compiled or prepared would answer with the columns it was made with.
 */
export const selectsEveryColumn = (sql: string) => /^\s*select\s+(distinct\s+)?\*/i.test(sql)

export const withStableAliases = (sql: string) => {
  const names = new Map<string, string>()
  return sql.replace(RANDOM_ALIAS, (alias) => {
    let name = names.get(alias)
    if (!name) names.set(alias, (name = `"stable_alias_${names.size + 1}"`))
    return name
  })
}
