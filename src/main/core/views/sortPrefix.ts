import type { LiveTable } from '../engine/liveTable'
import { forEachRun } from './chunkRuns'
import type { SortColumn } from './viewPlan'

/**
 * A sorted view keeps, next to each row of its index, a float64 "prefix" of its first sort key: a number that never
 * decreases along the view's order (a < b in the view ⇒ prefix(a) <= prefix(b)). Merging compares prefixes, which
 * sit next to each other in memory, and reads the rows' values (random accesses) only when prefixes tie.
 *
 * Numeric keys only: the value itself (int64/timestamp rounded to the nearest double, which keeps the order),
 * -0 as 0, NaN as +Infinity (NaN sorts after +Infinity); negated for desc; null rows ±Infinity (first/last).
 * Strings, bytes and decimals have none (their ranks are per batch, not global): merges compare values.
 */
export function hasPrefix(key: SortColumn): boolean {
  return key.type !== 'string' && key.type !== 'bytes' && key.type !== 'decimal'
}

/**
 * Whether equal finite prefixes mean equal rows for the sort (then arrival order decides): one sort key whose prefix
 * is its value exactly (not int64/timestamp/duration, which are rounded). Infinite prefixes can still hide NaN or null.
 */
export function prefixIsExact(sort: readonly SortColumn[]): boolean {
  return sort.length === 1 && hasPrefix(sort[0]) && sort[0].type !== 'int64' && sort[0].type !== 'timestamp' && sort[0].type !== 'duration'
}

/** The prefixes of rows[0..n) (offsets from base, ascending arrival order). Requires hasPrefix(key). */
export function sortPrefix(table: LiveTable, key: SortColumn, rows: Uint32Array, n: number, base: number): Float64Array {
  const out = new Float64Array(n)
  const reader = table.columnReader(key.column)
  const nullPrefix = key.nullsFirst ? -Infinity : Infinity
  const sign = key.desc ? -1 : 1
  forEachRun(reader, rows, n, base, 'sortPrefix', (data, i, j, shift) => {
    switch (data.kind) {
      case 'int16':
      case 'int32':
      case 'float32':
      case 'float64':
      case 'bool': {
        const values = data.values
        for (let p = i; p < j; p++) {
          const v = values[rows[p] + shift]
          out[p] = v === v ? sign * (v + 0) : sign * Infinity
        }
        break
      }
      case 'int64': {
        const words = data.words
        for (let p = i; p < j; p++) {
          const at = (rows[p] + shift) * 2
          out[p] = sign * (words[at + 1] * 4294967296 + (words[at] >>> 0))
        }
        break
      }
      default:
        throw new Error(`sortPrefix: no prefix for chunk kind ${data.kind}`)
    }
    const nulls = data.nulls
    if (nulls !== null) {
      for (let p = i; p < j; p++) {
        const o = rows[p] + shift
        if ((nulls[o >>> 3] & (1 << (o & 7))) !== 0) out[p] = nullPrefix
      }
    }
  })
  return out
}
