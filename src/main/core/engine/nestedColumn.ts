import type { ColumnType } from '../types'
import { CHUNK_MASK } from './chunkLayout'
import { type Chunk, ChunkedColumn } from './chunkedColumn'
import type { ChunkData } from './columnReader'
import { type ColumnStore, writerMismatch } from './columnWriter'
import { testNullBit } from './nullBitmap'

interface NestedChunk extends Chunk {
  /** Element index (in the children) where the chunk's row 0 starts. */
  base: number
  /** Row k holds elements [base + offsets[k], base + offsets[k + 1]). */
  offsets: Uint32Array
}

const EMPTY = new Uint32Array(1)

/**
 * list<T> (one child: the elements) and map<string,T> (two children written in step: keys, values). The children are
 * ordinary columns whose rows are the elements of every row back to back; this column keeps per chunk the offsets
 * into them. A row is written by appending its elements to the children (`child(k)`), then `appendList()`.
 */
export class NestedColumn extends ChunkedColumn<NestedChunk> {
  private offsets: Uint32Array = EMPTY
  private base = 0
  /** Element index where the next row starts: the end of the last row written. */
  private elementEnd = 0

  constructor(
    name: string,
    readonly type: ColumnType,
    private readonly children: readonly ColumnStore[]
  ) {
    super(name)
  }

  override child(k: number): ColumnStore {
    const child = this.children[k]
    if (child === undefined) throw writerMismatch(this.name, this.type, `child(${k})`)
    return child
  }

  override appendList(): void {
    const count = this.children[0].length
    for (let k = 1; k < this.children.length; k++) {
      if (this.children[k].length !== count) throw new Error(`column "${this.name}": keys and values out of step`)
    }
    const i = this.length
    if (i >= this.end) this.grow(i)
    this.offsets[i - this.start + 1] = count - this.base
    this.elementEnd = count
    this.length = i + 1
  }

  appendNull(): void {
    for (const child of this.children) child.truncate(this.elementEnd)
    const i = this.length
    if (i >= this.end) this.grow(i)
    const off = i - this.start
    this.offsets[off + 1] = this.offsets[off]
    this.markNull(off)
    this.length = i + 1
  }

  get(i: number): unknown[] | Record<string, unknown> | null {
    const chunk = this.chunkAt(i)
    const off = i & CHUNK_MASK
    if (chunk.nulls !== null && testNullBit(chunk.nulls, off)) return null
    const from = chunk.base + chunk.offsets[off]
    const to = chunk.base + chunk.offsets[off + 1]
    const children = this.children
    if (children.length === 1) {
      const out: unknown[] = []
      for (let e = from; e < to; e++) out.push(children[0].get(e))
      return out
    }
    const out: Record<string, unknown> = {}
    for (let e = from; e < to; e++) {
      Object.defineProperty(out, String(children[0].get(e)), { value: children[1].get(e), enumerable: true, writable: true, configurable: true })
    }
    return out
  }

  override truncate(length: number): void {
    if (length < this.length) {
      const chunk = this.chunkAt(length)
      this.elementEnd = chunk.base + chunk.offsets[length & CHUNK_MASK]
      super.truncate(length)
    }
    for (const child of this.children) child.truncate(this.elementEnd)
  }

  override releaseBefore(index: number): void {
    super.releaseBefore(index)
    const first = this.chunks[0]
    const keep = first === undefined ? this.elementEnd : first.base
    for (const child of this.children) child.releaseBefore(keep)
  }

  override memoryBytes(): number {
    let bytes = super.memoryBytes()
    for (const child of this.children) bytes += child.memoryBytes()
    return bytes
  }

  protected createChunk(capacity: number): NestedChunk {
    return { capacity, nulls: null, base: this.elementEnd, offsets: new Uint32Array(capacity + 1) }
  }

  protected enlarge(chunk: NestedChunk, capacity: number): void {
    const offsets = new Uint32Array(capacity + 1)
    offsets.set(chunk.offsets)
    chunk.offsets = offsets
  }

  protected bind(chunk: NestedChunk | null): void {
    this.offsets = chunk === null ? EMPTY : chunk.offsets
    this.base = chunk === null ? 0 : chunk.base
  }

  protected describe(chunk: NestedChunk): ChunkData {
    const { base, offsets, nulls } = chunk
    const children = this.children
    return children.length === 1
      ? { kind: 'list', base, offsets, items: children[0], nulls }
      : { kind: 'map', base, offsets, keys: children[0], values: children[1], nulls }
  }

  protected chunkBytes(chunk: NestedChunk): number {
    return chunk.offsets.byteLength
  }
}

