import type { Scratch } from './scratch'

/** Sextet per byte value for both alphabets (standard '+/' and URL-safe '-_'); -1 for anything else. */
const SEXTET = new Int8Array(256).fill(-1)
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
for (let k = 0; k < ALPHABET.length; k++) SEXTET[ALPHABET.charCodeAt(k)] = k
SEXTET[0x2b] = 62 // +
SEXTET[0x2d] = 62 // -
SEXTET[0x2f] = 63 // /
SEXTET[0x5f] = 63 // _

/**
 * Decodes base64 text bytes[from..to) (standard or URL-safe alphabet, '=' padding optional but correct when present,
 * no whitespace) into scratch.bytes[0..); returns the decoded length, or -1 when the text is not base64.
 */
export function decodeBase64(bytes: Uint8Array, from: number, to: number, scratch: Scratch): number {
  let end = to
  if (end - from >= 4 && (end - from) % 4 === 0) {
    if (bytes[end - 1] === 0x3d) end--
    if (bytes[end - 1] === 0x3d) end--
  }
  const length = end - from
  if (length % 4 === 1) return -1
  const out = scratch.room(Math.floor((length * 3) / 4))
  let n = 0
  let p = from
  for (; p + 4 <= end; p += 4) {
    const a = SEXTET[bytes[p]]
    const b = SEXTET[bytes[p + 1]]
    const c = SEXTET[bytes[p + 2]]
    const d = SEXTET[bytes[p + 3]]
    if ((a | b | c | d) < 0) return -1
    out[n++] = (a << 2) | (b >> 4)
    out[n++] = ((b & 15) << 4) | (c >> 2)
    out[n++] = ((c & 3) << 6) | d
  }
  const rest = end - p
  if (rest >= 2) {
    const a = SEXTET[bytes[p]]
    const b = SEXTET[bytes[p + 1]]
    if ((a | b) < 0) return -1
    out[n++] = (a << 2) | (b >> 4)
    if (rest === 3) {
      const c = SEXTET[bytes[p + 2]]
      if (c < 0) return -1
      out[n++] = ((b & 15) << 4) | (c >> 2)
    }
  }
  return n
}
