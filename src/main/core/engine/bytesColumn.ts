import type { ColumnType } from '../types'
import { CHUNK_MASK } from './chunkLayout'
import { type Chunk, ChunkedColumn } from './chunkedColumn'
import type { ChunkData } from './columnReader'
import { testNullBit } from './nullBitmap'
import { RawBytes } from './rawBytes'
import { checkByteRange } from './utf8'

interface BytesChunk extends Chunk {
  raw: RawBytes
}

/** bytes: values copied back to back with offsets per chunk; read as a Uint8Array copy. */
export class BytesColumn extends ChunkedColumn<BytesChunk> {
  readonly type: ColumnType = 'bytes'
  private raw: RawBytes | null = null

  override appendUtf8(bytes: Uint8Array, start: number, end: number): void {
    checkByteRange(bytes, start, end)
    const i = this.length
    if (i >= this.end) this.grow(i)
    ;(this.raw as RawBytes).writeBytes(i - this.start, bytes, start, end)
    this.length = i + 1
  }

  appendNull(): void {
    const i = this.length
    if (i >= this.end) this.grow(i)
    const off = i - this.start
    ;(this.raw as RawBytes).writeEmpty(off)
    this.markNull(off)
    this.length = i + 1
  }

  get(i: number): Uint8Array | null {
    const chunk = this.chunkAt(i)
    const off = i & CHUNK_MASK
    if (chunk.nulls !== null && testNullBit(chunk.nulls, off)) return null
    return chunk.raw.readBytes(off)
  }

  protected createChunk(capacity: number): BytesChunk {
    return { capacity, nulls: null, raw: new RawBytes(capacity) }
  }

  protected enlarge(chunk: BytesChunk, capacity: number): void {
    chunk.raw.growRows(capacity)
  }

  protected bind(chunk: BytesChunk | null): void {
    this.raw = chunk === null ? null : chunk.raw
  }

  protected describe(chunk: BytesChunk): ChunkData {
    return { kind: 'raw', bytes: chunk.raw.bytes, offsets: chunk.raw.offsets, nulls: chunk.nulls }
  }

  protected chunkBytes(chunk: BytesChunk): number {
    return chunk.raw.memoryBytes()
  }
}
