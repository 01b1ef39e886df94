import type { ColumnType } from '../types'
import { CHUNK_MASK, CHUNK_SIZE, INITIAL_CHUNK_ROWS, chunkIndexOf } from './chunkLayout'
import type { ChunkData } from './columnReader'
import { type ColumnStore, writerMismatch } from './columnWriter'
import { clearNullBit, growNullBits, newNullBits, setNullBit, testNullBit } from './nullBitmap'

/** Storage for up to CHUNK_SIZE consecutive rows of one column. */
export interface Chunk {
  /** Rows the chunk's arrays can hold now (doubles up to CHUNK_SIZE). */
  capacity: number
  /** Null bitmap, allocated when the chunk's first null is written. */
  nulls: Uint8Array | null
}

/**
 * Chunk bookkeeping shared by every column class. Subclasses keep the hot append methods to themselves (one class
 * per storage kind, so those stay monomorphic) and call `grow(i)` when `i >= end`; the append methods that do not
 * fit a subclass's type throw a TypeError from here.
 */
export abstract class ChunkedColumn<C extends Chunk> implements ColumnStore {
  abstract readonly type: ColumnType
  /** Values appended so far (arrival index of the next value). */
  length = 0
  /** Chunks held, oldest first; chunks[0] is chunk number `firstChunk`. */
  protected chunks: C[] = []
  protected firstChunk = 0
  /** The chunk being written, whose arrays the subclass keeps in fields (see bind). */
  protected cur: C | null = null
  /** Arrival index of cur's row 0. */
  protected start = 0
  /** start + cur.capacity; 0 when there is no current chunk, so that the next append grows. */
  protected end = 0

  constructor(readonly name: string) {}

  abstract appendNull(): void
  abstract get(i: number): unknown
  /** A new chunk with room for `capacity` rows. */
  protected abstract createChunk(capacity: number): C
  /** Reallocates the chunk's value arrays for `capacity` rows, keeping its contents (nulls are handled here). */
  protected abstract enlarge(chunk: C, capacity: number): void
  /** Caches the chunk's arrays in the subclass's fields (null: drop them). */
  protected abstract bind(chunk: C | null): void
  /** Bytes held by the chunk's value arrays (nulls are counted here). */
  protected abstract chunkBytes(chunk: C): number
  /** The chunk's arrays as a ChunkData (see columnReader.ts). */
  protected abstract describe(chunk: C): ChunkData

  appendNumber(_v: number): void {
    throw writerMismatch(this.name, this.type, 'appendNumber')
  }
  appendInt64(_hi: number, _lo: number): void {
    throw writerMismatch(this.name, this.type, 'appendInt64')
  }
  appendBigInt(_v: bigint): void {
    throw writerMismatch(this.name, this.type, 'appendBigInt')
  }
  appendBool(_v: boolean): void {
    throw writerMismatch(this.name, this.type, 'appendBool')
  }
  appendString(_s: string): void {
    throw writerMismatch(this.name, this.type, 'appendString')
  }
  appendUtf8(_bytes: Uint8Array, _start: number, _end: number): void {
    throw writerMismatch(this.name, this.type, 'appendUtf8')
  }
  child(_k: number): ColumnStore {
    throw writerMismatch(this.name, this.type, 'child')
  }
  appendList(): void {
    throw writerMismatch(this.name, this.type, 'appendList')
  }

  /** Makes room for arrival index i == end: doubles the current chunk, or starts the next one. */
  protected grow(i: number): void {
    let cur = this.cur
    if (cur !== null && i - this.start < CHUNK_SIZE) {
      const capacity = Math.min(cur.capacity * 2, CHUNK_SIZE)
      this.enlarge(cur, capacity)
      if (cur.nulls !== null) cur.nulls = growNullBits(cur.nulls, capacity)
      cur.capacity = capacity
    } else {
      const index = chunkIndexOf(i)
      if (this.chunks.length === 0) this.firstChunk = index
      else if (index !== this.firstChunk + this.chunks.length) throw new Error(`column "${this.name}": chunk ${index} out of order`)
      cur = this.createChunk(INITIAL_CHUNK_ROWS)
      this.chunks.push(cur)
      this.cur = cur
      this.start = index * CHUNK_SIZE
    }
    this.end = this.start + cur.capacity
    this.bind(cur)
  }

  /** Marks offset `off` of the current chunk null, allocating the chunk's bitmap on its first null. */
  protected markNull(off: number): void {
    const cur = this.cur as C
    let bits = cur.nulls
    if (bits === null) bits = cur.nulls = newNullBits(cur.capacity)
    setNullBit(bits, off)
  }

  protected chunkAt(i: number): C {
    const chunk = this.chunks[chunkIndexOf(i) - this.firstChunk]
    if (chunk === undefined || i < 0 || i >= this.length) throw new RangeError(`column "${this.name}": row ${i} is not held`)
    return chunk
  }

  /** Chunk number c's live arrays for bulk reads (see ColumnReader), or null when the chunk is not held. */
  chunkData(c: number): ChunkData | null {
    const chunk = this.chunks[c - this.firstChunk]
    return chunk === undefined ? null : this.describe(chunk)
  }

  isNull(i: number): boolean {
    const bits = this.chunkAt(i).nulls
    return bits !== null && testNullBit(bits, i & CHUNK_MASK)
  }

  truncate(length: number): void {
    const old = this.length
    if (length >= old) return
    if (length < this.firstChunk * CHUNK_SIZE) throw new RangeError(`column "${this.name}": cannot truncate into released rows`)
    for (let i = length; i < old; i++) {
      const bits = this.chunks[chunkIndexOf(i) - this.firstChunk].nulls
      if (bits !== null) clearNullBit(bits, i & CHUNK_MASK)
    }
    this.length = length
    if (length < this.start) {
      // Only when one row wrote a column more than once across a chunk boundary: drop the later chunks.
      const keep = chunkIndexOf(length) - this.firstChunk + 1
      this.chunks.length = keep
      const cur = this.chunks[keep - 1]
      this.cur = cur
      this.start = (this.firstChunk + keep - 1) * CHUNK_SIZE
      this.end = this.start + cur.capacity
      this.bind(cur)
    }
  }

  releaseBefore(index: number): void {
    const count = Math.min(chunkIndexOf(index) - this.firstChunk, this.chunks.length)
    if (count <= 0) return
    if (count === this.chunks.length) {
      this.cur = null
      this.end = 0
      this.bind(null)
    }
    this.chunks.splice(0, count)
    this.firstChunk += count
  }

  memoryBytes(): number {
    let bytes = 0
    for (const chunk of this.chunks) bytes += this.chunkBytes(chunk) + (chunk.nulls === null ? 0 : chunk.nulls.byteLength)
    return bytes
  }
}
