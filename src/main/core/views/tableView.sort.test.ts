import { describe, expect, it } from 'vitest'
import type { LiveTable } from '../engine/liveTable'
import type { ColumnType } from '../types'
import { TableView } from './tableView'
import { ALL_TYPES, INT64_EXTREMES, addRandomRows, bruteForce, makeTable, randomSpec, rng, tableOf } from './viewTestSupport'
import type { SortKey, ViewSpec } from './viewTypes'

function sortedKeys(table: LiveTable, ...sort: SortKey[]): number[] {
  const spec: ViewSpec = { sort, filters: [] }
  const view = new TableView(table, spec)
  const out = view.viewport(0, view.rowCount - 1).rowKeys
  expect(out).toEqual(bruteForce(table, spec))
  view.dispose()
  return out
}

const one = (type: ColumnType, values: unknown[]): LiveTable => tableOf([{ name: 'v', type }], values.map((v) => [v]))

describe('sorting one column', () => {
  it('float64: -0 equals 0 (arrival order), NaN after +Infinity, nulls last by default, first on request', () => {
    const table = one('float64', [3, -1, NaN, -0, 0, null, Infinity, -Infinity, 2, NaN])
    expect(sortedKeys(table, { column: 'v', direction: 'asc' })).toEqual([7, 1, 3, 4, 8, 0, 6, 2, 9, 5])
    expect(sortedKeys(table, { column: 'v', direction: 'desc' })).toEqual([2, 9, 6, 0, 8, 3, 4, 1, 7, 5])
    expect(sortedKeys(table, { column: 'v', direction: 'asc', nulls: 'first' })).toEqual([5, 7, 1, 3, 4, 8, 0, 6, 2, 9])
    expect(sortedKeys(table, { column: 'v', direction: 'desc', nulls: 'first' })).toEqual([5, 2, 9, 6, 0, 8, 3, 4, 1, 7])
  })

  it('float32 the same way, with subnormals and extremes', () => {
    const table = one('float32', [1.5, -0, NaN, null, -3.4e38, 1e-45, 0, -1e-45, 3.4e38, -Infinity])
    expect(sortedKeys(table, { column: 'v', direction: 'asc' })).toEqual([9, 4, 7, 1, 6, 5, 0, 8, 2, 3])
    expect(sortedKeys(table, { column: 'v', direction: 'desc' })).toEqual([2, 8, 0, 5, 1, 6, 7, 4, 9, 3])
  })

  it('int64 and timestamp at the extremes', () => {
    for (const type of ['int64', 'timestamp'] as const) {
      const table = one(type, [...INT64_EXTREMES, null, 0n])
      const asc = sortedKeys(table, { column: 'v', direction: 'asc' })
      const values = asc.map((k) => table.getValue(0, k))
      expect(values).toEqual([-(2n ** 63n), -(2n ** 53n) - 1n, -(2n ** 32n), -1n, 0n, 0n, 1n, 4294967295n, 2n ** 32n, 2n ** 53n + 1n, 2n ** 63n - 1n, null])
      expect(asc.slice(4, 6)).toEqual([3, 11]) // the two zeros keep arrival order
      const desc = sortedKeys(table, { column: 'v', direction: 'desc', nulls: 'first' })
      expect(desc.slice(0, 2).map((k) => table.getValue(0, k))).toEqual([null, 2n ** 63n - 1n])
      expect(desc.slice(6, 8)).toEqual([3, 11])
    }
  })

  it('int16, int32 and bool', () => {
    expect(sortedKeys(one('int16', [5, -32768, 32767, 0, -1, null]), { column: 'v', direction: 'asc' })).toEqual([1, 4, 3, 0, 2, 5])
    expect(sortedKeys(one('int32', [5, -(2 ** 31), 2 ** 31 - 1, 0, -1, null]), { column: 'v', direction: 'desc' })).toEqual([2, 0, 3, 4, 1, 5])
    expect(sortedKeys(one('bool', [true, false, null, true, false]), { column: 'v', direction: 'asc' })).toEqual([1, 4, 0, 3, 2])
    expect(sortedKeys(one('bool', [true, false, null, true, false]), { column: 'v', direction: 'desc', nulls: 'first' })).toEqual([2, 0, 3, 1, 4])
  })

  it('strings by UTF-16 code units: uppercase before lowercase, "" first, surrogate pairs before U+E000–U+FFFF', () => {
    const table = one('string', ['b', 'B', 'a', '', null, 'Äpfel', 'z', '😀', '\uFF21', 'ab', 'a'])
    const asc = sortedKeys(table, { column: 'v', direction: 'asc' })
    expect(asc.map((k) => table.getValue(0, k))).toEqual(['', 'B', 'a', 'a', 'ab', 'b', 'z', 'Äpfel', '😀', '\uFF21', null])
    expect(asc.slice(2, 4)).toEqual([2, 10])
    const desc = sortedKeys(table, { column: 'v', direction: 'desc' })
    expect(desc.slice(0, 2).map((k) => table.getValue(0, k))).toEqual(['\uFF21', '😀'])
    expect(desc.slice(6, 8)).toEqual([2, 10])
  })

  it('bytes by unsigned bytes, a prefix first', () => {
    const b = (...xs: number[]): Uint8Array => Uint8Array.from(xs)
    const table = one('bytes', [b(255), b(1), b(), b(0, 0), null, b(0), b(128), b(1)])
    expect(sortedKeys(table, { column: 'v', direction: 'asc' })).toEqual([2, 5, 3, 1, 7, 6, 0, 4])
    expect(sortedKeys(table, { column: 'v', direction: 'desc' })).toEqual([0, 6, 1, 7, 3, 5, 2, 4])
  })

  it('is stable: ties keep arrival order, ascending and descending', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 3)
    const table = one('int32', values)
    for (const direction of ['asc', 'desc'] as const) {
      const out = sortedKeys(table, { column: 'v', direction })
      for (let i = 1; i < out.length; i++) {
        if (values[out[i]] === values[out[i - 1]]) expect(out[i]).toBeGreaterThan(out[i - 1])
      }
    }
  })
})

