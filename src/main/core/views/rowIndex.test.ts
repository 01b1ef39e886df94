import { describe, expect, it } from 'vitest'
import { RowIndex } from './rowIndex'
import { rng } from './viewTestSupport'

/** Rows are offsets; their "value" is value[row]; ties by row. */
function setup(values: number[]) {
  const compare = (a: number, b: number): number => values[a] - values[b] || a - b
  return { compare }
}

describe('RowIndex', () => {
  it('merges sorted batches (both strategies) into a sorted index, with and without prefixes', () => {
    const random = rng(7)
    for (const [n, m] of [
      [0, 5],
      [5, 0],
      [1000, 3],
      [1000, 900],
      [50, 5000],
      [20_000, 100]
    ]) {
      for (const withPrefix of [false, true]) {
        const values = Array.from({ length: n + m }, () => Math.floor(random() * 50))
        const { compare } = setup(values)
        const existing = Array.from({ length: n }, (_, i) => i).sort(compare)
        const batch = Array.from({ length: m }, (_, i) => n + i).sort(compare)
        // A prefix that ties often (value / 10) but never contradicts the order.
        const prefixOf = (rows: number[]): Float64Array | null => (withPrefix ? Float64Array.from(rows, (r) => Math.floor(values[r] / 10)) : null)
        const index = new RowIndex()
        index.replace(Uint32Array.from(existing), n, 0, prefixOf(existing))
        index.merge(Uint32Array.from(batch), prefixOf(batch), m, compare)
        const expected = [...existing, ...batch].sort(compare)
        expect(Array.from(index.data.subarray(0, index.count))).toEqual(expected)
        if (withPrefix) expect(Array.from((index.prefix as Float64Array).subarray(0, index.count))).toEqual(Array.from(prefixOf(expected) as Float64Array))
      }
    }
  })

  it('drops rows below a key, in arrival order or in any order, and rebases', () => {
    const index = new RowIndex()
    index.replace(Uint32Array.from([5, 1, 9, 3, 7]), 5, 100, Float64Array.from([5, 1, 9, 3, 7]))
    expect(index.dropBelow(104, false)).toBe(2)
    expect(Array.from(index.data.subarray(0, index.count))).toEqual([5, 9, 7])
    expect(Array.from((index.prefix as Float64Array).subarray(0, index.count))).toEqual([5, 9, 7])
    index.rebase(105)
    expect([0, 1, 2].map((p) => index.key(p))).toEqual([105, 109, 107])
    const ascending = new RowIndex()
    ascending.replace(Uint32Array.from([0, 2, 4, 6]), 4, 10)
    expect(ascending.dropBelow(13, true)).toBe(2)
    expect([0, 1].map((p) => ascending.key(p))).toEqual([14, 16])
    expect(ascending.dropBelow(5, true)).toBe(0)
  })
})
