import type { ChunkData } from '../engine/columnReader'
import { compareDecimal } from '../engine/decimalText'
import type { LiveTable } from '../engine/liveTable'
import { CHUNK_MASK, CHUNK_SIZE } from './chunkRuns'
import { compareBytes, utf8Text } from './rawText'
import type { SortColumn } from './viewPlan'

/** Compares two rows given as offsets from a base; never 0 for different rows (ties fall back to arrival order). */
export type RowComparator = (a: number, b: number) => number

/** Compares one sort column of two rows given as arrival indexes; 0 on a tie. */
type KeyCompare = (ka: number, kb: number) => number

/** Compares the non-null values of two rows given as (index into the snapshot's chunks, offset in the chunk). */
type ValueCompare = (ia: number, oa: number, ib: number, ob: number) => number

/**
 * A comparator with exactly the order of sortWords (sortKeys.ts), reading the values of the rows it compares, for
 * merging a sorted batch into a sorted index: O(batch × log(index)) comparisons instead of a re-sort. It holds the
 * arrays of the chunks of arrival indexes [from, to) fetched now: use it within one operation only.
 */
export function rowComparator(table: LiveTable, sort: readonly SortColumn[], base: number, from: number, to: number): RowComparator {
  const firstChunk = Math.floor(from / CHUNK_SIZE)
  const lastChunk = Math.floor(Math.max(from, to - 1) / CHUNK_SIZE)
  const keys = sort.map((key) => {
    const reader = table.columnReader(key.column)
    const chunks: ChunkData[] = []
    for (let c = firstChunk; c <= lastChunk; c++) {
      const data = reader.chunkData(c)
      if (data === null) throw new Error(`rowComparator: chunk ${c} is not held`)
      chunks.push(data)
    }
    return keyCompare(key, chunks, firstChunk * CHUNK_SIZE)
  })
  if (keys.length === 1) {
    const only = keys[0]
    return (a, b) => only(base + a, base + b) || a - b
  }
  return (a, b) => {
    const ka = base + a
    const kb = base + b
    for (let k = 0; k < keys.length; k++) {
      const d = keys[k](ka, kb)
      if (d !== 0) return d
    }
    return a - b
  }
}

/** Total order of numbers: -0 equals 0, NaN equals NaN and is above +Infinity. */
export function compareNumbers(x: number, y: number): number {
  if (x < y) return -1
  if (x > y) return 1
  if (x === y) return 0
  const xNaN = x !== x
  return xNaN === (y !== y) ? 0 : xNaN ? 1 : -1
}

function isNullAt(nulls: Uint8Array | null, o: number): boolean {
  return nulls !== null && (nulls[o >>> 3] & (1 << (o & 7))) !== 0
}

/**
 * The comparison of two rows given as arrival indexes: nulls by nullOrder (-1: first, 1: last), equal to each other;
 * two non-null values by `values`, given where each row lies (chunk c of the snapshot is nulls[(key - start) / CHUNK_SIZE]).
 */
function nullsThen(start: number, nulls: readonly (Uint8Array | null)[], nullOrder: number, values: ValueCompare): KeyCompare {
  return (ka, kb) => {
    const ia = Math.floor((ka - start) / CHUNK_SIZE)
    const ib = Math.floor((kb - start) / CHUNK_SIZE)
    const oa = ka & CHUNK_MASK
    const ob = kb & CHUNK_MASK
    const na = isNullAt(nulls[ia], oa)
    const nb = isNullAt(nulls[ib], ob)
    if (na || nb) return na === nb ? 0 : na ? nullOrder : -nullOrder
    return values(ia, oa, ib, ob)
  }
}

/**
 * One sort column's comparison, specialised per storage: chunk c of the snapshot is chunks[(key - start) / CHUNK_SIZE].
 * Nulls go first or last whatever the direction; desc negates the value comparison.
 */
function keyCompare(key: SortColumn, chunks: ChunkData[], start: number): KeyCompare {
  const nulls = chunks.map((c) => c.nulls)
  const nullOrder = key.nullsFirst ? -1 : 1
  const sign = key.desc ? -1 : 1
  switch (key.type) {
    case 'int16':
    case 'int32':
    case 'date':
    case 'float32':
    case 'float64':
    case 'bool': {
      const values = chunks.map((c) => numericValues(c))
      return nullsThen(start, nulls, nullOrder, (ia, oa, ib, ob) => {
        const x = values[ia][oa]
        const y = values[ib][ob]
        if (x < y) return -sign
        if (x > y) return sign
        return x === y ? 0 : sign * compareNumbers(x, y)
      })
    }
    case 'int64':
    case 'timestamp':
    case 'duration': {
      const words = chunks.map((c) => {
        if (c.kind !== 'int64') throw new Error(`rowComparator: unexpected chunk kind ${c.kind}`)
        return c.words
      })
      return nullsThen(start, nulls, nullOrder, (ia, oa, ib, ob) => {
        const ha = words[ia][2 * oa + 1]
        const hb = words[ib][2 * ob + 1]
        if (ha !== hb) return ha < hb ? -sign : sign
        const la = words[ia][2 * oa] >>> 0
        const lb = words[ib][2 * ob] >>> 0
        return la === lb ? 0 : la < lb ? -sign : sign
      })
    }
    case 'string':
      return nullsThen(start, nulls, nullOrder, (ia, oa, ib, ob) => {
        const ca = chunks[ia]
        const cb = chunks[ib]
        if (ca === cb && ca.kind === 'dictionary' && ca.codes[oa] === ca.codes[ob]) return 0
        const x = stringAt(ca, oa)
        const y = stringAt(cb, ob)
        return x < y ? -sign : x > y ? sign : 0
      })
    case 'decimal':
      return nullsThen(start, nulls, nullOrder, (ia, oa, ib, ob) => sign * compareDecimal(stringAt(chunks[ia], oa), stringAt(chunks[ib], ob)))
    case 'bytes':
      return nullsThen(start, nulls, nullOrder, (ia, oa, ib, ob) => {
        const ca = chunks[ia]
        const cb = chunks[ib]
        if (ca.kind !== 'raw' || cb.kind !== 'raw') throw new Error('rowComparator: expected raw chunks')
        return sign * Math.sign(compareBytes(ca.bytes, ca.offsets[oa], ca.offsets[oa + 1], cb.bytes, cb.offsets[ob], cb.offsets[ob + 1]))
      })
    default:
      throw new Error(`rowComparator: column type ${key.type} is not sortable`)
  }
}

function numericValues(c: ChunkData): ArrayLike<number> {
  switch (c.kind) {
    case 'int16':
    case 'int32':
    case 'float32':
    case 'float64':
    case 'bool':
      return c.values
    default:
      throw new Error(`rowComparator: unexpected chunk kind ${c.kind}`)
  }
}

function stringAt(c: ChunkData, o: number): string {
  if (c.kind === 'dictionary') return c.dictionary[c.codes[o]]
  if (c.kind === 'raw') return utf8Text(c.bytes, c.offsets[o], c.offsets[o + 1])
  throw new Error(`rowComparator: unexpected chunk kind ${c.kind}`)
}
