import type { ColumnType } from '../types'

/**
 * The storage of one chunk of a column, for bulk reads (views sort and filter millions of rows; `getValue` per row
 * would be far too slow). Chunk number c holds arrival indexes [c * CHUNK_SIZE, (c + 1) * CHUNK_SIZE); the row with
 * arrival index i is at offset `i & CHUNK_MASK`. Null rows have a set bit in `nulls` (see nullBitmap.ts; `nulls` is
 * null while the chunk holds no null) and an unspecified value.
 *
 * These are the engine's live arrays: READ ONLY, and valid only until the next write to the table (an append may
 * reallocate the current chunk's arrays, or re-encode a string chunk from dictionary to raw). Fetch them again for
 * every operation; never keep them across a flush. Arrays can be longer than the rows written so far: read only
 * arrival indexes inside the table's visible window.
 */
export type ChunkData =
  | { readonly kind: 'int16'; readonly values: Int16Array; readonly nulls: Uint8Array | null }
  | { readonly kind: 'int32'; readonly values: Int32Array; readonly nulls: Uint8Array | null }
  | { readonly kind: 'float32'; readonly values: Float32Array; readonly nulls: Uint8Array | null }
  | { readonly kind: 'float64'; readonly values: Float64Array; readonly nulls: Uint8Array | null }
  /** bool: 0 or 1 per row. */
  | { readonly kind: 'bool'; readonly values: Uint8Array; readonly nulls: Uint8Array | null }
  /** int64, timestamp (epoch ns) and duration (ns): little-endian word pairs, row k at words[2k] (low, read it `>>> 0`) and words[2k + 1] (high, signed). */
  | { readonly kind: 'int64'; readonly words: Int32Array; readonly nulls: Uint8Array | null }
  /** A dictionary-encoded string (or decimal) chunk: row k is `dictionary[codes[k]]`. The dictionary only grows while the chunk is written. */
  | { readonly kind: 'dictionary'; readonly codes: Uint16Array; readonly dictionary: readonly string[]; readonly nulls: Uint8Array | null }
  /** A raw string chunk (UTF-8) or a bytes chunk: row k is `bytes[offsets[k]..offsets[k + 1])`. */
  | { readonly kind: 'raw'; readonly bytes: Uint8Array; readonly offsets: Uint32Array; readonly nulls: Uint8Array | null }
  /** list: row k's elements are the rows [base + offsets[k], base + offsets[k + 1]) of `items`. */
  | { readonly kind: 'list'; readonly base: number; readonly offsets: Uint32Array; readonly items: ColumnReader; readonly nulls: Uint8Array | null }
  /** map: row k's entries are the rows [base + offsets[k], base + offsets[k + 1]) of `keys` and of `values`. */
  | {
      readonly kind: 'map'
      readonly base: number
      readonly offsets: Uint32Array
      readonly keys: ColumnReader
      readonly values: ColumnReader
      readonly nulls: Uint8Array | null
    }

export type ChunkKind = ChunkData['kind']

/** Read access to one column's chunks: `LiveTable.columnReader(j)`. */
export interface ColumnReader {
  readonly type: ColumnType
  /** The storage of chunk number `c`, or null when the column does not hold that chunk (released, or not written yet). */
  chunkData(c: number): ChunkData | null
}
