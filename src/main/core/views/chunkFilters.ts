import type { ChunkData } from '../engine/columnReader'
import type { ColumnType } from '../types'
import { compareDecimal } from '../engine/decimalText'
import { nestedCell } from './cellValues'
import { DictionaryFlags } from './dictionaryFlags'
import { compareBytes, utf8Bytes, utf8Text } from './rawText'
import { dateBound, decimalBound, int64Bound } from './viewSpecValidation'
import type { ColumnFilter } from './viewTypes'

/**
 * A filter compiled for one column, applied a chunk at a time: `apply` clears mask[o] for the offsets o in
 * [from, to) of chunk number `chunk` whose row fails. Null rows fail every filter but 'null'.
 */
export interface ChunkFilter {
  readonly column: number
  /** Relative cost per row: cheap filters run first, so that costly ones (raw text) skip rows already out. */
  readonly cost: number
  apply(data: ChunkData, chunk: number, from: number, to: number, mask: Uint8Array): void
  /** Forgets what the filter cached for chunks below `chunk` (released by the table). */
  releaseBefore(chunk: number): void
}

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

/** Compiles a filter that validateViewSpec accepted for a column of this type. */
export function compileFilter(column: number, type: ColumnType, filter: ColumnFilter): ChunkFilter {
  switch (filter.kind) {
    case 'null':
      return new NullFilter(column, true)
    case 'notNull':
      return new NullFilter(column, false)
    case 'contains': {
      const needle = filter.value.toLowerCase()
      const test = (s: string): boolean => s.toLowerCase().includes(needle)
      return type.startsWith('list<') || type.startsWith('map<') ? new NestedTextFilter(column, test) : new TextFilter(column, test, null)
    }
    case 'equals':
      if (type === 'bool') return new BoolFilter(column, filter.value === true)
      return new TextFilter(column, (s) => s === filter.value, filter.value as string)
    case 'range':
    case 'timeRange':
      if (type === 'decimal') {
        const min = filter.min === undefined ? null : decimalBound(filter.min)
        const max = filter.max === undefined ? null : decimalBound(filter.max)
        const test = (s: string): boolean => (min === null || compareDecimal(s, min) >= 0) && (max === null || compareDecimal(s, max) <= 0)
        return new TextFilter(column, test, null)
      }
      if (type === 'date') {
        return new NumberRangeFilter(column, filter.min === undefined ? -Infinity : dateBound(filter.min, 'min'), filter.max === undefined ? Infinity : dateBound(filter.max, 'max'))
      }
      if (type === 'int64' || type === 'timestamp' || type === 'duration') {
        let min = filter.min === undefined ? INT64_MIN : int64Bound(filter.min, 'min')
        let max = filter.max === undefined ? INT64_MAX : int64Bound(filter.max, 'max')
        if (min < INT64_MIN) min = INT64_MIN
        if (max > INT64_MAX) max = INT64_MAX
        return new Int64RangeFilter(column, min, max)
      }
      return new NumberRangeFilter(column, filter.min === undefined ? -Infinity : (filter.min as number), filter.max === undefined ? Infinity : (filter.max as number))
  }
}

/** Clears the mask of the null rows in [from, to). */
export function clearNulls(nulls: Uint8Array | null, from: number, to: number, mask: Uint8Array): void {
  if (nulls === null) return
  for (let o = from; o < to; o++) {
    if ((nulls[o >>> 3] & (1 << (o & 7))) !== 0) mask[o] = 0
  }
}

function kindMismatch(data: ChunkData, filter: string): Error {
  return new Error(`${filter}: unexpected chunk kind ${data.kind}`)
}

class NullFilter implements ChunkFilter {
  readonly cost = 0
  constructor(
    readonly column: number,
    private readonly wantNull: boolean
  ) {}

  apply(data: ChunkData, _chunk: number, from: number, to: number, mask: Uint8Array): void {
    const nulls = data.nulls
    if (!this.wantNull) {
      clearNulls(nulls, from, to, mask)
    } else if (nulls === null) {
      mask.fill(0, from, to)
    } else {
      for (let o = from; o < to; o++) {
        if ((nulls[o >>> 3] & (1 << (o & 7))) === 0) mask[o] = 0
      }
    }
  }

  releaseBefore(): void {}
}

/** int16/int32/float32/float64: min <= v <= max, so NaN fails. */
class NumberRangeFilter implements ChunkFilter {
  readonly cost = 1
  constructor(
    readonly column: number,
    private readonly min: number,
    private readonly max: number
  ) {}

  apply(data: ChunkData, _chunk: number, from: number, to: number, mask: Uint8Array): void {
    if (data.kind !== 'int16' && data.kind !== 'int32' && data.kind !== 'float32' && data.kind !== 'float64') throw kindMismatch(data, 'range')
    const values = data.values
    const min = this.min
    const max = this.max
    for (let o = from; o < to; o++) {
      const v = values[o]
      if (!(v >= min && v <= max)) mask[o] = 0
    }
    clearNulls(data.nulls, from, to, mask)
  }

