import type { ColumnOut } from '../../api/objectProcessorSpec'
import type { ScalarType } from '../../types'
import { appendDate, appendDuration } from '../json/convertCalendar'
import { appendDecimal } from '../json/convertDecimal'
import { appendFloat, appendInt64, appendSmallInt } from '../json/convertNumbers'
import { appendText } from '../json/convertText'
import type { Converter } from '../json/jsonNested'
import { ISO_NO_ZONE, ISO_OK, ISO_OUT_OF_RANGE, ISO_UNKNOWN_ZONE, parseIsoInstant } from '../json/isoInstant'
import { NUM, numToWords, readNumber } from '../json/numberText'
import type { Scratch } from '../json/scratch'
import { asciiText } from '../json/textValue'
import { TEXT, describeToken, stringContent } from '../json/tokenText'
import { FLAG_PLAIN_INTEGER, KIND_ARRAY, KIND_FALSE, KIND_NUMBER, KIND_OBJECT, KIND_STRING, KIND_TRUE } from '../json/valueKinds'
import { WORDS, fitsInt64, toSigned } from '../json/wordArithmetic'
import type { JsonScalarValue, ScalarKind } from './jsonValues'

export const COLUMN_TYPE: Record<ScalarKind, ScalarType> = {
  long: 'int64',
  int: 'int32',
  short: 'int16',
  byte: 'int16',
  double: 'float64',
  float: 'float32',
  string: 'string',
  char: 'string',
  bool: 'bool',
  instant: 'timestamp',
  date: 'date',
  duration: 'duration',
  bigInteger: 'decimal',
  bigDecimal: 'decimal',
  any: 'string'
}

const RANGE = { int: [-2147483648, 2147483647, 'int32'], short: [-32768, 32767, 'int16'], byte: [-128, 127, 'int8 (byte)'] } as const

/** Digits to append to an epoch integer of each unit to get nanoseconds. */
const SHIFT = { s: 9, ms: 6, us: 3, ns: 0 } as const

const INTEGER_TEXT = /^[+-]?\d+$/
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
/** Longer strings are never numbers here (an exponent could otherwise expand one into megabytes of digits). */
const MAX_TEXT = 1000

/** What a value type accepts, for error messages (`… is not <expected>`). */
export function expected(value: JsonScalarValue): string {
  switch (value.kind) {
    case 'long':
    case 'int':
    case 'short':
    case 'byte':
    case 'bigInteger':
      return 'an integer'
    case 'double':
    case 'float':
    case 'bigDecimal':
      return 'a number'
    case 'string':
    case 'any':
      return 'a string'
    case 'char':
      return 'a string of one character'
    case 'bool':
      return 'true or false'
    case 'instant':
      return value.numberFormat === undefined ? 'an ISO-8601 string' : `an integer (epoch ${value.numberFormat})`
    case 'date':
      return 'an ISO-8601 date (YYYY-MM-DD)'
    case 'duration':
      return 'an ISO-8601 duration (PnDTnHnMn.nS)'
  }
}

/** A string token's content as ASCII text (null when longer than any number), for the allowString checks. */
function shortText(buf: Uint8Array, s: number, e: number, f: number, scratch: Scratch): string | null {
  if (e - s > MAX_TEXT) return null
  stringContent(buf, s, e, f, scratch)
  return asciiText(TEXT.bytes, TEXT.from, TEXT.to)
}

/** Whether the token is a number the value accepts: integers unless allowDecimal; in a string only with allowString. */
function numberAccepted(value: JsonScalarValue, integer: boolean, buf: Uint8Array, kind: number, s: number, e: number, f: number, scratch: Scratch): boolean {
  if (kind === KIND_NUMBER) return !integer || value.allowDecimal || (f & FLAG_PLAIN_INTEGER) !== 0
  if (kind !== KIND_STRING || !value.allowString) return false
  const text = shortText(buf, s, e, f, scratch)
  return text !== null && (integer && !value.allowDecimal ? INTEGER_TEXT : NUMBER_TEXT).test(text)
}

