import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * The read model's `q` (`search LIKE '%word%'`) read from indexes that hold the search text, so
 * that SQLite tests each row's text in the index and reads only the rows it returns. A common
 * word is found within a few rows of the list's order, but a rare one (a country's name, a typo)
 * read every row of the locale with its stored pages: up to 16 ms of the event loop for the cards
 * and 12–21 ms for their filter panel at 10,000 projects, against 0.2–1.1 and 1.4–6.6 ms with these
 * indexes. One in the cards' default order (end year, then slug); one with every column a panel
 * counts (src/readModel/countCardFacets.ts). SQLite only: PostgreSQL has trigram indexes for
 * the same searches (its migration of the same name), and its B-tree entries have a size limit
 * that a long summary could pass. Written by hand, so the schema snapshot (and the next generated
 * migration) does not know them.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`project_cards_search_order_idx\` ON \`project_cards\` (\`locale\`,\`end_year\`,\`slug\`,\`search\`);`)
  await db.run(
    sql`CREATE INDEX IF NOT EXISTS \`project_cards_search_facets_idx\` ON \`project_cards\` (\`locale\`,\`search\`,\`status\`,\`project_type\`,\`idf_region\`,\`coverage\`,\`start_year\`,\`end_year\`,\`member_states\`);`,
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX IF EXISTS \`project_cards_search_order_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`project_cards_search_facets_idx\`;`)
}