  releaseBefore(): void {}
}

/** int64/timestamp: compares word pairs (high signed, low unsigned) with the bounds', without BigInts per row. */
class Int64RangeFilter implements ChunkFilter {
  readonly cost = 1
  private readonly empty: boolean
  private readonly minHi: number
  private readonly minLo: number
  private readonly maxHi: number
  private readonly maxLo: number

  constructor(
    readonly column: number,
    min: bigint,
    max: bigint
  ) {
    this.empty = min > max
    this.minHi = Number(BigInt.asIntN(32, min >> 32n))
    this.minLo = Number(BigInt.asUintN(32, min))
    this.maxHi = Number(BigInt.asIntN(32, max >> 32n))
    this.maxLo = Number(BigInt.asUintN(32, max))
  }

  apply(data: ChunkData, _chunk: number, from: number, to: number, mask: Uint8Array): void {
    if (data.kind !== 'int64') throw kindMismatch(data, 'range')
    if (this.empty) {
      mask.fill(0, from, to)
      return
    }
    const words = data.words
    const { minHi, minLo, maxHi, maxLo } = this
    for (let o = from; o < to; o++) {
      const hi = words[2 * o + 1]
      const lo = words[2 * o] >>> 0
      if (hi < minHi || (hi === minHi && lo < minLo) || hi > maxHi || (hi === maxHi && lo > maxLo)) mask[o] = 0
    }
    clearNulls(data.nulls, from, to, mask)
  }

  releaseBefore(): void {}
}

class BoolFilter implements ChunkFilter {
  readonly cost = 0
  private readonly want: number
  constructor(
    readonly column: number,
    want: boolean
  ) {
    this.want = want ? 1 : 0
  }

  apply(data: ChunkData, _chunk: number, from: number, to: number, mask: Uint8Array): void {
    if (data.kind !== 'bool') throw kindMismatch(data, 'equals')
    const values = data.values
    const want = this.want
    for (let o = from; o < to; o++) {
      if (values[o] !== want) mask[o] = 0
    }
    clearNulls(data.nulls, from, to, mask)
  }

  releaseBefore(): void {}
}

/**
 * string contains/equals. Dictionary chunks test each distinct value once (DictionaryFlags) and then look rows up by
 * code; raw chunks decode the rows still in the mask. For equals on raw chunks, when the wanted value has no
 * surrogate and no U+FFFD, a row matches exactly when its bytes are the value's UTF-8 (decoding is then one to
 * one), so rows are compared as bytes without decoding.
 */
class TextFilter implements ChunkFilter {
  readonly cost: number
  private readonly flags: DictionaryFlags
  private readonly exactBytes: Uint8Array | null

  constructor(
    readonly column: number,
    private readonly test: (s: string) => boolean,
    equals: string | null
  ) {
    this.flags = new DictionaryFlags(test)
    this.exactBytes = equals !== null && !/[\uD800-\uDFFF\uFFFD]/.test(equals) ? utf8Bytes(equals) : null
    this.cost = this.exactBytes !== null ? 2 : 3
  }

  apply(data: ChunkData, chunk: number, from: number, to: number, mask: Uint8Array): void {
    if (data.kind === 'dictionary') {
      const flags = this.flags.flags(chunk, data.dictionary)
      const codes = data.codes
      for (let o = from; o < to; o++) {
        if (flags[codes[o]] === 0) mask[o] = 0
      }
    } else if (data.kind === 'raw') {
      const { bytes, offsets } = data
      const exact = this.exactBytes
      if (exact !== null) {
        for (let o = from; o < to; o++) {
          if (mask[o] !== 0 && compareBytes(bytes, offsets[o], offsets[o + 1], exact, 0, exact.length) !== 0) mask[o] = 0
        }
      } else {
        const test = this.test
        for (let o = from; o < to; o++) {
          if (mask[o] !== 0 && !test(utf8Text(bytes, offsets[o], offsets[o + 1]))) mask[o] = 0
        }
      }
    } else {
      throw kindMismatch(data, 'text filter')
    }
    clearNulls(data.nulls, from, to, mask)
  }

  releaseBefore(chunk: number): void {
    this.flags.releaseBefore(chunk)
  }
}

/** list/map contains: tests the JSON text of each row still in (built for that row only). */
class NestedTextFilter implements ChunkFilter {
  readonly cost = 4
  constructor(
    readonly column: number,
    private readonly test: (s: string) => boolean
  ) {}

  apply(data: ChunkData, _chunk: number, from: number, to: number, mask: Uint8Array): void {
    if (data.kind !== 'list' && data.kind !== 'map') throw kindMismatch(data, 'contains')
    clearNulls(data.nulls, from, to, mask)
    const test = this.test
    for (let o = from; o < to; o++) {
      if (mask[o] !== 0 && !test(JSON.stringify(nestedCell(data, o)))) mask[o] = 0
    }
  }

  releaseBefore(): void {}
}
