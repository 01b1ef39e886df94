import { DIGIT_0, DIGIT_9, MINUS, PLUS } from './jsonBytes'
import { TWO_32, WORDS, fitsInt64, mulAdd, setWords, toSigned } from './wordArithmetic'
import { daysFromCivil } from '../../engine/calendarDate'
import { zoneOffsetSeconds } from './zoneOffsets'

export const ISO_OK = 0
/** Not an ISO-8601 date-time. */
export const ISO_INVALID = 1
/** A date-time without a zone or offset: which instant it means is unknown. */
export const ISO_NO_ZONE = 2
/** Outside the int64 nanosecond range (years 1677 to 2262). */
export const ISO_OUT_OF_RANGE = 3
/** A zone name Intl does not know. */
export const ISO_UNKNOWN_ZONE = 4

/** Reading position, shared by the helpers below. */
let at = 0

function digits(bytes: Uint8Array, to: number, count: number): number {
  if (at + count > to) return -1
  let v = 0
  for (let k = 0; k < count; k++) {
    const c = bytes[at + k]
    if (c < DIGIT_0 || c > DIGIT_9) return -1
    v = v * 10 + (c - DIGIT_0)
  }
  at += count
  return v
}

function take(bytes: Uint8Array, to: number, c: number): boolean {
  if (at < to && bytes[at] === c) {
    at++
    return true
  }
  return false
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/**
 * Parses ISO-8601 text bytes[from..to) into epoch nanoseconds, left in WORDS as two's complement words; returns
 * ISO_OK or why not. Accepted: `YYYY-MM-DD` then `T` (or `t` or a space) `hh:mm[:ss[.f…]]` (1 to 9 fraction digits,
 * '.' or ','), then `Z`, or an offset `±hh`, `±hhmm`, `±hh:mm`, `±hh:mm:ss` (optionally followed by `[Zone/Id]`), or
 * a zone name after a space or in brackets (`2024-03-01T09:30:00 America/New_York`, `…[Europe/Paris]`, `… UTC`).
 */
export function parseIsoInstant(bytes: Uint8Array, from: number, to: number): number {
  at = from
  const year = digits(bytes, to, 4)
  if (year < 0 || !take(bytes, to, MINUS)) return ISO_INVALID
  const month = digits(bytes, to, 2)
  if (month < 1 || month > 12 || !take(bytes, to, MINUS)) return ISO_INVALID
  const day = digits(bytes, to, 2)
  if (day < 1 || day > daysInMonth(year, month)) return ISO_INVALID
  if (!(take(bytes, to, 0x54) || take(bytes, to, 0x74) || take(bytes, to, 0x20))) return ISO_INVALID
  const hour = digits(bytes, to, 2)
  if (hour < 0 || hour > 23 || !take(bytes, to, 0x3a)) return ISO_INVALID
  const minute = digits(bytes, to, 2)
  if (minute < 0 || minute > 59) return ISO_INVALID
  let second = 0
  let nanos = 0
  if (take(bytes, to, 0x3a)) {
    second = digits(bytes, to, 2)
    if (second < 0 || second > 59) return ISO_INVALID
    if (take(bytes, to, 0x2e) || take(bytes, to, 0x2c)) {
      let n = 0
      while (at < to && bytes[at] >= DIGIT_0 && bytes[at] <= DIGIT_9) {
        if (++n > 9) return ISO_INVALID
        nanos = nanos * 10 + (bytes[at++] - DIGIT_0)
      }
      if (n === 0) return ISO_INVALID
      for (; n < 9; n++) nanos *= 10
    }
  }
  const local = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second
  const offset = parseZone(bytes, to, local)
  if (typeof offset !== 'number') return offset === null ? ISO_INVALID : offset.status
  return toNanos(local - offset, nanos)
}

/** The offset in seconds of the zone part from `at` to `to`, null when malformed, or a status. */
function parseZone(bytes: Uint8Array, to: number, local: number): number | null | { status: number } {
  if (at === to) return { status: ISO_NO_ZONE }
  const c = bytes[at]
  let offset: number
  if (c === 0x5a || c === 0x7a) {
    at++
    offset = 0
  } else if (c === PLUS || c === MINUS) {
    at++
    const h = digits(bytes, to, 2)
    if (h < 0 || h > 18) return null
    let m = 0
    let s = 0
    const colon = take(bytes, to, 0x3a)
    if (colon || (at < to && bytes[at] !== 0x5b)) {
      m = digits(bytes, to, 2)
      if (m < 0 || m > 59) return null
      if (take(bytes, to, 0x3a)) {
        if (!colon) return null
        s = digits(bytes, to, 2)
        if (s < 0 || s > 59) return null
      }
    }
    offset = (c === MINUS ? -1 : 1) * (h * 3600 + m * 60 + s)
  } else if (c === 0x20 || c === 0x5b) {
    const zone = zoneName(bytes, to)
    if (zone === null) return null
    const zoneOffset = zoneOffsetSeconds(zone, local)
    return zoneOffset === null ? { status: ISO_UNKNOWN_ZONE } : zoneOffset
  } else {
    return null
  }
  if (at < to) {
    // An offset may be followed by a bracketed zone name (java.time's ZonedDateTime text); the offset decides.
    if (bytes[at] !== 0x5b || zoneName(bytes, to) === null) return null
  }
  return offset
}

/** ` Name` or `[Name]` running to the end of the text. */
function zoneName(bytes: Uint8Array, to: number): string | null {
  const bracket = bytes[at] === 0x5b
  const start = at + 1
  const end = bracket ? to - 1 : to
  if (end <= start || (bracket && bytes[to - 1] !== 0x5d)) return null
  let name = ''
  for (let p = start; p < end; p++) {
    const c = bytes[p]
    // letters, digits, '/', '_', '+', '-'
    if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= DIGIT_0 && c <= DIGIT_9) || c === 0x2f || c === 0x5f || c === PLUS || c === MINUS)) return null
    name += String.fromCharCode(c)
  }
  at = to
  return name
}

/** WORDS = seconds * 1e9 + nanos (0 <= nanos < 1e9) as two's complement words, if it is an int64. */
function toNanos(seconds: number, nanos: number): number {
  const negative = seconds < 0
  setWords(Math.abs(seconds))
  mulAdd(WORDS.hi, WORDS.lo, 1e9, negative ? 0 : nanos)
  if (negative && nanos > 0) {
    // |seconds * 1e9 + nanos| = |seconds| * 1e9 - nanos, and |seconds| >= 1
    let lo = WORDS.lo - nanos
    if (lo < 0) {
      lo += TWO_32
      WORDS.hi -= 1
    }
    WORDS.lo = lo
  }
  if (!fitsInt64(negative)) return ISO_OUT_OF_RANGE
  toSigned(negative)
  return ISO_OK
}
