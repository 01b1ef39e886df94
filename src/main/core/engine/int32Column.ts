import type { ColumnType } from '../types'
import { CHUNK_MASK } from './chunkLayout'
import { type Chunk, ChunkedColumn } from './chunkedColumn'
import type { ChunkData } from './columnReader'
import { testNullBit } from './nullBitmap'

interface Int32Chunk extends Chunk {
  data: Int32Array
}

const EMPTY = new Int32Array(0)

/** int32: an Int32Array per chunk. appendNumber takes an integer in int32 range (else RangeError). */
export class Int32Column extends ChunkedColumn<Int32Chunk> {
  readonly type: ColumnType = 'int32'
  private data: Int32Array = EMPTY

  override appendNumber(v: number): void {
    if ((v | 0) !== v) throw new RangeError(`column "${this.name}" (int32): ${v} is not an int32`)
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

  protected createChunk(capacity: number): Int32Chunk {
    return { capacity, nulls: null, data: new Int32Array(capacity) }
  }

  protected enlarge(chunk: Int32Chunk, capacity: number): void {
    const data = new Int32Array(capacity)
    data.set(chunk.data)
    chunk.data = data
  }

  protected bind(chunk: Int32Chunk | null): void {
    this.data = chunk === null ? EMPTY : chunk.data
  }

  protected describe(chunk: Int32Chunk): ChunkData {
    return { kind: 'int32', values: chunk.data, nulls: chunk.nulls }
  }

  protected chunkBytes(chunk: Int32Chunk): number {
    return chunk.data.byteLength
  }
}
