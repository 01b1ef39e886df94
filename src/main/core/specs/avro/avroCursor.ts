/**
 * The Avro binary reader: one shared cursor (decoding is synchronous, one record at a time). Reads past the end
 * throw a RecordDecodeError('truncated …'). Longs are exact: readLong() returns a number when |v| < 2^53, else NaN
 * with the two's complement words in longHi()/longLo().
 */
import { RecordDecodeError } from '../recordDecodeError'

export const cur = { buf: Buffer.alloc(0) as Buffer, pos: 0, end: 0 }
let hiWord = 0
let loWord = 0

export function setInput(buf: Buffer, start: number, end: number): void {
  cur.buf = buf
  cur.pos = start
  cur.end = end
}

export function truncated(): RecordDecodeError {
  return new RecordDecodeError(`truncated Avro payload (needed more than the ${cur.end - cur.pos} bytes left)`)
}

export function longHi(): number {
  return hiWord
}
export function longLo(): number {
  return loWord
}

export function readInt(): number {
  const buf = cur.buf
  let pos = cur.pos
  const end = cur.end
  let n = 0
  let shift = 0
  let b: number
  do {
    if (pos >= end) throw truncated()
    b = buf[pos++]
    n |= (b & 0x7f) << shift
    shift += 7
  } while (b & 0x80 && shift < 35)
  if (b & 0x80) throw new RecordDecodeError('invalid Avro int (varint longer than 5 bytes)')
  cur.pos = pos
  return (n >>> 1) ^ -(n & 1)
}

/** A zig-zag long: the exact value as a number when |v| <= 2^52, else NaN (words in longHi()/longLo()). */
export function readLong(): number {
  const buf = cur.buf
  let pos = cur.pos
  if (cur.end - pos < 10) return readLongChecked()
  let b = buf[pos++]
  if (b < 0x80) {
    cur.pos = pos
    return (b >>> 1) ^ -(b & 1)
  }
  // the first four bytes (28 bits) in int arithmetic
  let lo = b & 0x7f
  b = buf[pos++]
  lo |= (b & 0x7f) << 7
  if (b >= 0x80) {
    b = buf[pos++]
    lo |= (b & 0x7f) << 14
    if (b >= 0x80) {
      b = buf[pos++]
      lo |= (b & 0x7f) << 21
    }
  }
  if (b < 0x80) {
    cur.pos = pos
    return (lo >>> 1) ^ -(lo & 1)
  }
  // bytes 5..7 (up to 49 bits) exactly as a double
  let n = lo
  let mul = 268435456
  for (let i = 0; i < 3; i++) {
    b = buf[pos++]
    n += (b & 0x7f) * mul
    if (b < 0x80) {
      cur.pos = pos
      return n % 2 === 1 ? -((n + 1) / 2) : n / 2
    }
    mul *= 128
  }
  return readLongWords(cur.pos)
}

function readLongChecked(): number {
  const buf = cur.buf
  let pos = cur.pos
  const end = cur.end
  let n = 0
  let mul = 1
  for (let i = 0; i < 7; i++) {
    if (pos >= end) throw truncated()
    const b = buf[pos++]
    n += (b & 0x7f) * mul
    if (b < 0x80) {
      cur.pos = pos
      return n % 2 === 1 ? -((n + 1) / 2) : n / 2
    }
    mul *= 128
  }
  return readLongWords(cur.pos)
}

function readLongWords(start: number): number {
  const buf = cur.buf
  const end = cur.end
  let pos = start
  let lo = 0
  let hi = 0
  let b = 0
  for (let i = 0; i < 4; i++) {
    if (pos >= end) throw truncated()
    b = buf[pos++]
    lo |= (b & 0x7f) << (7 * i)
    if (b < 0x80) break
  }
  if (b >= 0x80) {
    if (pos >= end) throw truncated()
    b = buf[pos++]
    lo |= (b & 0x0f) << 28
    hi = (b & 0x7f) >>> 4
    let shift = 3
    while (b >= 0x80) {
      if (shift > 31) throw new RecordDecodeError('invalid Avro long (varint longer than 10 bytes)')
      if (pos >= end) throw truncated()
      b = buf[pos++]
      hi |= (b & 0x7f) << shift
      shift += 7
    }
  }
  cur.pos = pos
  const sign = -(lo & 1)
  loWord = (((lo >>> 1) | (hi << 31)) ^ sign) >>> 0
  hiWord = ((hi >>> 1) ^ sign) | 0
  if (hiWord >= -0x100000 && hiWord < 0x100000) return hiWord * 4294967296 + loWord
  return Number.NaN
}

/** The long as a bigint (after readLong returned NaN, or for any value `v`). */
export function longBigInt(v: number): bigint {
  if (v === v) return BigInt(v)
  return (BigInt(hiWord) << 32n) | BigInt(loWord)
}

export function readFloat(): number {
  const pos = cur.pos
  if (pos + 4 > cur.end) throw truncated()
  cur.pos = pos + 4
  return cur.buf.readFloatLE(pos)
}

export function readDouble(): number {
  const pos = cur.pos
  if (pos + 8 > cur.end) throw truncated()
  cur.pos = pos + 8
  return cur.buf.readDoubleLE(pos)
}

export function readBoolean(): boolean {
  const pos = cur.pos
  if (pos >= cur.end) throw truncated()
  const b = cur.buf[pos]
  if (b > 1) throw new RecordDecodeError(`invalid Avro boolean byte 0x${b.toString(16).padStart(2, '0')}`)
  cur.pos = pos + 1
  return b === 1
}

/** Length-prefixed bytes/string: returns the start; the end is cur.pos afterwards. */
export function readBytesStart(): number {
  const len = readLong()
  if (!(len >= 0)) throw new RecordDecodeError(`invalid Avro length ${len === len ? len : longBigInt(len)}`)
  const start = cur.pos
  if (start + len > cur.end) throw truncated()
  cur.pos = start + len
  return start
}

export function readFixedStart(size: number): number {
  const start = cur.pos
  if (start + size > cur.end) throw truncated()
  cur.pos = start + size
  return start
}

export function readString(): string {
  const start = readBytesStart()
  return cur.buf.toString('utf8', start, cur.pos)
}

/** Array/map block count; a negative count is followed by the block's byte size (ignored). */
export function readBlockCount(): number {
  let n = readLong()
  if (n !== n) throw new RecordDecodeError('invalid Avro block count')
  if (n < 0) {
    n = -n
    readLong()
  }
  if (n > cur.end - cur.pos) throw truncated()
  return n
}
