import { Buffer } from 'node:buffer'

/** Below this length a JS loop beats Buffer#write for ASCII text (measured on Node 20). */
const SHORT_STRING = 64

/** The most UTF-8 bytes a string of `length` UTF-16 code units can take. */
export function maxUtf8Length(length: number): number {
  return length * 3
}

/** Encodes s as UTF-8 at buf[pos..]; buf must have room for maxUtf8Length(s.length) bytes. Returns the bytes written. */
export function writeUtf8(buf: Buffer, pos: number, s: string): number {
  const n = s.length
  if (n <= SHORT_STRING) {
    for (let j = 0; j < n; j++) {
      const c = s.charCodeAt(j)
      if (c >= 0x80) return buf.write(s, pos, 'utf8')
      buf[pos + j] = c
    }
    return n
  }
  return buf.write(s, pos, 'utf8')
}

/** Decodes src[start..end) as UTF-8 (invalid sequences become U+FFFD). */
export function decodeUtf8(src: Uint8Array, start: number, end: number): string {
  const buf = src instanceof Buffer ? src : Buffer.from(src.buffer, src.byteOffset, src.byteLength)
  return buf.toString('utf8', start, end)
}

/** Copies src[start..end) to dst[pos..]; a loop for short runs, which beats subarray + set. */
export function copyBytes(dst: Uint8Array, pos: number, src: Uint8Array, start: number, end: number): void {
  if (end - start <= SHORT_STRING) {
    for (let j = start; j < end; j++) dst[pos++] = src[j]
  } else {
    dst.set(src.subarray(start, end), pos)
  }
}

/** FNV-1a over src[start..end). */
export function hashBytes(src: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0
  for (let j = start; j < end; j++) h = Math.imul(h ^ src[j], 0x01000193)
  return h
}

export function checkByteRange(src: Uint8Array, start: number, end: number): void {
  if (!(start >= 0 && start <= end && end <= src.length)) {
    throw new RangeError(`appendUtf8: range [${start}, ${end}) is outside bytes of length ${src.length}`)
  }
}
