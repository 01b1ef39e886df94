import type { ColumnType } from '../types'
import { CHUNK_MASK } from './chunkLayout'
import { type Chunk, ChunkedColumn } from './chunkedColumn'
import type { ChunkData } from './columnReader'
import { testNullBit } from './nullBitmap'
import { RawBytes } from './rawBytes'
import { StringDictionary } from './stringDictionary'
import { checkByteRange, copyBytes } from './utf8'

/** A chunk stays dictionary-encoded while it has at most this many distinct values… */
export const DICTIONARY_MAX_DISTINCT = 4096
// …or while its distinct values are at most half of its rows so far.

/** Either dictionary-encoded (codes + dict) or raw (UTF-8 bytes + offsets); a chunk only ever goes dict → raw. */
interface StringChunk extends Chunk {
  codes: Uint16Array | null
  dict: StringDictionary | null
  raw: RawBytes | null
}

/**
 * string: each chunk starts dictionary-encoded (Uint16Array codes: a chunk has at most 65,536 rows, so at most
 * 65,536 distinct values) and switches to raw UTF-8 for good when its dictionary holds more than
 * DICTIONARY_MAX_DISTINCT values and more than half of the chunk's rows so far.
 */
export class StringColumn extends ChunkedColumn<StringChunk> {
  readonly type: ColumnType = 'string'
  // The current chunk's storage: codes/dict/map while it is dictionary-encoded, raw afterwards.
  private codes: Uint16Array | null = null
  private dict: StringDictionary | null = null
  private map: Map<string, number> | null = null
  private raw: RawBytes | null = null

  override appendString(s: string): void {
    const i = this.length
    if (i >= this.end) this.grow(i)
    const off = i - this.start
    const codes = this.codes
    if (codes !== null) {
      let code = (this.map as Map<string, number>).get(s)
      if (code === undefined) {
        if (typeof s !== 'string') throw new TypeError(`column "${this.name}" (string): appendString got a ${typeof s}`)
        code = this.dictionaryFull(off) ? -1 : (this.dict as StringDictionary).add(s)
      }
      if (code >= 0) {
        codes[off] = code
        this.length = i + 1
        return
      }
    } else if (typeof s !== 'string') {
      throw new TypeError(`column "${this.name}" (string): appendString got a ${typeof s}`)
    }
    ;(this.raw as RawBytes).writeString(off, s)
    this.length = i + 1
  }

  override appendUtf8(bytes: Uint8Array, start: number, end: number): void {
    checkByteRange(bytes, start, end)
    const i = this.length
    if (i >= this.end) this.grow(i)
    const off = i - this.start
    const codes = this.codes
    if (codes !== null) {
      const dict = this.dict as StringDictionary
      let code = dict.findUtf8(bytes, start, end)
      if (code < 0) code = this.dictionaryFull(off) ? -1 : dict.addUtf8(bytes, start, end)
      if (code >= 0) {
        codes[off] = code
        this.length = i + 1
        return
      }
    }
    ;(this.raw as RawBytes).writeBytes(off, bytes, start, end)
    this.length = i + 1
  }

  appendNull(): void {
    const i = this.length
    if (i >= this.end) this.grow(i)
    const off = i - this.start
    if (this.codes !== null) this.codes[off] = 0
    else (this.raw as RawBytes).writeEmpty(off)
    this.markNull(off)
    this.length = i + 1
  }

  get(i: number): string | null {
    const chunk = this.chunkAt(i)
    const off = i & CHUNK_MASK
    if (chunk.nulls !== null && testNullBit(chunk.nulls, off)) return null
    if (chunk.codes !== null) return (chunk.dict as StringDictionary).values[chunk.codes[off]]
    return (chunk.raw as RawBytes).readString(off)
  }

  /** How the chunk holding arrival index i is stored (for tests and diagnostics). */
  encodingAt(i: number): 'dictionary' | 'raw' {
    return this.chunkAt(i).codes !== null ? 'dictionary' : 'raw'
  }

  /** True (having switched the current chunk to raw) when a new value at `off` must not join the dictionary. */
  private dictionaryFull(off: number): boolean {
    const distinct = (this.dict as StringDictionary).size + 1
    if (distinct <= DICTIONARY_MAX_DISTINCT || distinct * 2 <= off + 1) return false
    this.toRaw(off)
    return true
  }

  /** Re-encodes rows [0, rows) of the current chunk as raw UTF-8 and drops its dictionary. */
  private toRaw(rows: number): void {
    const chunk = this.cur as StringChunk
    const codes = chunk.codes as Uint16Array
    const dict = chunk.dict as StringDictionary
    const nulls = chunk.nulls
    const utf8 = dict.utf8Bytes()
    let total = 0
    for (let k = 0; k < rows; k++) {
      if (nulls === null || !testNullBit(nulls, k)) total += dict.utf8Start(codes[k] + 1) - dict.utf8Start(codes[k])
    }
    const raw = new RawBytes(chunk.capacity, Math.max(4096, total * 2))
    const offsets = raw.offsets
    let pos = 0
    for (let k = 0; k < rows; k++) {
      if (nulls === null || !testNullBit(nulls, k)) {
        const code = codes[k]
        const from = dict.utf8Start(code)
        const to = dict.utf8Start(code + 1)
        copyBytes(raw.bytes, pos, utf8, from, to)
        pos += to - from
      }
      offsets[k + 1] = pos
    }
    chunk.codes = null
    chunk.dict = null
    chunk.raw = raw
    this.bind(chunk)
  }

  protected createChunk(capacity: number): StringChunk {
    return { capacity, nulls: null, codes: new Uint16Array(capacity), dict: new StringDictionary(), raw: null }
  }

  protected enlarge(chunk: StringChunk, capacity: number): void {
    if (chunk.codes !== null) {
      const codes = new Uint16Array(capacity)
      codes.set(chunk.codes)
      chunk.codes = codes
    } else {
      ;(chunk.raw as RawBytes).growRows(capacity)
    }
  }

  protected bind(chunk: StringChunk | null): void {
    this.codes = chunk === null ? null : chunk.codes
    this.dict = chunk === null ? null : chunk.dict
    this.map = this.dict === null ? null : this.dict.map
    this.raw = chunk === null ? null : chunk.raw
  }

  protected describe(chunk: StringChunk): ChunkData {
    if (chunk.codes !== null) return { kind: 'dictionary', codes: chunk.codes, dictionary: (chunk.dict as StringDictionary).values, nulls: chunk.nulls }
    const raw = chunk.raw as RawBytes
    return { kind: 'raw', bytes: raw.bytes, offsets: raw.offsets, nulls: chunk.nulls }
  }

  protected chunkBytes(chunk: StringChunk): number {
    if (chunk.codes !== null) return chunk.codes.byteLength + (chunk.dict as StringDictionary).memoryBytes()
    return (chunk.raw as RawBytes).memoryBytes()
  }
}
