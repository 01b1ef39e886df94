import type { ColumnWriter } from '../../engine/columnWriter'
import { MINUS } from './jsonBytes'
import { ISO_NO_ZONE, ISO_OK, ISO_OUT_OF_RANGE, ISO_UNKNOWN_ZONE, parseIsoInstant } from './isoInstant'
import { FLAG_PLAIN_INTEGER, KIND_NUMBER, KIND_STRING } from './valueKinds'
import { NUM, numToWords, plainIntegerValue, readNumber } from './numberText'
import type { Scratch } from './scratch'
import { TEXT, describeToken, stringContent } from './tokenText'
import { WORDS, constantWords, fitsInt64, mulAdd, setWords, toSigned, wordsAbove } from './wordArithmetic'

/**
 * Epoch numbers pick their unit by magnitude, as Deephaven's DateTimeUtils.epochAutoToEpochNanos does with
 * MICROTIME_THRESHOLD = 9,309,341,000,000: |v| > 9.309341e15 is nanoseconds, > 9.309341e12 microseconds,
 * > 9.309341e9 milliseconds, otherwise seconds.
 */
const MS_ABOVE = 9_309_341_000
const US_ABOVE = 9_309_341_000_000
const [NS_ABOVE_HI, NS_ABOVE_LO] = constantWords(9_309_341_000_000_000n)
const [US_ABOVE_HI, US_ABOVE_LO] = constantWords(9_309_341_000_000n)
const [MS_ABOVE_HI, MS_ABOVE_LO] = constantWords(9_309_341_000n)
/** Epoch ms whose nanoseconds fit an int64 (TimestampColumn.appendNumber's limit). */
const MAX_MS = 9_223_372_036_854

const RANGE = 'is outside the timestamp range (years 1677 to 2262)'

/**
 * timestamp columns: a JSON number, or a string holding a number or ISO-8601 text (see isoInstant.ts). A number's
 * unit follows its magnitude (above); fractions are kept down to the nanosecond (truncated toward zero).
 */
export function appendTimestamp(w: ColumnWriter, buf: Uint8Array, kind: number, s: number, e: number, flags: number, number: number, scratch: Scratch): string | null {
  if (kind === KIND_NUMBER) {
    if ((flags & FLAG_PLAIN_INTEGER) !== 0 && (number === number || e - s <= (buf[s] === MINUS ? 16 : 15))) {
      const v = number === number ? number : plainIntegerValue(buf, s, e)
      return appendEpochNumber(w, v) ? null : `${describeToken(buf, kind, s, e)} ${RANGE}`
    }
    readNumber(buf, s, e, false)
    return appendEpochNum(w) ? null : `${describeToken(buf, kind, s, e)} ${RANGE}`
  }
  if (kind !== KIND_STRING) return `${describeToken(buf, kind, s, e)} is not a timestamp`
  stringContent(buf, s, e, flags, scratch)
  let from = TEXT.from
  let to = TEXT.to
  const bytes = TEXT.bytes
  while (from < to && isSpace(bytes[from])) from++
  while (to > from && isSpace(bytes[to - 1])) to--
  if (from === to) {
    w.appendNull()
    return null
  }
  if (readNumber(bytes, from, to, true)) {
    return appendEpochNum(w) ? null : `${describeToken(buf, kind, s, e)} ${RANGE}`
  }
  const status = parseIsoInstant(bytes, from, to)
  if (status === ISO_OK) {
    w.appendInt64(WORDS.hi, WORDS.lo)
    return null
  }
  const text = describeToken(buf, kind, s, e)
  if (status === ISO_OUT_OF_RANGE) return `${text} ${RANGE}`
  if (status === ISO_NO_ZONE) return `${text} has no time zone: add Z, an offset such as +01:00, or a zone name`
  if (status === ISO_UNKNOWN_ZONE) return `${text} names an unknown time zone`
  return `${text} is not a timestamp (ISO-8601 with a zone, or epoch seconds, ms, µs or ns)`
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
}

/** An epoch number that is a safe integer; false when out of range. */
function appendEpochNumber(w: ColumnWriter, v: number): boolean {
  const magnitude = Math.abs(v)
  if (magnitude <= MS_ABOVE) {
    // seconds: |ms| <= 9.31e12 is exact
    if (magnitude * 1000 > MAX_MS) return false
    w.appendNumber(v * 1000)
    return true
  }
  if (magnitude <= US_ABOVE) {
    if (magnitude > MAX_MS) return false
    w.appendNumber(v)
    return true
  }
  if (magnitude > US_ABOVE * 1000) return appendEpochWords(w, v, 0)
  // microseconds: ns = v * 1000 (beyond 2^53, so in words)
  return appendEpochWords(w, v, 1000)
}

function appendEpochWords(w: ColumnWriter, v: number, multiplier: number): boolean {
  const negative = v < 0
  setWords(Math.abs(v))
  if (multiplier !== 0) mulAdd(WORDS.hi, WORDS.lo, multiplier, 0)
  if (!fitsInt64(negative)) return false
  toSigned(negative)
  w.appendInt64(WORDS.hi, WORDS.lo)
  return true
}

/** The number in NUM (any size, fraction or exponent) as an epoch value; false when out of range. */
function appendEpochNum(w: ColumnWriter): boolean {
  const negative = NUM.negative
  if (!numToWords(0) || !fitsInt64(negative)) return false
  let shift = 0
  if (wordsAbove(NS_ABOVE_HI, NS_ABOVE_LO)) shift = 0
  else if (wordsAbove(US_ABOVE_HI, US_ABOVE_LO)) shift = 3
  else if (wordsAbove(MS_ABOVE_HI, MS_ABOVE_LO)) shift = 6
  else shift = 9
  if (shift !== 0 && (!numToWords(shift) || !fitsInt64(negative))) return false
  toSigned(negative)
  w.appendInt64(WORDS.hi, WORDS.lo)
  return true
}
