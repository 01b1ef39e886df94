import { describe, expect, it } from 'vitest'
import type { ColumnDef } from '../types'
import { filterKinds, ViewSpecError, validateViewSpec } from './viewSpecValidation'
import { ALL_TYPES } from './viewTestSupport'

const columns: ColumnDef[] = ALL_TYPES

function error(spec: unknown): ViewSpecError {
  try {
    validateViewSpec(spec, columns)
  } catch (e) {
    expect(e).toBeInstanceOf(ViewSpecError)
    return e as ViewSpecError
  }
  throw new Error('expected a ViewSpecError')
}

describe('validateViewSpec', () => {
  it('accepts a full spec and returns a normalized copy', () => {
    const spec = {
      sort: [{ column: 's', direction: 'asc' as const }, { column: 'f64', direction: 'desc' as const, nulls: 'first' as const }],
      filters: [
        { column: 's', kind: 'contains' as const, value: 'x' },
        { column: 'i64', kind: 'range' as const, min: '-9223372036854775808', max: 5 },
        { column: 'ts', kind: 'timeRange' as const, min: '1700000000000000000' },
        { column: 'b', kind: 'equals' as const, value: true },
        { column: 'raw', kind: 'null' as const }
      ],
      columns: ['s', 'f64']
    }
    const out = validateViewSpec(spec, columns)
    expect(out.sort).toEqual([{ column: 's', direction: 'asc', nulls: 'last' }, { column: 'f64', direction: 'desc', nulls: 'first' }])
    expect(out.filters).toEqual(spec.filters)
    expect(out.columns).toEqual(['s', 'f64'])
    expect(out.filters[0]).not.toBe(spec.filters[0])
    expect(JSON.parse(JSON.stringify(out))).toEqual(out)
  })

  it('names unknown columns, with the path and the columns that exist', () => {
    const e = error({ sort: [{ column: 'nope', direction: 'asc' }], filters: [] })
    expect(e.path).toBe('sort[0].column')
    expect(e.message).toContain('column "nope" does not exist')
    expect(e.message).toContain('"i16"')
    expect(error({ sort: [], filters: [{ column: 'x', kind: 'null' }] }).path).toBe('filters[0].column')
    expect(error({ sort: [], filters: [], columns: ['s', 'zz'] }).path).toBe('columns[1]')
  })

  it('rejects a filter kind that does not fit the column type', () => {
    expect(error({ sort: [], filters: [{ column: 'f64', kind: 'contains', value: 'x' }] }).message).toMatch(/'contains' filter does not fit column "f64" of type float64 \(it takes range, null, notNull\)/)
    expect(error({ sort: [], filters: [{ column: 'ts', kind: 'range', min: 0 }] }).message).toContain('takes timeRange')
    expect(error({ sort: [], filters: [{ column: 'i32', kind: 'timeRange', min: 0 }] }).message).toContain('does not fit')
    expect(error({ sort: [], filters: [{ column: 'raw', kind: 'equals', value: 'AA==' }] }).message).toContain('does not fit')
    expect(error({ sort: [], filters: [{ column: 'b', kind: 'equals', value: 'true' }] }).path).toBe('filters[0].value')
    expect(error({ sort: [], filters: [{ column: 's', kind: 'equals', value: 1 }] }).path).toBe('filters[0].value')
    for (const column of columns) {
      for (const kind of filterKinds(column.type)) expect(filterKinds(column.type)).toContain(kind)
    }
  })

  it('checks bounds', () => {
    expect(error({ sort: [], filters: [{ column: 'f64', kind: 'range', min: NaN }] }).path).toBe('filters[0].min')
    expect(error({ sort: [], filters: [{ column: 'f64', kind: 'range', min: '1' }] }).path).toBe('filters[0].min')
    expect(error({ sort: [], filters: [{ column: 'f64', kind: 'range', min: 2, max: 1 }] }).message).toContain('min 2 is above max 1')
    expect(error({ sort: [], filters: [{ column: 'i64', kind: 'range', min: '1.5' }] }).path).toBe('filters[0].min')
    expect(error({ sort: [], filters: [{ column: 'i64', kind: 'range', max: '9223372036854775808' }] }).message).toContain('outside the int64 range')
    expect(error({ sort: [], filters: [{ column: 'i64', kind: 'range', min: '10', max: 9 }] }).message).toContain('above max')
    expect(error({ sort: [], filters: [{ column: 'ts', kind: 'timeRange', min: 1.7e18 }] }).message).toContain('decimal string')
    expect(error({ sort: [], filters: [{ column: 'ts', kind: 'timeRange', min: '2', max: '1' }] }).message).toContain('above max')
    // Equal bounds and number bounds of any magnitude for int64 are fine.
    expect(() => validateViewSpec({ sort: [], filters: [{ column: 'i64', kind: 'range', min: 1e30, max: Infinity }] }, columns)).not.toThrow()
    expect(() => validateViewSpec({ sort: [], filters: [{ column: 'ts', kind: 'timeRange', min: '5', max: '5' }] }, columns)).not.toThrow()
  })

  it('rejects malformed specs', () => {
    expect(error(null).message).toContain('must be an object')
    expect(error({ filters: [] }).path).toBe('sort')
    expect(error({ sort: [] }).path).toBe('filters')
    expect(error({ sort: [], filters: [], colums: [] }).message).toContain('unknown property "colums"')
    expect(error({ sort: [{ column: 's', direction: 'descending' }], filters: [] }).path).toBe('sort[0].direction')
    expect(error({ sort: [{ column: 's', direction: 'asc', nulls: 'top' }], filters: [] }).path).toBe('sort[0].nulls')
    expect(error({ sort: [{ column: 's', direction: 'asc' }, { column: 's', direction: 'desc' }], filters: [] }).message).toContain('already a sort key')
    expect(error({ sort: [], filters: [{ column: 's', kind: 'like', value: 'x' }] }).path).toBe('filters[0].kind')
    expect(error({ sort: [], filters: [{ column: 's', kind: 'null', value: 'x' }] }).message).toContain('unknown property "value"')
    expect(error({ sort: [], filters: [], columns: ['s', 's'] }).message).toContain('listed twice')
    expect(error({ sort: [], filters: [], columns: 's' }).path).toBe('columns')
  })
})
