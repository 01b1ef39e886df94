import type { ColumnType } from '../types'
import { CHUNK_MASK } from './chunkLayout'
import { type Chunk, ChunkedColumn } from './chunkedColumn'
import type { ChunkData } from './columnReader'
import { testNullBit } from './nullBitmap'

interface Float32Chunk extends Chunk {
  data: Float32Array
}

const EMPTY = new Float32Array(0)

/** float32: a Float32Array per chunk; appendNumber rounds to the nearest float32. */
export class Float32Column extends ChunkedColumn<Float32Chunk> {
  readonly type: ColumnType = 'float32'
  private data: Float32Array = EMPTY

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

  protected createChunk(capacity: number): Float32Chunk {
    return { capacity, nulls: null, data: new Float32Array(capacity) }
  }

  protected enlarge(chunk: Float32Chunk, capacity: number): void {
    const data = new Float32Array(capacity)
    data.set(chunk.data)
    chunk.data = data
  }

  protected bind(chunk: Float32Chunk | null): void {
    this.data = chunk === null ? EMPTY : chunk.data
  }

  protected describe(chunk: Float32Chunk): ChunkData {
    return { kind: 'float32', values: chunk.data, nulls: chunk.nulls }
  }

  protected chunkBytes(chunk: Float32Chunk): number {
    return chunk.data.byteLength
  }
}
