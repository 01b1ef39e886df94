import type { ColumnType } from '../types'
import { CHUNK_MASK } from './chunkLayout'
import { type Chunk, ChunkedColumn } from './chunkedColumn'
import type { ChunkData } from './columnReader'
import { testNullBit } from './nullBitmap'

interface Int16Chunk extends Chunk {
  data: Int16Array
}

const EMPTY = new Int16Array(0)

/** int16: an Int16Array per chunk. appendNumber takes an integer in int16 range (else RangeError). */
export class Int16Column extends ChunkedColumn<Int16Chunk> {
  readonly type: ColumnType = 'int16'
  private data: Int16Array = EMPTY

  override appendNumber(v: number): void {
    if ((v << 16) >> 16 !== v) throw new RangeError(`column "${this.name}" (int16): ${v} is not an int16`)
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

  protected createChunk(capacity: number): Int16Chunk {
    return { capacity, nulls: null, data: new Int16Array(capacity) }
  }

  protected enlarge(chunk: Int16Chunk, capacity: number): void {
    const data = new Int16Array(capacity)
    data.set(chunk.data)
    chunk.data = data
  }

  protected bind(chunk: Int16Chunk | null): void {
    this.data = chunk === null ? EMPTY : chunk.data
  }

  protected describe(chunk: Int16Chunk): ChunkData {
    return { kind: 'int16', values: chunk.data, nulls: chunk.nulls }
  }

  protected chunkBytes(chunk: Int16Chunk): number {
    return chunk.data.byteLength
  }
}
