/**
 * Exact int64 arithmetic on two 32-bit words held in doubles, so that decoding never allocates a BigInt.
 * Results go to the shared `WORDS` object (one decoder runs at a time on a thread): while a value is a magnitude,
 * `hi` is in [0, 2^32) like `lo`; `toSigned` turns it into the two's complement words ColumnWriter.appendInt64 takes.
 */
export const WORDS = { hi: 0, lo: 0 }

export const TWO_32 = 4294967296
const TWO_16 = 65536
/** 2^31: the high word of 2^63, the magnitude of the most negative int64. */
const TWO_31 = 2147483648

/** Exact powers of ten as doubles (10^22 is the last one a double holds exactly). */
export const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

/** WORDS = the non-negative safe integer v. */
export function setWords(v: number): void {
  const hi = Math.floor(v / TWO_32)
  WORDS.hi = hi
  WORDS.lo = v - hi * TWO_32
}

/**
 * WORDS = (hi, lo) * m + add, for a magnitude (hi, lo), 0 <= m <= 2^30 and 0 <= add < 2^32. Exact whenever the result
 * is below 2^63; a larger result leaves WORDS.hi >= 2^31 (possibly inexact), which `fitsInt64` rejects.
 */
export function mulAdd(hi: number, lo: number, m: number, add: number): void {
  const p = Math.floor(lo / TWO_16)
  const q = lo - p * TWO_16
  const t1 = p * m // < 2^46
  const t1hi = Math.floor(t1 / TWO_16)
  const low = q * m + add + (t1 - t1hi * TWO_16) * TWO_16 // < 2^47
  const carry = Math.floor(low / TWO_32)
  WORDS.lo = low - carry * TWO_32
  WORDS.hi = hi * m + t1hi + carry
}

/** Whether the magnitude in WORDS, negated when `negative`, is an int64. */
export function fitsInt64(negative: boolean): boolean {
  const hi = WORDS.hi
  return hi < TWO_31 || (negative && hi === TWO_31 && WORDS.lo === 0)
}

/** Turns the magnitude in WORDS into the two's complement words of itself (or of its negation when `negative`). */
export function toSigned(negative: boolean): void {
  if (!negative) return
  const lo = WORDS.lo
  if (lo === 0) {
    WORDS.hi = (TWO_32 - WORDS.hi) % TWO_32
  } else {
    WORDS.lo = TWO_32 - lo
    WORDS.hi = TWO_32 - 1 - WORDS.hi
  }
}

/** Whether the magnitude in WORDS is greater than the magnitude (hi, lo). */
export function wordsAbove(hi: number, lo: number): boolean {
  return WORDS.hi > hi || (WORDS.hi === hi && WORDS.lo > lo)
}

/** The words (hi, lo) of a non-negative integer constant, for comparisons with `wordsAbove`. */
export function constantWords(v: bigint): [number, number] {
  return [Number(v >> 32n), Number(v & 0xffffffffn)]
}
