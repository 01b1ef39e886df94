import { describe, expect, it } from 'vitest'
import type { ColumnDef } from '../types'
import { TableView } from './tableView'
import { bruteForce, tableOf } from './viewTestSupport'
import type { ColumnFilter } from './viewTypes'
import type { LiveTable } from '../engine/liveTable'

function keys(table: LiveTable, ...filters: ColumnFilter[]): number[] {
  const view = new TableView(table, { sort: [], filters })
  const out = view.viewport(0, view.rowCount - 1).rowKeys
  expect(out).toEqual(bruteForce(table, { sort: [], filters }))
  view.dispose()
  return out
}

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

describe('string filters', () => {
  const table = tableOf([{ name: 's', type: 'string' }], [['Apple'], ['pineapple'], ['APPLESAUCE'], ['banana'], [null], ['Äpfel'], ['straße'], ['']])

  it('contains ignores case (toLowerCase on both sides); null never matches', () => {
    expect(keys(table, { column: 's', kind: 'contains', value: 'apple' })).toEqual([0, 1, 2])
    expect(keys(table, { column: 's', kind: 'contains', value: 'PPLE' })).toEqual([0, 1, 2])
    expect(keys(table, { column: 's', kind: 'contains', value: 'äP' })).toEqual([5])
    expect(keys(table, { column: 's', kind: 'contains', value: 'SSE' })).toEqual([]) // no case folding of ß
    expect(keys(table, { column: 's', kind: 'contains', value: '' })).toEqual([0, 1, 2, 3, 5, 6, 7])
  })

  it('equals is exact', () => {
    expect(keys(table, { column: 's', kind: 'equals', value: 'Apple' })).toEqual([0])
    expect(keys(table, { column: 's', kind: 'equals', value: 'apple' })).toEqual([])
    expect(keys(table, { column: 's', kind: 'equals', value: '' })).toEqual([7])
  })

  it('work the same on raw (non-dictionary) chunks, including invalid UTF-8 and lone surrogates', () => {
    const rows: unknown[][] = []
    for (let i = 0; i < 9000; i++) rows.push([i % 997 === 0 ? null : `Row-${i}-${i % 3 === 0 ? 'Fizz' : 'buzz'}`])
    rows.push([Uint8Array.from([0x66, 0xff])]) // "f\uFFFD"
    rows.push(['f\uFFFD'])
    rows.push(['Row-42-Fizz'])
    const raw = tableOf([{ name: 's', type: 'string' }], rows)
    expect(keys(raw, { column: 's', kind: 'contains', value: 'fizz' }).length).toBe(3000 - 4 + 1) // minus nulls at multiples of 2991
    expect(keys(raw, { column: 's', kind: 'equals', value: 'Row-42-Fizz' })).toEqual([42, 9002])
    expect(keys(raw, { column: 's', kind: 'equals', value: 'f\uFFFD' })).toEqual([9000, 9001])
    expect(keys(raw, { column: 's', kind: 'equals', value: 'f\uD800' })).toEqual([])
    expect(keys(raw, { column: 's', kind: 'contains', value: '\uFFFD' })).toEqual([9000, 9001])
    expect(keys(raw, { column: 's', kind: 'null' }).length).toBe(10)
  })
})

