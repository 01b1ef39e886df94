import type { ColumnType } from '../types'
import { CHUNK_MASK } from './chunkLayout'
import { type Chunk, ChunkedColumn } from './chunkedColumn'
import type { ChunkData } from './columnReader'
import { testNullBit } from './nullBitmap'

interface Float64Chunk extends Chunk {
  data: Float64Array
}

const EMPTY = new Float64Array(0)

/** float64: a Float64Array per chunk. */
export class Float64Column extends ChunkedColumn<Float64Chunk> {
  readonly type: ColumnType = 'float64'
  private data: Float64Array = EMPTY

  override appendNumber(v: number): void {
    const i = this.length
    if (i >= this.end) this.grow(i)
    this.data[i - this.start] = v
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

  get(i: number): number | null {
    const chunk = this.chunkAt(i)
    const off = i & CHUNK_MASK
    if (chunk.nulls !== null && testNullBit(chunk.nulls, off)) return null
    return chunk.data[off]
  }

  protected createChunk(capacity: number): Float64Chunk {
    return { capacity, nulls: null, data: new Float64Array(capacity) }
  }

  protected enlarge(chunk: Float64Chunk, capacity: number): void {
    const data = new Float64Array(capacity)
    data.set(chunk.data)
    chunk.data = data
  }

  protected bind(chunk: Float64Chunk | null): void {
    this.data = chunk === null ? EMPTY : chunk.data
  }

  protected describe(chunk: Float64Chunk): ChunkData {
    return { kind: 'float64', values: chunk.data, nulls: chunk.nulls }
  }

  protected chunkBytes(chunk: Float64Chunk): number {
    return chunk.data.byteLength
  }
}
