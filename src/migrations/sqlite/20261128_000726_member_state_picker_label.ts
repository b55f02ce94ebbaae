import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { pickerLabelOf } from '../../collections/MemberStates/hooks/populatePickerLabel'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`member_states\` ADD \`picker_label\` text;`)
  // The States already there get their label from the names they have.
  const rows = (await db.all(
    sql`SELECT s.id AS id, s.iso2 AS iso2, l._locale AS locale, l.name AS name FROM member_states s LEFT JOIN member_states_locales l ON l._parent_id = s.id`,
  )) as { id: number; iso2: string; locale: string | null; name: string | null }[]
  for (const [id, state] of groupNames(rows)) {
    await db.run(sql`UPDATE member_states SET picker_label = ${pickerLabelOf(state.names, state.iso2)} WHERE id = ${id}`)
  }
}

const groupNames = (rows: { id: number; iso2: string; locale: string | null; name: string | null }[]) => {
  const states = new Map<number, { iso2: string; names: Record<string, string | null> }>()
  for (const row of rows) {
    const state = states.get(row.id) ?? { iso2: row.iso2, names: {} }
    if (row.locale) state.names[row.locale] = row.name
    states.set(row.id, state)
  }
  return states
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`member_states\` DROP COLUMN \`picker_label\`;`)
}