function notA(value: JsonScalarValue, buf: Uint8Array, kind: number, s: number, e: number): string {
  return `${describeToken(buf, kind, s, e)} is not ${expected(value)}`
}

/**
 * The converter of a scalar value type: checks the token's JSON type strictly (the allowString / allowDecimal /
 * allowInt / allowBool options widen it), then converts it straight from the bytes. A JSON null never reaches it.
 */
export function scalarConverter(value: JsonScalarValue): Converter {
  switch (value.kind) {
    case 'long':
      return (w, buf, kind, s, e, f, number, scratch) =>
        numberAccepted(value, true, buf, kind, s, e, f, scratch) ? appendInt64(w, buf, kind, s, e, f, number, scratch) : notA(value, buf, kind, s, e)
    case 'int':
    case 'short':
    case 'byte': {
      const [min, max, name] = RANGE[value.kind]
      return (w, buf, kind, s, e, f, number, scratch) =>
        numberAccepted(value, true, buf, kind, s, e, f, scratch) ? appendSmallInt(w, buf, kind, s, e, f, number, scratch, min, max, name) : notA(value, buf, kind, s, e)
    }
    case 'double':
    case 'float':
      return (w, buf, kind, s, e, f, number, scratch) => {
        if (kind === KIND_STRING && value.allowString) {
          const text = shortText(buf, s, e, f, scratch)
          if (text === null || text.trim() === '') return notA(value, buf, kind, s, e)
          return appendFloat(w, buf, kind, s, e, f, number, scratch)
        }
        return kind === KIND_NUMBER ? appendFloat(w, buf, kind, s, e, f, number, scratch) : notA(value, buf, kind, s, e)
      }
    case 'string':
      return (w, buf, kind, s, e, f, _number, scratch) => {
        const ok =
          kind === KIND_STRING ||
          (kind === KIND_NUMBER && ((f & FLAG_PLAIN_INTEGER) !== 0 ? value.allowInt : value.allowDecimal)) ||
          ((kind === KIND_TRUE || kind === KIND_FALSE) && value.allowBool)
        return ok ? appendText(w, buf, kind, s, e, f, scratch) : notA(value, buf, kind, s, e)
      }
    case 'char':
      return (w, buf, kind, s, e, f, _number, scratch) => {
        if (kind !== KIND_STRING) return notA(value, buf, kind, s, e)
        stringContent(buf, s, e, f, scratch)
        if (!oneUtf16Unit(TEXT.bytes, TEXT.from, TEXT.to)) return notA(value, buf, kind, s, e)
        w.appendUtf8(TEXT.bytes, TEXT.from, TEXT.to)
        return null
      }
    case 'bool':
      return (w, buf, kind, s, e, f, _number, scratch) => {
        if (kind === KIND_TRUE || kind === KIND_FALSE) {
          w.appendBool(kind === KIND_TRUE)
          return null
        }
        const text = kind === KIND_STRING && value.allowString && e - s <= 16 ? shortText(buf, s, e, f, scratch)?.trim().toLowerCase() : undefined
        if (text !== 'true' && text !== 'false') return notA(value, buf, kind, s, e)
        w.appendBool(text === 'true')
        return null
      }
    case 'instant': {
      const format = value.numberFormat
      if (format === undefined) return (w, buf, kind, s, e, f, _number, scratch) => (kind === KIND_STRING ? appendIsoInstant(w, buf, s, e, f, scratch) : notA(value, buf, kind, s, e))
      const shift = SHIFT[format]
      return (w, buf, kind, s, e, f, _number, scratch) => {
        if (!numberAccepted(value, true, buf, kind, s, e, f, scratch)) return notA(value, buf, kind, s, e)
        if (kind === KIND_STRING) readNumber(TEXT.bytes, TEXT.from, TEXT.to, true)
        else readNumber(buf, s, e, false)
        return appendEpoch(w, buf, kind, s, e, shift)
      }
    }
    case 'date':
      return (w, buf, kind, s, e, f, number, scratch) =>
        kind === KIND_STRING && e - s > 2 && appendDate(w, buf, kind, s, e, f, number, scratch) === null ? null : notA(value, buf, kind, s, e)
    case 'duration':
      return (w, buf, kind, s, e, f, number, scratch) => {
        if (kind !== KIND_STRING) return notA(value, buf, kind, s, e)
        const text = shortText(buf, s, e, f, scratch)
        if (text === null || !/^[+-]?[Pp]/.test(text)) return notA(value, buf, kind, s, e)
        return appendDuration(w, buf, kind, s, e, f, number, scratch)
      }
    case 'bigInteger':
      return (w, buf, kind, s, e, f, _number, scratch) => {
        if (!numberAccepted(value, true, buf, kind, s, e, f, scratch)) return notA(value, buf, kind, s, e)
        const problem = appendDecimal(TRUNCATE.to(w), buf, kind, s, e, f, Number.NaN, scratch)
        return problem === null ? null : notA(value, buf, kind, s, e)
      }
    case 'bigDecimal':
      return (w, buf, kind, s, e, f, _number, scratch) => {
        if (!numberAccepted(value, false, buf, kind, s, e, f, scratch)) return notA(value, buf, kind, s, e)
        const problem = appendDecimal(w, buf, kind, s, e, f, Number.NaN, scratch)
        return problem === null ? null : notA(value, buf, kind, s, e)
      }
    case 'any':
      return (w, buf, kind, s, e, _f, _number, scratch) => {
        if (kind === KIND_OBJECT || kind === KIND_ARRAY) appendText(w, buf, kind, s, e, 0, scratch)
        else w.appendUtf8(buf, s, e) // the token as written: strings keep their quotes and escapes
        return null
      }
  }
}