describe('sorting several columns', () => {
  it('orders by the first key, then the next on ties', () => {
    const table = tableOf(
      [
        { name: 's', type: 'string' },
        { name: 'f', type: 'float64' },
        { name: 't', type: 'timestamp' }
      ],
      [
        ['b', 1, 5n],
        ['a', 2, 5n],
        ['b', 3, 4n],
        ['a', 2, 4n],
        [null, 9, 1n],
        ['a', null, 1n],
        ['b', 3, 4n]
      ]
    )
    expect(sortedKeys(table, { column: 's', direction: 'asc' }, { column: 'f', direction: 'desc' })).toEqual([1, 3, 5, 2, 6, 0, 4])
    expect(sortedKeys(table, { column: 's', direction: 'asc' }, { column: 'f', direction: 'desc', nulls: 'first' })).toEqual([5, 1, 3, 2, 6, 0, 4])
    expect(sortedKeys(table, { column: 'f', direction: 'asc' }, { column: 't', direction: 'asc' })).toEqual([0, 3, 1, 2, 6, 4, 5])
    expect(sortedKeys(table, { column: 't', direction: 'desc' }, { column: 's', direction: 'desc' }, { column: 'f', direction: 'asc' })).toEqual([0, 1, 2, 6, 3, 5, 4])
  })

  it('matches the brute force on random tables of every type and random specs', () => {
    const random = rng(2024)
    for (let round = 0; round < 40; round++) {
      const table = makeTable({ kind: 'append' })
      addRandomRows(table, 1 + Math.floor(random() * 1500), random, { nulls: random() * 0.3 })
      table.flush()
      const spec = randomSpec(ALL_TYPES, random)
      const view = new TableView(table, spec)
      expect(view.viewport(0, view.rowCount - 1).rowKeys, JSON.stringify(spec)).toEqual(bruteForce(table, spec))
    }
  })
})

describe('raw string chunks', () => {
  it('sort ASCII values read in place and decoded non-ASCII ones (and invalid UTF-8) in one order', () => {
    const random = rng(31)
    const pieces = ['a', 'B', 'é', '😀', '\uFF21', 'id-', 'z', '0']
    const rows: unknown[][] = []
    for (let r = 0; r < 9000; r++) {
      let s = `${Math.floor(random() * 100_000)}`
      for (let k = Math.floor(random() * 4); k > 0; k--) s += pieces[Math.floor(random() * pieces.length)]
      rows.push([r % 777 === 0 ? null : r % 501 === 0 ? Uint8Array.from([0x61, 0xc3]) : s])
    }
    const table = tableOf([{ name: 's', type: 'string' }], rows)
    expect(table.columnReader(0).chunkData(0)?.kind).toBe('raw')
    sortedKeys(table, { column: 's', direction: 'asc' })
    sortedKeys(table, { column: 's', direction: 'desc', nulls: 'first' })
  })
})

describe('large tables', () => {
  it('sorts and filters across chunks, with dictionary and raw string chunks', () => {
    const random = rng(99)
    const table = makeTable({ kind: 'append' }, [
      { name: 's', type: 'string' },
      { name: 'f', type: 'float64' },
      { name: 'i', type: 'int64' }
    ])
    // Chunk 0 goes raw (unique strings); chunk 1 stays a dictionary (few values); some rows repeat values.
    for (let r = 0; r < 140_000; r++) {
      table.beginRow()
      table.writers[0].appendString(r < 65_536 && r % 5 !== 0 ? `u${r % 20_000}` : `sym${r % 50}`)
      if (r % 101 === 0) table.writers[1].appendNull()
      else table.writers[1].appendNumber(Math.floor(random() * 1000) / 8)
      table.writers[2].appendBigInt(BigInt(Math.floor(random() * 2 ** 40)) * (r % 2 === 0 ? 1n : -1n))
      table.commitRow()
    }
    table.flush()
    const specs: ViewSpec[] = [
      { sort: [{ column: 's', direction: 'asc' }], filters: [] },
      { sort: [{ column: 's', direction: 'desc' }, { column: 'f', direction: 'asc', nulls: 'first' }], filters: [{ column: 's', kind: 'contains', value: '1' }] },
      { sort: [{ column: 'i', direction: 'desc' }], filters: [{ column: 'f', kind: 'range', min: 10, max: 60 }] }
    ]
    for (const spec of specs) {
      const view = new TableView(table, spec)
      const expected = bruteForce(table, spec)
      expect(view.rowCount).toBe(expected.length)
      const got: number[] = []
      for (let p = 0; p < view.rowCount; p += 10_000) got.push(...view.viewport(p, p + 9_999).rowKeys)
      expect(got).toEqual(expected)
    }
  }, 60_000)
})
