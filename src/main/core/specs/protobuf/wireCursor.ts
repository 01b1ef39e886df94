import { RecordDecodeError } from '../recordDecodeError'

/** Wire types of the Protobuf binary format. */
export const WT_VARINT = 0
export const WT_I64 = 1
export const WT_LEN = 2
export const WT_SGROUP = 3
export const WT_EGROUP = 4
export const WT_I32 = 5

/**
 * Reads the Protobuf wire format from a byte range. 64-bit varints are read as two 32-bit words (`hi`, `lo`) so
 * that no value ever goes through a JS number beyond 2^53. Throws RecordDecodeError on truncated or malformed input.
 */
export class WireCursor {
  buf: Buffer = Buffer.alloc(0)
  pos = 0
  end = 0
  /** High word (signed) of the last readVarint64 / readFixed64. */
  hi = 0
  /** Low word (uint32) of the last readVarint64 / readFixed64. */
  lo = 0

  reset(buf: Buffer, pos: number, end: number): void {
    this.buf = buf
    this.pos = pos
    this.end = end
  }

  /** The low 32 bits of a varint (as uint32); the rest of the varint is consumed. */
  readVarint32(): number {
    const buf = this.buf
    let p = this.pos
    if (p < this.end) {
      const b = buf[p]
      if (b < 0x80) {
        this.pos = p + 1
        return b
      }
    }
    let v = 0
    let shift = 0
    for (;;) {
      if (p >= this.end) throw truncated()
      const b = buf[p++]
      if (shift < 32) v |= (b & 0x7f) << shift
      if (b < 0x80) break
      shift += 7
      if (shift >= 70) throw new RecordDecodeError('malformed varint (more than 10 bytes)')
    }
    this.pos = p
    return v >>> 0
  }

  /** A varint as two words in `hi` (int32) and `lo` (uint32). */
  readVarint64(): void {
    const buf = this.buf
    let p = this.pos
    const end = this.end
    let lo = 0
    let hi = 0
    let b = 0
    for (let shift = 0; shift < 28; shift += 7) {
      if (p >= end) throw truncated()
      b = buf[p++]
      lo |= (b & 0x7f) << shift
      if (b < 0x80) {
        this.pos = p
        this.lo = lo >>> 0
        this.hi = 0
        return
      }
    }
    if (p >= end) throw truncated()
    b = buf[p++]
    lo |= (b & 0x0f) << 28
    hi = (b & 0x7f) >> 4
    if (b >= 0x80) {
      for (let shift = 3; ; shift += 7) {
        if (p >= end) throw truncated()
        b = buf[p++]
        if (shift < 32) hi |= (b & 0x7f) << shift
        if (b < 0x80) break
        if (shift >= 31) throw new RecordDecodeError('malformed varint (more than 10 bytes)')
      }
    }
    this.pos = p
    this.lo = lo >>> 0
    this.hi = hi | 0
  }

  readFixed64(): void {
    const p = this.pos
    if (p + 8 > this.end) throw truncated()
    this.lo = this.buf.readUInt32LE(p)
    this.hi = this.buf.readInt32LE(p + 4)
    this.pos = p + 8
  }

  /** Reads a length prefix and returns the end of the delimited bytes (which start at `pos`). */
  readLength(): number {
    const n = this.readVarint32()
    const e = this.pos + n
    if (n > 0x7fffffff || e > this.end) throw truncated()
    return e
  }

  /** Skips the value of a field with wire type `wt` (whose tag was just read). */
  skip(wt: number, fieldNumber: number): void {
    switch (wt) {
      case WT_VARINT:
        this.readVarint64()
        return
      case WT_I64:
        if (this.pos + 8 > this.end) throw truncated()
        this.pos += 8
        return
      case WT_LEN:
        this.pos = this.readLength()
        return
      case WT_I32:
        if (this.pos + 4 > this.end) throw truncated()
        this.pos += 4
        return
      case WT_SGROUP:
        for (;;) {
          if (this.pos >= this.end) throw truncated()
          const tag = this.readVarint32()
          const w = tag & 7
          if (w === WT_EGROUP) {
            if (tag >>> 3 !== fieldNumber) throw new RecordDecodeError(`malformed group end (field ${tag >>> 3}, expected ${fieldNumber})`)
            return
          }
          this.skip(w, tag >>> 3)
        }
      default:
        throw new RecordDecodeError(`invalid wire type ${wt} for field ${fieldNumber}`)
    }
  }
}

export function truncated(): RecordDecodeError {
  return new RecordDecodeError('truncated Protobuf payload')
}

/** sint64 zigzag decoding of (hi, lo) words; returns [hi, lo] through the cursor. */
export function unzigzag64(c: WireCursor): void {
  const lo = c.lo
  const hi = c.hi
  const sign = -(lo & 1)
  c.lo = (((lo >>> 1) | (hi << 31)) ^ sign) >>> 0
  c.hi = ((hi >>> 1) ^ sign) | 0
}

/** The signed int64 of two words as a BigInt. */
export function wordsToBigInt(hi: number, lo: number): bigint {
  return (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0)
}
