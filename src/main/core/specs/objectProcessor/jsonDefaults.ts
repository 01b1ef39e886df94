import type { ColumnOut } from '../../api/objectProcessorSpec'
import { parseCivilDate } from '../../engine/calendarDate'
import { canonicalDecimal } from '../../engine/decimalText'
import { parseIsoDuration } from '../json/convertCalendar'
import { ISO_OK, parseIsoInstant } from '../json/isoInstant'
import { WORDS } from '../json/wordArithmetic'
import type { JsonScalarValue } from './jsonValues'

/** Writes a value type's onMissing / onNull default into its column. */
export type DefaultWriter = (w: ColumnOut) => void

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n
const SMALL = { int: [-2147483648, 2147483647], short: [-32768, 32767], byte: [-128, 127] } as const
const NS_PER_MS = 1_000_000n

function integer(v: unknown): bigint | null {
  if (typeof v === 'bigint') return v
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v)
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v)
  return null
}

function int64(v: bigint | null): bigint | null {
  return v !== null && v >= INT64_MIN && v <= INT64_MAX ? v : null
}

function isoInstantNs(text: string): bigint | null {
  const bytes = Buffer.from(text, 'utf8')
  if (parseIsoInstant(bytes, 0, bytes.length) !== ISO_OK) return null
  return BigInt.asIntN(64, (BigInt(WORDS.hi >>> 0) << 32n) | BigInt(WORDS.lo >>> 0))
}

/**
 * The writer of an onMissing / onNull default, checked when the value type is used (a default the column cannot hold
 * is a TypeError naming it), or null when no default is set.
 */
export function defaultWriter(value: JsonScalarValue, d: unknown, what: string): DefaultWriter | null {
  if (d === undefined) return null
  const bad = (): never => {
    throw new TypeError(`${what}: ${String(d)} is not a valid default for ${value.kind}()`)
  }
  switch (value.kind) {
    case 'long': {
      const v = int64(integer(d)) ?? bad()
      return (w) => w.appendBigInt(v)
    }
    case 'int':
    case 'short':
    case 'byte': {
      const [min, max] = SMALL[value.kind]
      if (typeof d !== 'number' || !Number.isInteger(d) || d < min || d > max) bad()
      return (w) => w.appendNumber(d as number)
    }
    case 'double':
    case 'float':
      if (typeof d !== 'number') bad()
      return (w) => w.appendNumber(d as number)
    case 'string':
    case 'any':
      if (typeof d !== 'string') bad()
      return (w) => w.appendString(d as string)
    case 'char':
      if (typeof d !== 'string' || d.length !== 1) bad()
      return (w) => w.appendString(d as string)
    case 'bool':
      if (typeof d !== 'boolean') bad()
      return (w) => w.appendBool(d as boolean)
    case 'instant': {
      // a bigint is epoch nanoseconds, a number epoch milliseconds, a string ISO-8601 text with a zone
      const ns = typeof d === 'string' ? isoInstantNs(d) : typeof d === 'number' ? (Number.isSafeInteger(d) ? BigInt(d) * NS_PER_MS : null) : int64(integer(d))
      const v = int64(ns) ?? bad()
      return (w) => w.appendBigInt(v)
    }
    case 'date': {
      const days = typeof d === 'string' ? parseCivilDate(d) : null
      if (days === null) bad()
      return (w) => w.appendNumber(days as number)
    }
    case 'duration': {
      const v = int64(typeof d === 'string' ? parseIsoDuration(d.toUpperCase()) : typeof d === 'bigint' ? d : null) ?? bad()
      return (w) => w.appendBigInt(v)
    }
    case 'bigInteger': {
      const v = integer(d) ?? bad()
      const text = v.toString()
      return (w) => w.appendString(text)
    }
    case 'bigDecimal': {
      const text = (typeof d === 'string' || typeof d === 'number' || typeof d === 'bigint' ? canonicalDecimal(String(d)) : null) ?? bad()
      return (w) => w.appendString(text)
    }
  }
}
