import { Buffer } from 'node:buffer'

/** Reads the values of raw chunks (ChunkData kind 'raw'): UTF-8 strings, or bytes. */

function asBuffer(bytes: Uint8Array): Buffer {
  return bytes instanceof Buffer ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** bytes[start..end) decoded as UTF-8 (invalid sequences read as U+FFFD, as the engine reads them). */
export function utf8Text(bytes: Uint8Array, start: number, end: number): string {
  return asBuffer(bytes).toString('utf8', start, end)
}

/** bytes[start..end) as base64 (RFC 4648, with padding). */
export function base64Text(bytes: Uint8Array, start: number, end: number): string {
  return asBuffer(bytes).toString('base64', start, end)
}

/** The UTF-8 encoding of s. */
export function utf8Bytes(s: string): Uint8Array {
  return Buffer.from(s, 'utf8')
}

/** Unsigned lexicographic order of a[aStart..aEnd) and b[bStart..bEnd) (a prefix sorts first). */
export function compareBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): number {
  const n = Math.min(aEnd - aStart, bEnd - bStart)
  for (let k = 0; k < n; k++) {
    const d = a[aStart + k] - b[bStart + k]
    if (d !== 0) return d
  }
  return aEnd - aStart - (bEnd - bStart)
}
