import { describe, expect, it } from 'vitest'
import { ISO_INVALID, ISO_NO_ZONE, ISO_OK, ISO_OUT_OF_RANGE, ISO_UNKNOWN_ZONE, parseIsoInstant } from './isoInstant'
import { WORDS } from './wordArithmetic'

function parse(text: string): bigint | number {
  const b = Buffer.from(text, 'latin1')
  const status = parseIsoInstant(b, 0, b.length)
  if (status !== ISO_OK) return status
  return BigInt.asIntN(64, (BigInt(WORDS.hi >>> 0) << 32n) | BigInt(WORDS.lo))
}

describe('parseIsoInstant', () => {
  it('agrees with Date.parse to the millisecond on random instants and offsets', () => {
    let seed = 5
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296
    for (let k = 0; k < 5000; k++) {
      const ms = Math.floor((next() - 0.5) * 2 * 9.2e12) // the int64 nanosecond range
      const iso = new Date(ms).toISOString() // yyyy-mm-ddThh:mm:ss.sssZ (4-digit years in range)
      if (!/^\d{4}-/.test(iso)) continue
      expect(parse(iso)).toBe(BigInt(ms) * 1_000_000n)
      const offsetMinutes = Math.floor((next() - 0.5) * 2 * 14 * 60)
      const sign = offsetMinutes < 0 ? '-' : '+'
      const abs = Math.abs(offsetMinutes)
      const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23)
      const withOffset = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
      if (/^\d{4}-/.test(local)) expect(parse(withOffset), withOffset).toBe(BigInt(ms) * 1_000_000n)
    }
  })

  it('keeps nanoseconds exact, before and after 1970', () => {
    expect(parse('1970-01-01T00:00:00.000000001Z')).toBe(1n)
    expect(parse('1969-12-31T23:59:59.999999999Z')).toBe(-1n)
    expect(parse('1969-12-31T23:59:59.5Z')).toBe(-500_000_000n)
    expect(parse('2024-02-29T12:34:56.123456789Z')).toBe(BigInt(Date.parse('2024-02-29T12:34:56Z')) * 1_000_000n + 123_456_789n)
    expect(parse('2024-02-29t12:34:56.1z')).toBe(BigInt(Date.parse('2024-02-29T12:34:56.1Z')) * 1_000_000n)
  })

  it('accepts offset spellings and a bracketed zone after an offset', () => {
    const base = parse('2024-01-01T00:00:00Z') as bigint
    const hour = 3_600_000_000_000n
    expect(parse('2024-01-01T00:00:00+01')).toBe(base - hour)
    expect(parse('2024-01-01T00:00:00+0100')).toBe(base - hour)
    expect(parse('2024-01-01T00:00:00-01:00')).toBe(base + hour)
    expect(parse('2024-01-01T00:00:00+01:00:30')).toBe(base - hour - 30_000_000_000n)
    expect(parse('2024-01-01T00:00:00+01:00[Europe/Paris]')).toBe(base - hour)
    expect(parse('2024-01-01T00:00:00 Asia/Kolkata')).toBe(base - 5n * hour - hour / 2n)
  })

  it('says why text is not an instant', () => {
    for (const text of ['', '2024', '2024-01-01', '2024-1-01T00:00Z', '2024-13-01T00:00Z', '2023-02-29T00:00Z', '2024-01-01T24:00Z', '2024-01-01T00:60Z', '2024-01-01T00:00:60Z', '2024-01-01T00:00:00.Z', '2024-01-01T00:00:00.1234567890Z', '2024-01-01T00:00:00+19:00', '2024-01-01T00:00:00Zjunk', '2024-01-01T00:00:00+0100:00', '2024-01-01X00:00Z', '2024-01-01T00:00:00 Bad Zone']) {
      expect(parse(text), text).toBe(ISO_INVALID)
    }
    expect(parse('2024-01-01T00:00:00')).toBe(ISO_NO_ZONE)
    expect(parse('2024-01-01T00:00:00 Nowhere/City')).toBe(ISO_UNKNOWN_ZONE)
    expect(parse('1677-09-21T00:12:43.145224191Z')).toBe(ISO_OUT_OF_RANGE)
    expect(parse('9999-12-31T23:59:59Z')).toBe(ISO_OUT_OF_RANGE)
    expect(parse('0000-01-01T00:00:00Z')).toBe(ISO_OUT_OF_RANGE)
  })
})
