import { Buffer } from 'node:buffer'
import { decodeUtf8, hashBytes, maxUtf8Length, writeUtf8 } from './utf8'

/** Rough heap cost of one entry besides its characters: string header, Map entry, array slot. */
const ENTRY_OVERHEAD = 48
const EMPTY_BUFFER = Buffer.alloc(0)

/**
 * The distinct values of one string chunk, code k = the k-th distinct value. Looked up by string (a Map) and by
 * UTF-8 bytes (an open-addressing hash table over the entries' UTF-8, kept back to back), so that appendUtf8 of a
 * value seen before decodes nothing and allocates nothing. The byte index is built on first use, so a column
 * written only with appendString does not pay for it.
 */
export class StringDictionary {
  readonly values: string[] = []
  readonly map = new Map<string, number>()
  /** Entry k's UTF-8 is utf8[offsets[k]..offsets[k + 1]). */
  private utf8: Buffer = EMPTY_BUFFER
  private offsets = new Uint32Array(1)
  private hashes = new Int32Array(0)
  /** code + 1 per slot, 0 = empty; at most half full. */
  private table = new Int32Array(0)
  /** Whether utf8/offsets/hashes/table cover every entry. */
  private indexed = false
  private heapEstimate = 0

  get size(): number {
    return this.values.length
  }

  /** The code of the value whose UTF-8 is src[start..end), or -1. */
  findUtf8(src: Uint8Array, start: number, end: number): number {
    if (!this.indexed) this.buildIndex()
    const h = hashBytes(src, start, end)
    const table = this.table
    const mask = table.length - 1
    const n = end - start
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot] - 1
      if (entry < 0) return -1
      if (this.hashes[entry] !== h) continue
      const from = this.offsets[entry]
      if (this.offsets[entry + 1] - from !== n) continue
      const utf8 = this.utf8
      let j = 0
      while (j < n && utf8[from + j] === src[start + j]) j++
      if (j === n) return entry
    }
  }

  /** Adds s, which must not be in the dictionary yet; returns its code. */
  add(s: string): number {
    const code = this.push(s)
    if (this.indexed) this.encode(code)
    return code
  }

  /** Appends entry code's UTF-8 to the arena and indexes it. */
  private encode(code: number): void {
    const s = this.values[code]
    const from = this.offsets[code]
    this.reserve(from, from + maxUtf8Length(s.length))
    const to = from + writeUtf8(this.utf8, from, s)
    this.index(code, to)
  }

  /** The code of the value whose UTF-8 is src[start..end), adding it if needed (after findUtf8 returned -1). */
  addUtf8(src: Uint8Array, start: number, end: number): number {
    if (!this.indexed) this.buildIndex()
    const s = decodeUtf8(src, start, end)
    // Bytes that are not s's own UTF-8 (invalid UTF-8) can decode to a value already present.
    const existing = this.map.get(s)
    if (existing !== undefined) return existing
    const code = this.push(s)
    const from = this.offsets[code]
    this.reserve(from, from + (end - start))
    this.utf8.set(src.subarray(start, end), from)
    this.index(code, from + (end - start))
    return code
  }

  /** UTF-8 of entry `code`: utf8Bytes()[utf8Start(code)..utf8Start(code + 1)). */
  utf8Bytes(): Buffer {
    if (!this.indexed) this.buildIndex()
    return this.utf8
  }

  utf8Start(code: number): number {
    return this.offsets[code]
  }

  memoryBytes(): number {
    return this.utf8.length + this.offsets.byteLength + this.hashes.byteLength + this.table.byteLength + this.heapEstimate
  }

  private push(s: string): number {
    const code = this.values.length
    this.values.push(s)
    this.map.set(s, code)
    this.heapEstimate += ENTRY_OVERHEAD + s.length
    if (this.indexed && code + 1 >= this.hashes.length) {
      const capacity = this.hashes.length * 2
      const hashes = new Int32Array(capacity)
      hashes.set(this.hashes)
      this.hashes = hashes
      const offsets = new Uint32Array(capacity + 1)
      offsets.set(this.offsets)
      this.offsets = offsets
    }
    return code
  }

  /** Ensures room for `need` bytes of UTF-8, keeping the first `used`. */
  private reserve(used: number, need: number): void {
    if (need <= this.utf8.length) return
    const utf8 = Buffer.allocUnsafeSlow(Math.max(need, this.utf8.length * 2))
    this.utf8.copy(utf8, 0, 0, used)
    this.utf8 = utf8
  }

  /** Records entry code's UTF-8 end and puts it in the hash table. */
  private index(code: number, end: number): void {
    this.offsets[code + 1] = end
    this.hashes[code] = hashBytes(this.utf8, this.offsets[code], end)
    if ((code + 1) * 2 > this.table.length) this.rehash(this.table.length * 2)
    else this.insert(code)
  }

  private insert(code: number): void {
    const table = this.table
    const mask = table.length - 1
    let slot = this.hashes[code] & mask
    while (table[slot] !== 0) slot = (slot + 1) & mask
    table[slot] = code + 1
  }

  private buildIndex(): void {
    const count = this.values.length
    let capacity = 64
    while (capacity <= count) capacity *= 2
    let bytes = 0
    for (const s of this.values) bytes += maxUtf8Length(s.length)
    this.utf8 = Buffer.allocUnsafeSlow(Math.max(512, bytes))
    this.offsets = new Uint32Array(capacity + 1)
    this.hashes = new Int32Array(capacity)
    this.table = new Int32Array(capacity * 2)
    this.indexed = true
    for (let code = 0; code < count; code++) this.encode(code)
  }

  private rehash(slots: number): void {
    this.table = new Int32Array(slots)
    for (let code = 0; code < this.values.length; code++) this.insert(code)
  }
}
