import { describe, expect, it } from 'vitest'
import { NUM, numToDouble, numToWords, readNumber, shortDecimalValue } from './numberText'
import { WORDS, fitsInt64, toSigned } from './wordArithmetic'

const bytes = (text: string) => Buffer.from(text, 'latin1')

/** The exact value of a decimal text times 10^shift, truncated toward zero, as a bigint. */
function exactTruncated(text: string, shift: number): bigint {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim())!
  const digits = (m[2] ?? '') + (m[3] ?? '')
  const scale = Number(m[4] ?? 0) + shift - (m[3] ?? '').length
  const mantissa = BigInt(digits === '' ? '0' : digits)
  const v = scale >= 0 ? mantissa * 10n ** BigInt(scale) : mantissa / 10n ** BigInt(-scale)
  return m[1] === '-' ? -v : v
}

/** numToWords as a bigint, or null when out of int64 range. */
function wordsOf(text: string, shift = 0, lenient = false): bigint | null {
  const b = bytes(text)
  if (!readNumber(b, 0, b.length, lenient)) throw new Error(`not a number: ${text}`)
  if (!numToWords(shift) || !fitsInt64(NUM.negative)) return null
  toSigned(NUM.negative)
  return BigInt.asIntN(64, (BigInt(WORDS.hi >>> 0) << 32n) | BigInt(WORDS.lo))
}

function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 4294967296
  }
}

function randomNumberText(next: () => number): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join('')
  let text = next() < 0.3 ? '-' : ''
  const intDigits = Math.floor(next() * 21)
  text += intDigits === 0 ? '0' : String(1 + Math.floor(next() * 9)) + digits(intDigits - 1)
  if (next() < 0.5) text += '.' + digits(1 + Math.floor(next() * 12))
  if (next() < 0.3) text += (next() < 0.5 ? 'e' : 'E') + (next() < 0.5 ? '-' : next() < 0.5 ? '+' : '') + String(Math.floor(next() * 25))
  return text
}

describe('readNumber', () => {
  it('reads JSON number tokens and, leniently, numbers inside strings', () => {
    for (const text of ['0', '-12.50', '1e5', '2E-3', '123456789012345678901234567890']) expect(readNumber(bytes(text), 0, text.length, false), text).toBe(true)
    for (const text of [' 5 ', '+5', '007', '5.', '.5', '\t-1e+2\n']) expect(readNumber(bytes(text), 0, text.length, true), text).toBe(true)
    for (const text of ['', ' ', '-', '+', '.', 'e5', '1e', '1e+', '1.2.3', '1 2', '0x10', 'NaN', 'Infinity', '5abc', '--5', '1_000']) {
      expect(readNumber(bytes(text), 0, text.length, true), text).toBe(false)
    }
  })
})

describe('numToDouble', () => {
  it('rounds exactly as Number() does (random decimals, fast and slow paths)', () => {
    const next = random(7)
    for (let k = 0; k < 20000; k++) {
      const text = randomNumberText(next)
      readNumber(bytes(text), 0, text.length, false)
      const v = numToDouble()
      if (!Object.is(v, Number(text))) throw new Error(`${text}: ${v} !== ${Number(text)}`)
      const short = shortDecimalValue(bytes(text), 0, text.length)
      if (short === short && !Object.is(short, Number(text))) throw new Error(`short ${text}: ${short} !== ${Number(text)}`)
    }
  })

  it('handles extreme exponents', () => {
    for (const text of ['1e400', '-1e400', '1e-400', '0e99999999', '1e99999999', '123e-330']) {
      readNumber(bytes(text), 0, text.length, false)
      expect(numToDouble(), text).toBe(Number(text))
    }
  })
})

describe('numToWords', () => {
  it('truncates toward zero exactly, for every shift (random decimals against BigInt)', () => {
    const next = random(11)
    const MAX = 2n ** 63n - 1n
    const MIN = -(2n ** 63n)
    for (let k = 0; k < 20000; k++) {
      const text = randomNumberText(next)
      const shift = [0, 3, 6, 9][k % 4]
      const exact = exactTruncated(text, shift)
      const expected = exact > MAX || exact < MIN ? null : exact
      const got = wordsOf(text, shift)
      if (got !== expected) throw new Error(`${text} * 10^${shift}: ${got} !== ${expected}`)
    }
  })

  it('covers the int64 ends and huge exponents', () => {
    expect(wordsOf('9223372036854775807')).toBe(9223372036854775807n)
    expect(wordsOf('-9223372036854775808')).toBe(-9223372036854775808n)
    expect(wordsOf('9223372036854775808')).toBe(null)
    expect(wordsOf('-9223372036854775809')).toBe(null)
    expect(wordsOf('18446744073709551616')).toBe(null)
    expect(wordsOf('99999999999999999999')).toBe(null)
    expect(wordsOf('0.0000000000000000000000000001e28')).toBe(1n)
    expect(wordsOf('0e99999999')).toBe(0n)
    expect(wordsOf('1e99999999')).toBe(null)
    expect(wordsOf('1e-99999999')).toBe(0n)
    expect(wordsOf('-0.9')).toBe(0n)
    expect(wordsOf('00012', 0, true)).toBe(12n)
  })
})
