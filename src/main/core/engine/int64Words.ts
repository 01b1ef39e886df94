/**
 * int64 arithmetic on pairs of 32-bit words, so that writes never allocate a BigInt.
 * Results go to `words[at]` (low word) and `words[at + 1]` (high word): little-endian, as a BigInt64Array view reads them.
 */

const TWO_32 = 4294967296
export const INT64_MIN = -(2n ** 63n)
export const INT64_MAX = 2n ** 63n - 1n
/** The largest |ms| whose value in nanoseconds fits an int64: floor((2^63 - 1) / 1e6). */
export const MAX_TIMESTAMP_MS = 9223372036854

/** Writes the safe integer v as an int64. The caller checks Number.isSafeInteger(v). */
export function writeSafeInteger(words: Int32Array, at: number, v: number): void {
  const lo = v >>> 0 // ToUint32 is exact modular arithmetic for integers
  words[at] = lo
  words[at + 1] = (v - lo) / TWO_32 // exact: a multiple of 2^32 divided by a power of two
}

/**
 * Writes ms * 1e6 exactly, without forming the (inexact) double ms * 1e6: with ms = h * 2^24 + l (0 <= l < 2^24) and
 * x = h * 1e6 = xh * 2^8 + xl, ms * 1e6 = xh * 2^32 + (xl * 2^24 + l * 1e6), where every term is an exact integer
 * below 2^53. The caller checks that ms is an integer with |ms| <= MAX_TIMESTAMP_MS (so |h| < 2^20).
 */
export function writeMillisAsNanos(words: Int32Array, at: number, ms: number): void {
  const h = Math.floor(ms / 16777216)
  const l = ms - h * 16777216
  const x = h * 1e6 // |x| < 2^40
  const xh = Math.floor(x / 256)
  const low = (x - xh * 256) * 16777216 + l * 1e6 // 0 <= low < 2^45: the low word plus a carry
  const resultLo = low >>> 0
  words[at] = resultLo
  // The Int32Array store wraps the high word modulo 2^32 (two's complement).
  words[at + 1] = xh + (low - resultLo) / TWO_32
}

export function isTimestampMillis(ms: number): boolean {
  return ms >= -MAX_TIMESTAMP_MS && ms <= MAX_TIMESTAMP_MS && Math.floor(ms) === ms
}
