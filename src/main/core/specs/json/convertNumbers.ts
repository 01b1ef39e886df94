import type { ColumnWriter } from '../../engine/columnWriter'
import { MINUS, skipSpace, trimSpaceEnd } from './jsonBytes'
import { NUM, numToDouble, numToWords, plainIntegerValue, readNumber, shortDecimalValue } from './numberText'
import type { Scratch } from './scratch'
import { asciiText } from './textValue'
import { TEXT, describeToken, stringContent } from './tokenText'
import { FLAG_PLAIN_INTEGER, KIND_FALSE, KIND_NUMBER, KIND_STRING, KIND_TRUE } from './valueKinds'
import { WORDS, fitsInt64, toSigned } from './wordArithmetic'

/*
 * Converters append one value to a column and return null, or return the reason they could not, having appended
 * nothing (the decoder then appends null and reports a field error). A JSON null never reaches them.
 * `number` is the value the scanner read on the way (NaN when it did not: more than 15 digits, an exponent).
 * Numbers: fractions are truncated toward zero for integer columns (as Deephaven); numbers in strings are parsed
 * (whitespace around them, '+', leading zeros allowed); true/false are 1/0 (as Jackson's asInt/asDouble);
 * an empty string is null without an error; anything else is a field error, where Deephaven gives 0.
 */

/** A plain integer token short enough (at most 15 digits) to be exact as a double. */
function isShortInteger(buf: Uint8Array, s: number, e: number, flags: number): boolean {
  return (flags & FLAG_PLAIN_INTEGER) !== 0 && e - s <= (buf[s] === MINUS ? 16 : 15)
}

/**
 * Reads a string token's content into TEXT. When it is empty or only whitespace (such strings read as null), appends
 * null and returns true.
 */
function blankString(w: ColumnWriter, buf: Uint8Array, s: number, e: number, flags: number, scratch: Scratch): boolean {
  stringContent(buf, s, e, flags, scratch)
  const { bytes, from, to } = TEXT
  for (let p = from; p < to; p++) {
    const c = bytes[p]
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false
  }
  w.appendNull()
  return true
}

function notANumber(buf: Uint8Array, kind: number, s: number, e: number): string {
  return `${describeToken(buf, kind, s, e)} is not a number`
}

/** int16 and int32 columns: integers in [min, max] (`typeName` names the range in the error). */
export function appendSmallInt(
  w: ColumnWriter,
  buf: Uint8Array,
  kind: number,
  s: number,
  e: number,
  flags: number,
  number: number,
  scratch: Scratch,
  min: number,
  max: number,
  typeName = min === -32768 ? 'int16' : 'int32'
): string | null {
  let v: number
  if (kind === KIND_NUMBER) {
    if (number === number) {
      v = Math.trunc(number) // exact: a double read from at most 15 digits truncates like its decimal
    } else if (isShortInteger(buf, s, e, flags)) {
      v = plainIntegerValue(buf, s, e)
    } else {
      readNumber(buf, s, e, false)
      v = numToSmallInt()
    }
  } else if (kind === KIND_STRING) {
    if (blankString(w, buf, s, e, flags, scratch)) return null
    if (!readNumber(TEXT.bytes, TEXT.from, TEXT.to, true)) return notANumber(buf, kind, s, e)
    v = numToSmallInt()
  } else if (kind === KIND_TRUE || kind === KIND_FALSE) {
    v = kind === KIND_TRUE ? 1 : 0
  } else {
    return notANumber(buf, kind, s, e)
  }
  if (!(v >= min && v <= max)) return `${describeToken(buf, kind, s, e)} is out of range for ${typeName}`
  w.appendNumber(v === 0 ? 0 : v)
  return null
}

/** NUM truncated toward zero when its magnitude is below 2^32, else NaN (out of range of any small int). */
function numToSmallInt(): number {
  if (!numToWords(0) || WORDS.hi !== 0) return Number.NaN
  return NUM.negative ? -WORDS.lo : WORDS.lo
}

/** int64 columns: exact over the whole range (no rounding through a double). */
export function appendInt64(w: ColumnWriter, buf: Uint8Array, kind: number, s: number, e: number, flags: number, number: number, scratch: Scratch): string | null {
  if (kind === KIND_NUMBER) {
    if (number === number) {
      w.appendNumber(Math.trunc(number) + 0) // + 0: no -0
      return null
    }
    if (isShortInteger(buf, s, e, flags)) {
      w.appendNumber(plainIntegerValue(buf, s, e))
      return null
    }
    readNumber(buf, s, e, false)
  } else if (kind === KIND_STRING) {
    if (blankString(w, buf, s, e, flags, scratch)) return null
    if (!readNumber(TEXT.bytes, TEXT.from, TEXT.to, true)) return notANumber(buf, kind, s, e)
  } else if (kind === KIND_TRUE || kind === KIND_FALSE) {
    w.appendNumber(kind === KIND_TRUE ? 1 : 0)
    return null
  } else {
    return notANumber(buf, kind, s, e)
  }
  if (!numToWords(0) || !fitsInt64(NUM.negative)) return `${describeToken(buf, kind, s, e)} is out of range for int64`
  toSigned(NUM.negative)
  w.appendInt64(WORDS.hi, WORDS.lo)
  return null
}

const FLOAT_WORDS = new Map([
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['+Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY]
])

/** float32 and float64 columns (float32 rounds the double to the nearest float32). */
export function appendFloat(w: ColumnWriter, buf: Uint8Array, kind: number, s: number, e: number, flags: number, number: number, scratch: Scratch): string | null {
  if (kind === KIND_NUMBER) {
    let v = number === number ? number : shortDecimalValue(buf, s, e)
    if (v !== v) {
      readNumber(buf, s, e, false)
      v = numToDouble()
    }
    w.appendNumber(v)
    return null
  }
  if (kind === KIND_STRING) {
    if (blankString(w, buf, s, e, flags, scratch)) return null
    if (readNumber(TEXT.bytes, TEXT.from, TEXT.to, true)) {
      w.appendNumber(numToDouble())
      return null
    }
    const from = skipSpace(TEXT.bytes, TEXT.from, TEXT.to)
    const to = trimSpaceEnd(TEXT.bytes, from, TEXT.to)
    const special = to - from <= 9 ? FLOAT_WORDS.get(asciiText(TEXT.bytes, from, to)) : undefined
    if (special !== undefined) {
      w.appendNumber(special)
      return null
    }
    return notANumber(buf, kind, s, e)
  }
  if (kind === KIND_TRUE || kind === KIND_FALSE) {
    w.appendNumber(kind === KIND_TRUE ? 1 : 0)
    return null
  }
  return notANumber(buf, kind, s, e)
}
