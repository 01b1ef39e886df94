import type { ColumnType } from '../types'
import { CHUNK_MASK } from './chunkLayout'
import { type Chunk, ChunkedColumn } from './chunkedColumn'
import type { ChunkData } from './columnReader'
import { testNullBit } from './nullBitmap'

interface BoolChunk extends Chunk {
  data: Uint8Array
}

const EMPTY = new Uint8Array(0)

/** bool: a Uint8Array (0 or 1) per chunk. appendBool(v), or appendNumber(v) meaning v !== 0. */
export class BoolColumn extends ChunkedColumn<BoolChunk> {
  readonly type: ColumnType = 'bool'
  private data: Uint8Array = EMPTY

  override appendBool(v: boolean): void {
    const i = this.length
    if (i >= this.end) this.grow(i)
    this.data[i - this.start] = v ? 1 : 0
    this.length = i + 1
  }

  override appendNumber(v: number): void {
    const i = this.length
    if (i >= this.end) this.grow(i)
    this.data[i - this.start] = v !== 0 ? 1 : 0
    this.length = i + 1
  }

  appendNull(): void {
    const i = this.length
    if (i >= this.end) this.grow(i)
    const off = i - this.start
    this.data[off] = 0
    this.markNull(off)
    this.length = i + 1
  }

  get(i: number): boolean | null {
    const chunk = this.chunkAt(i)
    const off = i & CHUNK_MASK
    if (chunk.nulls !== null && testNullBit(chunk.nulls, off)) return null
    return chunk.data[off] === 1
  }

  protected createChunk(capacity: number): BoolChunk {
    return { capacity, nulls: null, data: new Uint8Array(capacity) }
  }

  protected enlarge(chunk: BoolChunk, capacity: number): void {
    const data = new Uint8Array(capacity)
    data.set(chunk.data)
    chunk.data = data
  }

  protected bind(chunk: BoolChunk | null): void {
    this.data = chunk === null ? EMPTY : chunk.data
  }

  protected describe(chunk: BoolChunk): ChunkData {
    return { kind: 'bool', values: chunk.data, nulls: chunk.nulls }
  }

  protected chunkBytes(chunk: BoolChunk): number {
    return chunk.data.byteLength
  }
}