/** Whether the UTF-8 bytes[from..to) are one UTF-16 code unit (Java's char): one character outside the astral planes. */
function oneUtf16Unit(bytes: Uint8Array, from: number, to: number): boolean {
  const lead = bytes[from]
  const n = to - from
  return (n === 1 && lead < 0x80) || (n === 2 && lead >= 0xc0 && lead < 0xe0) || (n === 3 && lead >= 0xe0 && lead < 0xf0)
}

/** Forwards appendString with the decimal text cut to its integer part (truncation toward zero); `-0` becomes `0`. */
class TruncatingWriter {
  private target: ColumnOut | null = null
  to(w: ColumnOut): ColumnOut {
    this.target = w
    return this as unknown as ColumnOut
  }
  appendString(text: string): void {
    const dot = text.indexOf('.')
    const integer = dot < 0 ? text : text.slice(0, dot)
    ;(this.target as ColumnOut).appendString(integer === '-0' ? '0' : integer)
  }
  appendNull(): void {
    ;(this.target as ColumnOut).appendNull()
  }
}
const TRUNCATE = new TruncatingWriter()

function appendIsoInstant(w: ColumnOut, buf: Uint8Array, s: number, e: number, f: number, scratch: Scratch): string | null {
  stringContent(buf, s, e, f, scratch)
  const status = parseIsoInstant(TEXT.bytes, TEXT.from, TEXT.to)
  if (status === ISO_OK) {
    w.appendInt64(WORDS.hi, WORDS.lo)
    return null
  }
  const text = describeToken(buf, KIND_STRING, s, e)
  if (status === ISO_OUT_OF_RANGE) return `${text} is outside the timestamp range (years 1677 to 2262)`
  if (status === ISO_NO_ZONE) return `${text} has no time zone`
  if (status === ISO_UNKNOWN_ZONE) return `${text} names an unknown time zone`
  return `${text} is not an ISO-8601 instant`
}

/** NUM (an epoch number in the unit 10^(shift-9) s) as nanoseconds, exactly; a fraction below 1 ns is truncated. */
function appendEpoch(w: ColumnOut, buf: Uint8Array, kind: number, s: number, e: number, shift: number): string | null {
  if (!numToWords(shift) || !fitsInt64(NUM.negative)) return `${describeToken(buf, kind, s, e)} is outside the timestamp range (years 1677 to 2262)`
  toSigned(NUM.negative)
  w.appendInt64(WORDS.hi, WORDS.lo)
  return null
}
