import { describe, expect, it } from 'vitest'
import { civilText, daysFromCivil, parseCivilDate } from './calendarDate'
import { CHUNK_SIZE } from './chunkLayout'
import { canonicalDecimal, compareDecimal, decimalFromUnscaled, isDecimalText } from './decimalText'
import { LiveTable } from './liveTable'
import { addRows, oneColumn, values } from './testSupport'

describe('date', () => {
  it('stores days since 1970-01-01 as int32 chunks and reads them back as numbers', () => {
    const days = [0, -1, 19_000, -719_528, 2_932_896]
    const table = oneColumn('date', days.length + 1, (w, r) => (r === days.length ? w.appendNull() : w.appendNumber(days[r])))
    expect(values(table)).toEqual([...days, null])
    expect(table.columnReader(0).chunkData(0)?.kind).toBe('int32')
    expect(table.columnReader(0).type).toBe('date')
  })

  it('rejects a day number that is not an int32', () => {
    const table = new LiveTable([{ name: 'd', type: 'date' }], { kind: 'append' })
    table.beginRow()
    expect(() => table.writers[0].appendNumber(1.5)).toThrow(RangeError)
  })

  it('converts between day numbers and ISO dates', () => {
    expect(civilText(0)).toBe('1970-01-01')
    expect(civilText(-1)).toBe('1969-12-31')
    expect(civilText(daysFromCivil(2024, 2, 29))).toBe('2024-02-29')
    expect(civilText(daysFromCivil(0, 1, 1))).toBe('0000-01-01')
    expect(civilText(daysFromCivil(-1, 12, 31))).toBe('-0001-12-31')
    expect(parseCivilDate('2000-03-01')).toBe(11_017)
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-01', '20240101', '2024-04-31']) expect(parseCivilDate(bad)).toBeNull()
    for (let d = -800_000; d < 800_000; d += 997) expect(parseCivilDate(civilText(d))).toBe(d)
  })
})

describe('duration', () => {
  it('stores nanoseconds as int64 and reads them back as bigint', () => {
    const table = oneColumn('duration', 3, (w, r) => (r === 0 ? w.appendNumber(3_723_250_000_000) : r === 1 ? w.appendBigInt(-(2n ** 63n)) : w.appendNull()))
    expect(values(table)).toEqual([3_723_250_000_000n, -(2n ** 63n), null])
    expect(table.columnReader(0).chunkData(0)?.kind).toBe('int64')
  })
})

describe('decimal', () => {
  it('keeps values exact as canonical text, across chunks and with nulls', () => {
    const n = CHUNK_SIZE + 5
    const text = (r: number): string => (r % 2 === 0 ? `12345678901234567890.${String(r % 100).padStart(2, '0')}` : `-0.00${r}`)
    const table = oneColumn('decimal', n, (w, r) => (r % 9 === 8 ? w.appendNull() : w.appendString(text(r))))
    for (const r of [0, 1, 8, CHUNK_SIZE - 1, CHUNK_SIZE, n - 1]) expect(table.getValue(0, r)).toBe(r % 9 === 8 ? null : text(r))
  })

  it('rejects text that is not a canonical decimal, before writing', () => {
    const table = new LiveTable([{ name: 'd', type: 'decimal' }], { kind: 'append' })
    for (const bad of ['1e3', '01', '-0', '1.', '.5', ' 1', 'abc', '+1']) {
      table.beginRow()
      expect(() => table.writers[0].appendString(bad)).toThrow(RangeError)
      table.abortRow()
    }
    addRows(table, 1, (w) => w[0].appendUtf8(Buffer.from('x-1.50'), 1, 6))
    table.flush()
    expect(values(table)).toEqual(['-1.50'])
  })

  it('canonicalizes JSON numbers exactly and compares decimals numerically', () => {
    expect(canonicalDecimal('12345678901234567890.12')).toBe('12345678901234567890.12')
    expect(canonicalDecimal('-1.25e3')).toBe('-1250')
    expect(canonicalDecimal('1.5E-3')).toBe('0.0015')
    expect(canonicalDecimal('-0.0')).toBe('0.0')
    expect(canonicalDecimal('007')).toBe('7')
    expect(canonicalDecimal('1e')).toBeNull()
    expect(decimalFromUnscaled(1234567890123456789012n, 2)).toBe('12345678901234567890.12')
    expect(decimalFromUnscaled(-5n, 3)).toBe('-0.005')
    expect(decimalFromUnscaled(0n, 2)).toBe('0.00')
    expect(isDecimalText('0.00')).toBe(true)
    const sorted = ['-10', '-9.99', '-0.5', '0', '0.001', '1.5', '1.50', '2', '10.0', '99999999999999999999.1']
    const shuffled = [...sorted].reverse()
    expect(shuffled.sort(compareDecimal)).toEqual(['-10', '-9.99', '-0.5', '0', '0.001', '1.50', '1.5', '2', '10.0', '99999999999999999999.1'])
    expect(compareDecimal('1.5', '1.50')).toBe(0)
  })
})

describe('date, duration and decimal in ring and blink tables', () => {
  it('release chunks with the window and keep reading the rows left', () => {
    const columns = [
      { name: 'd', type: 'date' as const },
      { name: 't', type: 'duration' as const },
      { name: 'x', type: 'decimal' as const }
    ]
    const ring = new LiveTable(columns, { kind: 'ring', capacity: 100 })
    const blink = new LiveTable(columns, { kind: 'blink' })
    for (const table of [ring, blink]) {
      for (let cycle = 0; cycle < 4; cycle++) {
        addRows(table, CHUNK_SIZE, (w, r) => {
          w[0].appendNumber(r)
          w[1].appendBigInt(BigInt(r) * 1_000_000_000n)
          w[2].appendString(`${cycle}.${r}`)
        })
        table.flush()
      }
      const last = table.size - 1
      expect(table.rows(last)).toEqual([{ d: CHUNK_SIZE - 1, t: BigInt(CHUNK_SIZE - 1) * 1_000_000_000n, x: `3.${CHUNK_SIZE - 1}` }])
      expect(table.memoryBytes()).toBeLessThan(2 * CHUNK_SIZE * (4 + 8) + 2 * 2_000_000)
    }
    expect(ring.size).toBe(100)
    expect(blink.size).toBe(CHUNK_SIZE)
  })
})
