/**
 * decimal values as canonical text: an optional '-', an integer part without leading zeros, and an optional fraction
 * (`-12.50`, `0.001`, `7`), no exponent and no '-0'. Trailing fraction zeros are kept (they carry a scale), and
 * compare equal (`1.5` = `1.50`).
 */
export const DECIMAL_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/

export function isDecimalText(s: string): boolean {
  return DECIMAL_TEXT.test(s) && (s.charCodeAt(0) !== 45 || !/^-0(\.0+)?$/.test(s))
}

/** Canonical text of `unscaled * 10^-scale` (a negative scale appends zeros). */
export function decimalFromUnscaled(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n
  let digits = (negative ? -unscaled : unscaled).toString()
  if (scale > 0) {
    if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`
  } else if (scale < 0) {
    digits += '0'.repeat(-scale)
  }
  return negative ? `-${digits}` : digits
}

const NUMBER = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/

/**
 * Canonical text of a decimal number written as JSON writes numbers (`-1.25e3`, `+0.5`, `007`), or null when the text
 * is not such a number (or its exponent would expand it past 10,000 digits). Exact: digits are moved, never rounded.
 */
export function canonicalDecimal(text: string): string | null {
  const m = NUMBER.exec(text)
  if (m === null) return null
  let int = m[2]
  let frac = m[3] ?? ''
  const exp = m[4] === undefined ? 0 : Number(m[4])
  if (Math.abs(exp) > 10000) return null
  if (exp > 0) {
    const moved = frac.slice(0, exp).padEnd(exp, '0')
    int += moved
    frac = frac.slice(exp)
  } else if (exp < 0) {
    const shift = -exp
    const padded = int.padStart(shift + 1, '0')
    frac = padded.slice(padded.length - shift) + frac
    int = padded.slice(0, padded.length - shift)
  }
  int = int.replace(/^0+(?=\d)/, '')
  const body = frac === '' ? int : `${int}.${frac}`
  const zero = /^[0.]*$/.test(body)
  return m[1] === '-' && !zero ? `-${body}` : body
}

/** Orders two canonical decimal texts numerically (-1, 0, 1). */
export function compareDecimal(a: string, b: string): number {
  const na = a.charCodeAt(0) === 45
  const nb = b.charCodeAt(0) === 45
  if (na !== nb) return na ? -1 : 1
  const m = magnitude(na ? a.slice(1) : a, nb ? b.slice(1) : b)
  return na ? -m : m
}

function magnitude(a: string, b: string): number {
  const pa = a.indexOf('.')
  const pb = b.indexOf('.')
  const ia = pa < 0 ? a.length : pa
  const ib = pb < 0 ? b.length : pb
  if (ia !== ib) return ia < ib ? -1 : 1
  const fa = pa < 0 ? '' : a.slice(pa + 1)
  const fb = pb < 0 ? '' : b.slice(pb + 1)
  const width = Math.max(fa.length, fb.length)
  const x = a.slice(0, ia) + fa.padEnd(width, '0')
  const y = b.slice(0, ib) + fb.padEnd(width, '0')
  return x < y ? -1 : x > y ? 1 : 0
}
