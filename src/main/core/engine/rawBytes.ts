import { Buffer, constants } from 'node:buffer'
import { copyBytes, maxUtf8Length, writeUtf8 } from './utf8'

/** Offsets are Uint32: one chunk holds at most this many bytes of values. */
const MAX_CHUNK_BYTES = Math.min(0xffffffff, constants.MAX_LENGTH)
const INITIAL_BYTES = 4096

/**
 * Variable-length values of one chunk: bytes back to back plus offsets, row k at bytes[offsets[k]..offsets[k + 1]).
 * Used by bytes columns and by string chunks past their dictionary.
 */
export class RawBytes {
  /** A Buffer (a Uint8Array) for its fast UTF-8 encode and decode; uninitialised past the last offset. */
  bytes: Buffer
  offsets: Uint32Array

  constructor(capacity: number, byteCapacity = INITIAL_BYTES) {
    this.bytes = Buffer.allocUnsafeSlow(byteCapacity)
    this.offsets = new Uint32Array(capacity + 1)
  }

  growRows(capacity: number): void {
    const offsets = new Uint32Array(capacity + 1)
    offsets.set(this.offsets)
    this.offsets = offsets
  }

  /** Ensures room for `need` bytes in total. */
  reserve(need: number): void {
    if (need <= this.bytes.length) return
    if (need > MAX_CHUNK_BYTES) throw new RangeError(`a chunk cannot hold more than ${MAX_CHUNK_BYTES} bytes of values`)
    const bytes = Buffer.allocUnsafeSlow(Math.min(Math.max(need, this.bytes.length * 2), MAX_CHUNK_BYTES))
    bytes.set(this.bytes)
    this.bytes = bytes
  }

  writeString(off: number, s: string): void {
    const pos = this.offsets[off]
    const room = pos + maxUtf8Length(s.length)
    if (room > this.bytes.length) this.reserve(room)
    this.offsets[off + 1] = pos + writeUtf8(this.bytes, pos, s)
  }

  writeBytes(off: number, src: Uint8Array, start: number, end: number): void {
    const pos = this.offsets[off]
    const next = pos + (end - start)
    if (next > this.bytes.length) this.reserve(next)
    copyBytes(this.bytes, pos, src, start, end)
    this.offsets[off + 1] = next
  }

  writeEmpty(off: number): void {
    this.offsets[off + 1] = this.offsets[off]
  }

  readString(off: number): string {
    return this.bytes.toString('utf8', this.offsets[off], this.offsets[off + 1])
  }

  /** A copy of row off's bytes. */
  readBytes(off: number): Uint8Array {
    const start = this.offsets[off]
    const out = new Uint8Array(this.offsets[off + 1] - start)
    out.set(this.bytes.subarray(start, this.offsets[off + 1]))
    return out
  }

  memoryBytes(): number {
    return this.bytes.length + this.offsets.byteLength
  }
}
