import { describe, expect, it } from 'vitest'
import { CHUNK_SIZE } from '../engine/chunkLayout'
import { compareDecimal } from '../engine/decimalText'
import { LiveTable } from '../engine/liveTable'
import { TableView } from './tableView'
import { appendRows, tableOf } from './viewTestSupport'
import { ViewSpecError, validateViewSpec } from './viewSpecValidation'
import type { ColumnFilter, SortKey } from './viewTypes'

const COLUMNS = [
  { name: 'd', type: 'date' as const },
  { name: 'dur', type: 'duration' as const },
  { name: 'dec', type: 'decimal' as const },
  { name: 'l', type: 'list<int32>' as const },
  { name: 'm', type: 'map<string,string>' as const }
]
const ROWS: unknown[][] = [
  [19_000, 5_000_000_000n, '10.5', [1, 2], { a: 'x' }],
  [-1, -1n, '-2', [], {}],
  [null, null, null, null, null],
  [0, 0n, '12345678901234567890.12', [30], { b: 'Yes', c: null }],
  [19_000, 5n, '10.50', [null, 4], { A: 'z' }]
]

function rowKeys(table: LiveTable, sort: SortKey[], filters: ColumnFilter[] = []): number[] {
  const view = new TableView(table, { sort, filters })
  const keys = view.viewport(0, view.rowCount - 1).rowKeys
  view.dispose()
  return keys
}

describe('views over date, duration, decimal, list and map columns', () => {
  const table = tableOf(COLUMNS, ROWS)

  it('reads cells as JSON-safe values: dates as YYYY-MM-DD, durations as ns text, lists and maps as arrays and objects', () => {
    const view = new TableView(table, { sort: [], filters: [] })
    const data = view.viewport(0, 4)
    expect(data.columns.map((c) => c.values)).toEqual([
      ['2022-01-08', '1969-12-31', null, '1970-01-01', '2022-01-08'],
      ['5000000000', '-1', null, '0', '5'],
      ['10.5', '-2', null, '12345678901234567890.12', '10.50'],
      [[1, 2], [], null, [30], [null, 4]],
      [{ a: 'x' }, {}, null, { b: 'Yes', c: null }, { A: 'z' }]
    ])
    expect(JSON.parse(JSON.stringify(data))).toEqual(data)
    view.dispose()
  })

  it('sorts dates, durations and decimals by value (decimals numerically, equal scales tie by arrival)', () => {
    expect(rowKeys(table, [{ column: 'd', direction: 'asc' }])).toEqual([1, 3, 0, 4, 2])
    expect(rowKeys(table, [{ column: 'dur', direction: 'desc', nulls: 'first' }])).toEqual([2, 0, 4, 3, 1])
    expect(rowKeys(table, [{ column: 'dec', direction: 'asc' }])).toEqual([1, 0, 4, 3, 2])
    expect(rowKeys(table, [{ column: 'dec', direction: 'desc' }])).toEqual([3, 0, 4, 1, 2])
  })

  it('merges new rows into a sorted decimal view', () => {
    const live = tableOf(COLUMNS, ROWS)
    const view = new TableView(live, { sort: [{ column: 'dec', direction: 'asc' }], filters: [] })
    appendRows(live, [[null, null, '10.49', null, null], [null, null, '-100', null, null]])
    live.flush()
    expect(view.viewport(0, 10).rowKeys).toEqual([6, 1, 5, 0, 4, 3, 2])
    view.dispose()
  })

  it('filters by range: dates as YYYY-MM-DD or day numbers, durations in ns, decimals exactly', () => {
    expect(rowKeys(table, [], [{ column: 'd', kind: 'range', min: '1970-01-01', max: '2022-01-08' }])).toEqual([0, 3, 4])
    expect(rowKeys(table, [], [{ column: 'd', kind: 'range', max: -1 }])).toEqual([1])
    expect(rowKeys(table, [], [{ column: 'dur', kind: 'range', min: '5', max: 5_000_000_000 }])).toEqual([0, 4])
    expect(rowKeys(table, [], [{ column: 'dec', kind: 'range', min: '10.5' }])).toEqual([0, 3, 4])
    expect(rowKeys(table, [], [{ column: 'dec', kind: 'range', min: 10.500001 }])).toEqual([3])
    expect(rowKeys(table, [], [{ column: 'dec', kind: 'range', max: '12345678901234567890.11' }])).toEqual([0, 1, 4])
  })

  it('filters lists and maps by their JSON text (contains), and by null', () => {
    expect(rowKeys(table, [], [{ column: 'l', kind: 'contains', value: '30' }])).toEqual([3])
    expect(rowKeys(table, [], [{ column: 'l', kind: 'contains', value: 'null' }])).toEqual([4])
    expect(rowKeys(table, [], [{ column: 'm', kind: 'contains', value: 'yes' }])).toEqual([3])
    expect(rowKeys(table, [], [{ column: 'm', kind: 'null' }])).toEqual([2])
    expect(rowKeys(table, [], [{ column: 'l', kind: 'notNull' }])).toEqual([0, 1, 3, 4])
  })

  it('rejects sorting by lists and maps, and filters that do not fit the new types', () => {
    expect(() => validateViewSpec({ sort: [{ column: 'l', direction: 'asc' }], filters: [] }, COLUMNS)).toThrow(/not sortable/)
    expect(() => validateViewSpec({ sort: [{ column: 'm', direction: 'asc' }], filters: [] }, COLUMNS)).toThrow(ViewSpecError)
    expect(() => validateViewSpec({ sort: [], filters: [{ column: 'l', kind: 'range', min: 1 }] }, COLUMNS)).toThrow(/does not fit/)
    expect(() => validateViewSpec({ sort: [], filters: [{ column: 'd', kind: 'range', min: '2023-02-30' }] }, COLUMNS)).toThrow(/YYYY-MM-DD/)
    expect(() => validateViewSpec({ sort: [], filters: [{ column: 'dec', kind: 'range', min: '1e3' }] }, COLUMNS)).toThrow(/decimal string/)
    expect(() => validateViewSpec({ sort: [], filters: [{ column: 'dec', kind: 'range', min: '2', max: '1.99' }] }, COLUMNS)).toThrow(/above max/)
  })

  it('keeps working across chunk boundaries and as a ring table releases chunks', () => {
    const ring = new LiveTable(COLUMNS, { kind: 'ring', capacity: 1000 })
    const rows: unknown[][] = []
    for (let r = 0; r < CHUNK_SIZE + 500; r++) rows.push([r, BigInt(r), `${r % 100}.${r % 7}`, [r, r], { k: String(r) }])
    appendRows(ring, rows)
    ring.flush()
    const view = new TableView(ring, { sort: [{ column: 'dec', direction: 'desc' }], filters: [{ column: 'm', kind: 'contains', value: '"6' }] })
    const window = rows.slice(rows.length - 1000).map((row) => row[2] as string)
    const expected = window.map((text, k) => ({ text, k })).sort((x, y) => compareDecimal(y.text, x.text) || x.k - y.k)
    expect(view.viewport(0, 2).columns[2].values).toEqual(expected.slice(0, 3).map((e) => e.text))
    appendRows(ring, rows.slice(0, 2000))
    ring.flush()
    expect(view.rowCount).toBe(0) // the rows left hold keys 1000..1999
    expect(ring.getValue(3, 0)).toEqual([1000, 1000])
    expect(ring.getValue(4, 999)).toEqual({ k: '1999' })
    view.dispose()
  })
})
