import type { ColumnType } from '../types'
import type { ColumnReader } from './columnReader'

/**
 * Appends values to one column of a LiveTable, one value per row between `beginRow()` and `commitRow()`.
 * A method that does not fit the column's type throws a TypeError (a programming error, not a data error);
 * a value the column cannot hold (an int32 column given 2^40, an int64 column given 0.5) throws a RangeError.
 */
export interface ColumnWriter {
  readonly type: ColumnType
  appendNull(): void
  /**
   * int16/int32 (integers in range), float32/float64; int64 (an integer, exact within ±2^53);
   * timestamp: v = epoch MILLISECONDS (an integer); date: days since 1970-01-01 (an int32); duration: nanoseconds (a safe
   * integer); bool: v !== 0.
   */
  appendNumber(v: number): void
  /** int64, timestamp (epoch ns) and duration (ns): the two 32-bit words of a two's complement int64 (hi signed or unsigned, lo uint32). */
  appendInt64(hi: number, lo: number): void
  /** int64, timestamp (epoch ns) and duration (ns); outside the int64 range throws a RangeError. */
  appendBigInt(v: bigint): void
  /** bool */
  appendBool(v: boolean): void
  /** string; decimal (canonical decimal text, see decimalText.ts, else RangeError) */
  appendString(s: string): void
  /** string (UTF-8 text), decimal (its canonical text) and bytes (raw bytes are copied): `bytes[start..end)`. */
  appendUtf8(bytes: Uint8Array, start: number, end: number): void
  /** list (k = 0: the elements) and map (0: the keys, 1: the values): where the row's elements are appended first. */
  child(k: number): ColumnWriter
  /** list and map: ends the row's value with the elements appended to the children since the previous row. */
  appendList(): void
}

/** What LiveTable needs from a column besides writing: row bookkeeping, reads by arrival index, memory. */
export interface ColumnStore extends ColumnWriter, ColumnReader {
  /** Values appended so far: the arrival index the next value gets. */
  readonly length: number
  /** Drops the values at arrival indexes >= `length` (rolls back a partial row). */
  truncate(length: number): void
  /** Releases the chunks that lie wholly before arrival index `index`. */
  releaseBefore(index: number): void
  /** The value at arrival index `i` (which must be held), null for null. */
  get(i: number): unknown
  isNull(i: number): boolean
  memoryBytes(): number
}

export function writerMismatch(name: string, type: ColumnType, method: string): TypeError {
  return new TypeError(`${method}() does not fit column "${name}" of type ${type}`)
}
