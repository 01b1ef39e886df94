import { describe, expect, it } from 'vitest'
import type { LiveTable } from '../engine/liveTable'
import { MAX_VIEWPORT_ROWS, TableView } from './tableView'
import { ALL_TYPES, addRandomRows, bruteForce, expectedCell, makeTable, randomSpec, rng, tableOf } from './viewTestSupport'
import type { ViewportData } from './viewTypes'

/** Every cell of the viewport equals the independent conversion of getValue, and no value is a bigint. */
function checkCells(table: LiveTable, data: ViewportData): void {
  for (const column of data.columns) {
    const j = table.columns.findIndex((c) => c.name === column.name)
    expect(column.type).toBe(table.columns[j].type)
    expect(column.values).toHaveLength(data.rowKeys.length)
    column.values.forEach((v, r) => {
      expect(['number', 'string', 'boolean', 'object']).toContain(typeof v)
      expect(v).toEqual(expectedCell(table.getValue(j, data.rowKeys[r] - table.firstRowKey)))
    })
  }
  expect(JSON.parse(JSON.stringify(data))).toEqual(data)
}

describe('viewport', () => {
  const table = tableOf(ALL_TYPES, [
    [1, 10, -(2n ** 63n), 0.5, -0, true, 'b', Uint8Array.from([0xff, 0x00]), 1_735_689_600_123_456_789n],
    [null, null, null, null, null, null, null, null, null],
    [-32768, -(2 ** 31), 2n ** 63n - 1n, NaN, Infinity, false, '日本 😀', Uint8Array.from([]), -1n],
    [32767, 2 ** 31 - 1, 2n ** 53n + 1n, -Infinity, NaN, true, '', Uint8Array.from([1, 2, 3]), 0n],
    [0, 0, -1n, 1e-45, -Infinity, false, 'a', Uint8Array.from([104, 105]), 2n ** 62n]
  ])

  it('returns only the rows asked for, as JSON-safe columns', () => {
    const view = new TableView(table, { sort: [{ column: 's', direction: 'asc' }], filters: [] })
    const data = view.viewport(1, 3)
    expect(data.rowCount).toBe(5)
    expect(data.first).toBe(1)
    expect(data.version).toBe(view.version)
    expect(data.rowKeys).toEqual([4, 0, 2]) // '' (3), 'a' (4), 'b' (0), '日本 😀' (2), null (1)
    expect(data.columns.map((c) => c.name)).toEqual(ALL_TYPES.map((c) => c.name))
    checkCells(table, data)
    const all = view.viewport(0, 4)
    checkCells(table, all)
    const byName = Object.fromEntries(all.columns.map((c) => [c.name, c.values]))
    expect(byName.i64).toEqual(['9007199254740993', '-1', '-9223372036854775808', '9223372036854775807', null])
    expect(byName.ts).toEqual(['0', '4611686018427387904', '1735689600123456789', '-1', null])
    expect(byName.f64).toEqual(['NaN', '-Infinity', 0, 'Infinity', null])
    expect(byName.f32).toEqual(['-Infinity', Math.fround(1e-45), 0.5, 'NaN', null])
    expect(byName.raw).toEqual(['AQID', 'aGk=', '/wA=', '', null])
    expect(byName.b).toEqual([true, false, true, false, null])
    expect(Object.is(byName.f64[2], 0)).toBe(true) // -0 is sent as 0
  })

  it('clamps positions to the view', () => {
    const view = new TableView(table, { sort: [], filters: [] })
    expect(view.viewport(-10, 1).rowKeys).toEqual([0, 1])
    expect(view.viewport(3, 1000).rowKeys).toEqual([3, 4])
    expect(view.viewport(3, 3).rowKeys).toEqual([3])
    expect(view.viewport(3, 2).rowKeys).toEqual([])
    expect(view.viewport(1.7, 2.2)).toMatchObject({ first: 1, rowKeys: [1, 2] })
    expect(view.viewport(99, 120)).toMatchObject({ first: 5, rowCount: 5, rowKeys: [] })
    const empty = new TableView(makeTable({ kind: 'append' }), { sort: [], filters: [] })
    expect(empty.viewport(0, 49)).toEqual({ version: 0, rowCount: 0, first: 0, rowKeys: [], columns: ALL_TYPES.map((c) => ({ name: c.name, type: c.type, values: [] })) })
    expect(() => view.viewport(NaN, 2)).toThrow(RangeError)
    expect(() => view.viewport(0, Infinity)).toThrow(RangeError)
  })

  it('returns the spec’s columns in the spec’s order, or the columns asked for among them', () => {
    const view = new TableView(table, { sort: [], filters: [], columns: ['s', 'i16', 'ts'] })
    expect(view.viewport(0, 0).columns.map((c) => c.name)).toEqual(['s', 'i16', 'ts'])
    expect(view.viewport(0, 0, ['ts', 's']).columns).toEqual([
      { name: 'ts', type: 'timestamp', values: ['1735689600123456789'] },
      { name: 's', type: 'string', values: ['b'] }
    ])
    expect(view.viewport(0, 0, []).columns).toEqual([])
    expect(() => view.viewport(0, 0, ['f64'])).toThrow(/"f64" is not among the view's columns/)
  })

  it(`refuses more than ${MAX_VIEWPORT_ROWS} rows at once`, () => {
    const big = makeTable({ kind: 'append' }, [{ name: 'n', type: 'int32' }])
    for (let r = 0; r < MAX_VIEWPORT_ROWS + 5; r++) {
      big.beginRow()
      big.writers[0].appendNumber(r)
      big.commitRow()
    }
    big.flush()
    const view = new TableView(big, { sort: [], filters: [] })
    expect(view.viewport(0, MAX_VIEWPORT_ROWS - 1).rowKeys).toHaveLength(MAX_VIEWPORT_ROWS)
    expect(() => view.viewport(0, MAX_VIEWPORT_ROWS)).toThrow(RangeError)
  })

  it('matches the brute force at random windows of random views, on ring tables too', () => {
    const random = rng(77)
    for (let round = 0; round < 20; round++) {
      const t = makeTable(round % 2 === 0 ? { kind: 'append' } : { kind: 'ring', capacity: 300 })
      for (let c = 0; c < 3; c++) {
        addRandomRows(t, Math.floor(random() * 400), random)
        t.flush()
      }
      const spec = randomSpec(ALL_TYPES, random)
      const view = new TableView(t, spec)
      const expected = bruteForce(t, spec)
      for (let k = 0; k < 5; k++) {
        const first = Math.floor(random() * (expected.length + 5)) - 2
        const last = first + Math.floor(random() * 60)
        const data = view.viewport(first, last)
        const from = Math.min(Math.max(first, 0), expected.length)
        expect(data.first).toBe(from)
        expect(data.rowKeys).toEqual(expected.slice(from, Math.max(from, Math.min(last + 1, expected.length))))
        checkCells(t, data)
      }
    }
  })
})
