import type { ColumnType } from '../types'
import { CHUNK_MASK } from './chunkLayout'
import { type Chunk, ChunkedColumn } from './chunkedColumn'
import type { ChunkData } from './columnReader'
import { INT64_MAX, INT64_MIN } from './int64Words'
import { testNullBit } from './nullBitmap'

export interface Int64Chunk extends Chunk {
  /** Little-endian lo/hi word pairs: row k at words[2k] (lo) and words[2k + 1] (hi). */
  words: Int32Array
  /** The same buffer read as int64s. */
  big: BigInt64Array
}

const EMPTY_WORDS = new Int32Array(0)
const EMPTY_BIG = new BigInt64Array(0)

/**
 * int64 storage shared by Int64Column and TimestampColumn (which differ only in appendNumber): word pairs in an
 * Int32Array, written without allocating a BigInt and read through a BigInt64Array view of the same buffer.
 * Assumes a little-endian platform (every platform Node and Electron ship for).
 */
export abstract class Int64PairColumn extends ChunkedColumn<Int64Chunk> {
  abstract override readonly type: ColumnType
  protected words: Int32Array = EMPTY_WORDS
  protected big: BigInt64Array = EMPTY_BIG

  override appendInt64(hi: number, lo: number): void {
    const i = this.length
    if (i >= this.end) this.grow(i)
    const at = (i - this.start) * 2
    const words = this.words
    words[at] = lo
    words[at + 1] = hi
    this.length = i + 1
  }

  override appendBigInt(v: bigint): void {
    if (typeof v !== 'bigint' || v < INT64_MIN || v > INT64_MAX) {
      throw new RangeError(`column "${this.name}" (${this.type}): ${String(v)} is not an int64`)
    }
    const i = this.length
    if (i >= this.end) this.grow(i)
    this.big[i - this.start] = v
    this.length = i + 1
  }

  appendNull(): void {
    const i = this.length
    if (i >= this.end) this.grow(i)
    const off = i - this.start
    this.words[off * 2] = 0
    this.words[off * 2 + 1] = 0
    this.markNull(off)
    this.length = i + 1
  }

  get(i: number): bigint | null {
    const chunk = this.chunkAt(i)
    const off = i & CHUNK_MASK
    if (chunk.nulls !== null && testNullBit(chunk.nulls, off)) return null
    return chunk.big[off]
  }

  protected createChunk(capacity: number): Int64Chunk {
    const words = new Int32Array(capacity * 2)
    return { capacity, nulls: null, words, big: new BigInt64Array(words.buffer) }
  }

  protected enlarge(chunk: Int64Chunk, capacity: number): void {
    const words = new Int32Array(capacity * 2)
    words.set(chunk.words)
    chunk.words = words
    chunk.big = new BigInt64Array(words.buffer)
  }

  protected bind(chunk: Int64Chunk | null): void {
    this.words = chunk === null ? EMPTY_WORDS : chunk.words
    this.big = chunk === null ? EMPTY_BIG : chunk.big
  }

  protected describe(chunk: Int64Chunk): ChunkData {
    return { kind: 'int64', words: chunk.words, nulls: chunk.nulls }
  }

  protected chunkBytes(chunk: Int64Chunk): number {
    return chunk.words.byteLength
  }
}
