import { DIGIT_0, DIGIT_9, DOT, LOWER_E, MINUS, PLUS, UPPER_E, isJsonSpace } from './jsonBytes'
import { asciiText } from './textValue'
import { POW10, WORDS, mulAdd, setWords } from './wordArithmetic'

/**
 * The parts of the last number read by `readNumber` (shared, like WORDS): sign, integer digits
 * bytes[intStart..intEnd), fraction digits bytes[fracStart..fracEnd) and the decimal exponent.
 */
export const NUM = { bytes: new Uint8Array(0) as Uint8Array, negative: false, intStart: 0, intEnd: 0, fracStart: 0, fracEnd: 0, exponent: 0 }

/** Exponents beyond this cannot matter (every result is 0 or out of range) and are clamped, so arithmetic stays exact. */
const MAX_EXPONENT = 100_000

/**
 * Reads a decimal number from bytes[from..to) into NUM. `lenient` (text inside a JSON string) also allows surrounding
 * whitespace, a leading '+', leading zeros and a bare '.' on either side ("5.", ".5"); a JSON number token is
 * already validated by the scanner and read as it is. Returns false when the text is not such a number.
 */
export function readNumber(bytes: Uint8Array, from: number, to: number, lenient: boolean): boolean {
  if (lenient) {
    while (from < to && isJsonSpace(bytes[from])) from++
    while (to > from && isJsonSpace(bytes[to - 1])) to--
  }
  let p = from
  let negative = false
  if (p < to && (bytes[p] === MINUS || (lenient && bytes[p] === PLUS))) {
    negative = bytes[p] === MINUS
    p++
  }
  const intStart = p
  while (p < to && bytes[p] >= DIGIT_0 && bytes[p] <= DIGIT_9) p++
  const intEnd = p
  let fracStart = p
  let fracEnd = p
  if (p < to && bytes[p] === DOT) {
    fracStart = ++p
    while (p < to && bytes[p] >= DIGIT_0 && bytes[p] <= DIGIT_9) p++
    fracEnd = p
  }
  if (intEnd === intStart && fracEnd === fracStart) return false
  let exponent = 0
  if (p < to && (bytes[p] === LOWER_E || bytes[p] === UPPER_E)) {
    p++
    let expNegative = false
    if (p < to && (bytes[p] === MINUS || bytes[p] === PLUS)) expNegative = bytes[p++] === MINUS
    const expStart = p
    while (p < to && bytes[p] >= DIGIT_0 && bytes[p] <= DIGIT_9) {
      if (exponent < MAX_EXPONENT) exponent = exponent * 10 + (bytes[p] - DIGIT_0)
      p++
    }
    if (p === expStart) return false
    if (expNegative) exponent = -exponent
  }
  if (p !== to) return false
  NUM.bytes = bytes
  NUM.negative = negative
  NUM.intStart = intStart
  NUM.intEnd = intEnd
  NUM.fracStart = fracStart
  NUM.fracEnd = fracEnd
  NUM.exponent = exponent
  return true
}

/** Whether NUM has no fraction digits and no exponent. */
export function numIsPlainInteger(): boolean {
  return NUM.fracEnd === NUM.fracStart && NUM.exponent === 0
}

/** The value of NUM as the nearest double (exact text → double rounding, as JSON.parse). */
export function numToDouble(): number {
  const { bytes, intStart, intEnd, fracStart, fracEnd } = NUM
  const digits = intEnd - intStart + (fracEnd - fracStart)
  const scale = NUM.exponent - (fracEnd - fracStart)
  if (digits <= 15 && scale >= -22 && scale <= 22) {
    // Both operands are exact, so one multiplication or division rounds correctly (Clinger's fast path).
    let m = 0
    for (let p = intStart; p < intEnd; p++) m = m * 10 + (bytes[p] - DIGIT_0)
    for (let p = fracStart; p < fracEnd; p++) m = m * 10 + (bytes[p] - DIGIT_0)
    const v = scale >= 0 ? m * POW10[scale] : m / POW10[-scale]
    return NUM.negative ? -v : v
  }
  return slowDouble()
}

function slowDouble(): number {
  const { bytes, intStart, intEnd, fracStart, fracEnd } = NUM
  let text = NUM.negative ? '-' : ''
  text += intEnd > intStart ? asciiText(bytes, intStart, intEnd) : '0'
  if (fracEnd > fracStart) text += '.' + asciiText(bytes, fracStart, fracEnd)
  if (NUM.exponent !== 0) text += 'e' + String(NUM.exponent)
  return Number(text)
}

/** digit k of NUM's mantissa: integer digits, then fraction digits, then zeros. */
function digitAt(k: number): number {
  const nInt = NUM.intEnd - NUM.intStart
  if (k < nInt) return NUM.bytes[NUM.intStart + k] - DIGIT_0
  const f = k - nInt
  return f < NUM.fracEnd - NUM.fracStart ? NUM.bytes[NUM.fracStart + f] - DIGIT_0 : 0
}

/**
 * WORDS = |NUM| * 10^shift truncated toward zero, exactly. Returns false when that magnitude has more than 19 digits
 * (so cannot be an int64); the caller checks the int64 range with fitsInt64(NUM.negative).
 */
export function numToWords(shift: number): boolean {
  const nInt = NUM.intEnd - NUM.intStart
  const count = nInt + NUM.exponent + shift // mantissa digits before the decimal point of the result
  const nDigits = nInt + (NUM.fracEnd - NUM.fracStart)
  let first = 0
  while (first < nDigits && digitAt(first) === 0) first++
  if (first === nDigits || first >= count) {
    WORDS.hi = 0
    WORDS.lo = 0
    return true
  }
  if (count - first > 19) return false
  let acc = 0
  const head = Math.min(count, first + 15)
  for (let k = first; k < head; k++) acc = acc * 10 + digitAt(k)
  setWords(acc)
  if (head < count) {
    let tail = 0
    for (let k = head; k < count; k++) tail = tail * 10 + digitAt(k)
    mulAdd(WORDS.hi, WORDS.lo, POW10[count - head], tail)
  }
  return true
}

/** The value of a plain integer token bytes[from..to) ('-'? digits, at most 15 digits): exact as a double. */
export function plainIntegerValue(bytes: Uint8Array, from: number, to: number): number {
  let p = from
  const negative = bytes[p] === MINUS
  if (negative) p++
  let v = 0
  for (; p < to; p++) v = v * 10 + (bytes[p] - DIGIT_0)
  return negative ? -v : v
}

/**
 * The value of a number token bytes[from..to) without exponent and with at most 15 digits, in one pass (exact digits
 * divided by an exact power of ten rounds correctly); NaN when the token needs the general path (readNumber).
 */
export function shortDecimalValue(bytes: Uint8Array, from: number, to: number): number {
  let p = from
  const negative = bytes[p] === MINUS
  if (negative) p++
  let m = 0
  let digits = 0
  let fraction = -1
  for (; p < to; p++) {
    const c = bytes[p]
    if (c === DOT) {
      fraction = 0
    } else if (c >= DIGIT_0 && c <= DIGIT_9) {
      m = m * 10 + (c - DIGIT_0)
      digits++
      if (fraction >= 0) fraction++
    } else {
      return Number.NaN // an exponent
    }
  }
  if (digits > 15) return Number.NaN
  const v = fraction > 0 ? m / POW10[fraction] : m
  return negative ? -v : v
}
