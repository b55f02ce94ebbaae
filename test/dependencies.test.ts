import { entityKind, is, SQL, sql, Table } from 'drizzle-orm'
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'

/**
 * drizzle-orm's `is()` is patched (patches/drizzle-orm+0.45.2.patch, applied by `npm install`):
 * it remembers each class's kinds instead of walking its prototype chain on every failed check.
 * Its answers must stay drizzle's own, including for a class from another copy of drizzle (the
 * reason `is()` exists rather than `instanceof`).
 */
describe('the patched drizzle is()', () => {
  it('is applied: an object without a prototype is no entity instead of a TypeError', () => {
    expect(is(Object.create(null), SQL)).toBe(false)
  })

  it('answers as drizzle does: the class, a subclass, another copy of the class, and not another kind', () => {
    const table = sqliteTable('things', { name: text('name') })
    expect(is(sql`select 1`, SQL)).toBe(true)
    expect(is(table, Table)).toBe(true)
    expect(is(sql`select 1`, Table)).toBe(false)
    expect(is(table, SQL)).toBe(false)
    // A class of another copy of drizzle carries the same kind, without the same prototype.
    class OtherCopyOfSQL {
      static readonly [entityKind]: string = 'SQL'
    }
    class SubclassOfOtherCopy extends OtherCopyOfSQL {
      static readonly [entityKind]: string = 'SubclassOfOtherCopy'
    }
    expect(is(new OtherCopyOfSQL(), SQL)).toBe(true)
    expect(is(new SubclassOfOtherCopy(), SQL)).toBe(true)
    expect(is(new SubclassOfOtherCopy(), Table)).toBe(false)
    // Asked twice, the remembered kinds give the same answers.
    expect(is(new SubclassOfOtherCopy(), SQL)).toBe(true)
    expect(is(new SubclassOfOtherCopy(), Table)).toBe(false)
    expect(is(null, SQL)).toBe(false)
    expect(is('SQL', SQL)).toBe(false)
  })

  it('still refuses a class that is no drizzle entity', () => {
    class NotAnEntity {}
    expect(() => is({}, NotAnEntity as never)).toThrow(/doesn't look like a Drizzle entity/)
  })
})