describe('numeric range filters (inclusive)', () => {
  it('float64: NaN never matches, -0 is within [0, x], ±Infinity bounds', () => {
    const table = tableOf([{ name: 'f', type: 'float64' }], [[1], [2], [3], [NaN], [-0], [null], [Infinity], [-Infinity]])
    expect(keys(table, { column: 'f', kind: 'range', min: 0, max: 2 })).toEqual([0, 1, 4])
    expect(keys(table, { column: 'f', kind: 'range', min: 2 })).toEqual([1, 2, 6])
    expect(keys(table, { column: 'f', kind: 'range', max: 0 })).toEqual([4, 7])
    expect(keys(table, { column: 'f', kind: 'range', min: -Infinity, max: Infinity })).toEqual([0, 1, 2, 4, 6, 7])
    expect(keys(table, { column: 'f', kind: 'range' })).toEqual([0, 1, 2, 4, 6, 7])
  })

  it('float32 compares the stored float32 value', () => {
    const table = tableOf([{ name: 'f', type: 'float32' }], [[0.1], [0.5], [NaN], [null]])
    expect(keys(table, { column: 'f', kind: 'range', max: 0.1 })).toEqual([]) // float32(0.1) = 0.100000001…
    expect(keys(table, { column: 'f', kind: 'range', max: Math.fround(0.1) })).toEqual([0])
    expect(keys(table, { column: 'f', kind: 'range', min: 0.2, max: 0.5 })).toEqual([1])
  })

  it('int16 and int32 at their extremes', () => {
    const table = tableOf(
      [
        { name: 'a', type: 'int16' },
        { name: 'b', type: 'int32' }
      ],
      [
        [-32768, -(2 ** 31)],
        [0, 0],
        [32767, 2 ** 31 - 1],
        [null, null]
      ]
    )
    expect(keys(table, { column: 'a', kind: 'range', min: -32768, max: -32768 })).toEqual([0])
    expect(keys(table, { column: 'b', kind: 'range', min: 0.5 })).toEqual([2])
    expect(keys(table, { column: 'b', kind: 'range', max: 2 ** 40 })).toEqual([0, 1, 2])
  })

  it('int64: exact at the extremes, with string or number bounds', () => {
    const values = [INT64_MIN, -1n, 0n, 1n, 2n ** 53n + 1n, INT64_MAX, null, 2n ** 32n, -(2n ** 32n) + 1n]
    const table = tableOf([{ name: 'v', type: 'int64' }], values.map((v) => [v]))
    expect(keys(table, { column: 'v', kind: 'range', min: '-1', max: '9007199254740993' })).toEqual([1, 2, 3, 4, 7])
    expect(keys(table, { column: 'v', kind: 'range', min: 0.5 })).toEqual([3, 4, 5, 7])
    expect(keys(table, { column: 'v', kind: 'range', max: 2 ** 53 })).toEqual([0, 1, 2, 3, 7, 8])
    expect(keys(table, { column: 'v', kind: 'range', min: '9223372036854775807' })).toEqual([5])
    expect(keys(table, { column: 'v', kind: 'range', max: '-9223372036854775808' })).toEqual([0])
    expect(keys(table, { column: 'v', kind: 'range', min: -(2 ** 32), max: -1 })).toEqual([1, 8])
    expect(keys(table, { column: 'v', kind: 'range', min: 1e30 })).toEqual([])
    expect(keys(table, { column: 'v', kind: 'range', max: -Infinity })).toEqual([])
    expect(keys(table, { column: 'v', kind: 'range', min: -1e30, max: Infinity })).toEqual([0, 1, 2, 3, 4, 5, 7, 8])
  })
})

describe('time range filters', () => {
  it('compare epoch ns exactly, inclusive, with decimal strings or safe integers', () => {
    const base = 1_735_689_600_000_000_000n // 2025-01-01T00:00:00Z
    const table = tableOf(
      [{ name: 't', type: 'timestamp' }],
      [[base], [base + 1n], [base + 999_999n], [null], [base - 1n], [INT64_MIN], [INT64_MAX], [0n]]
    )
    const ns = (v: bigint): string => v.toString()
    expect(keys(table, { column: 't', kind: 'timeRange', min: ns(base), max: ns(base + 999_999n) })).toEqual([0, 1, 2])
    expect(keys(table, { column: 't', kind: 'timeRange', min: ns(base + 1n) })).toEqual([1, 2, 6])
    expect(keys(table, { column: 't', kind: 'timeRange', max: ns(base - 1n) })).toEqual([4, 5, 7])
    expect(keys(table, { column: 't', kind: 'timeRange', min: -5, max: 5 })).toEqual([7])
    // Epoch ms written with appendNumber become ns.
    const ms = tableOf([{ name: 't', type: 'timestamp' }], [[1_700_000_000_000], [1_700_000_000_001]])
    expect(keys(ms, { column: 't', kind: 'timeRange', min: '1700000000000000001' })).toEqual([1])
  })
})

describe('bool, null and combined filters', () => {
  const columns: ColumnDef[] = [
    { name: 'b', type: 'bool' },
    { name: 'raw', type: 'bytes' },
    { name: 'n', type: 'int32' }
  ]
  const table = tableOf(columns, [
    [true, Uint8Array.from([1]), 1],
    [false, null, 2],
    [null, Uint8Array.from([]), 3],
    [true, null, null]
  ])

  it('bool equals; nulls match only the null filter', () => {
    expect(keys(table, { column: 'b', kind: 'equals', value: true })).toEqual([0, 3])
    expect(keys(table, { column: 'b', kind: 'equals', value: false })).toEqual([1])
    expect(keys(table, { column: 'b', kind: 'null' })).toEqual([2])
    expect(keys(table, { column: 'raw', kind: 'null' })).toEqual([1, 3])
    expect(keys(table, { column: 'raw', kind: 'notNull' })).toEqual([0, 2])
    expect(keys(table, { column: 'n', kind: 'null' })).toEqual([3])
  })

  it('ANDs filters, on the same column too', () => {
    expect(keys(table, { column: 'b', kind: 'equals', value: true }, { column: 'raw', kind: 'null' })).toEqual([3])
    expect(keys(table, { column: 'n', kind: 'range', min: 2 }, { column: 'n', kind: 'range', max: 2 })).toEqual([1])
    expect(keys(table, { column: 'n', kind: 'null' }, { column: 'n', kind: 'notNull' })).toEqual([])
  })

  it('a column without any null matches no null filter', () => {
    const t = tableOf([{ name: 'n', type: 'int32' }], [[1], [2]])
    expect(keys(t, { column: 'n', kind: 'null' })).toEqual([])
    expect(keys(t, { column: 'n', kind: 'notNull' })).toEqual([0, 1])
  })
})
