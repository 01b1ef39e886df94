import { describe, expect, it } from 'vitest'
import type { ColumnType } from '../../../../shared/model/columns'
import type { CellValue } from './cellValue'
import { base64ToBytes, bytesPreview, bytesToHex, cellText, formatCell, formatEpochMs, formatFloat, formatTimestampNs, kindOfType } from './formatCell'

describe('formatCell', () => {
  it('shows null distinctly, whatever the type', () => {
    expect(formatCell(null, 'string')).toEqual({ text: 'null', kind: 'null' })
    expect(formatCell(null, 'int64')).toEqual({ text: 'null', kind: 'null' })
  })

  it('formats timestamps (epoch ns) with milliseconds', () => {
    expect(formatCell('1795615387123456789', 'timestamp', 'utc')).toEqual({ text: '2026-11-25 14:03:07.123', kind: 'time' })
    expect(formatTimestampNs('0', 'utc')).toBe('1970-01-01 00:00:00.000')
    expect(formatTimestampNs(0, 'utc')).toBe('1970-01-01 00:00:00.000')
  })

  it('floors negative timestamps to the millisecond before', () => {
    expect(formatTimestampNs('-1', 'utc')).toBe('1969-12-31 23:59:59.999')
    expect(formatTimestampNs('-1000000', 'utc')).toBe('1969-12-31 23:59:59.999')
  })

  it('uses local time by default', () => {
    const d = new Date(1795615387123)
    const expected = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ` +
      `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')}.123`
    expect(formatTimestampNs('1795615387123000000')).toBe(expected)
  })

  it('keeps an unreadable timestamp as it came', () => {
    expect(formatTimestampNs('soon', 'utc')).toBe('soon')
  })

  it('marks numbers as numeric and keeps int64 digits exact', () => {
    expect(formatCell(42, 'int32')).toEqual({ text: '42', kind: 'num' })
    expect(formatCell('9223372036854775807', 'int64')).toEqual({ text: '9223372036854775807', kind: 'num' })
    expect(formatCell(-1.5, 'float64')).toEqual({ text: '-1.5', kind: 'num' })
  })

  it('prints float32 with the fewest digits that round-trip', () => {
    expect(formatFloat(Math.fround(0.1), 'float32')).toBe('0.1')
    expect(formatFloat(Math.fround(3.4028234663852886e38), 'float32')).toBe('3.4028235e+38')
    expect(formatFloat(Math.fround(0.1), 'float64')).toBe('0.10000000149011612')
  })

  it('passes non-finite floats through', () => {
    expect(formatCell('NaN', 'float64')).toEqual({ text: 'NaN', kind: 'num' })
    expect(formatCell('-Infinity', 'float32')).toEqual({ text: '-Infinity', kind: 'num' })
  })

  it('shows bytes as hex with a text preview', () => {
    expect(formatCell(btoa('hi\u0000!'), 'bytes')).toEqual({ text: '68690021', kind: 'bytes', preview: 'hi·!' })
  })

  it('shortens long bytes and strings for display only', () => {
    const long = btoa('x'.repeat(100))
    const cell = formatCell(long, 'bytes')
    expect(cell.text).toBe('78'.repeat(48) + '…')
    expect(cellText(long, 'bytes')).toBe('78'.repeat(100))
    expect(formatCell('y'.repeat(1000), 'string').text).toHaveLength(401)
  })

  it('keeps strings on one line', () => {
    expect(formatCell('a\tb\r\nc', 'string')).toEqual({ text: 'a b c', kind: 'text' })
  })

  it('shows booleans', () => {
    expect(formatCell(true, 'bool')).toEqual({ text: 'true', kind: 'bool' })
  })
})

describe('cellText (what a copy puts on the clipboard)', () => {
  it('is empty for null and whole otherwise', () => {
    expect(cellText(null, 'string')).toBe('')
    expect(cellText('a\tb', 'string')).toBe('a\tb')
    expect(cellText('1795615387123456789', 'timestamp', 'utc')).toBe('2026-11-25 14:03:07.123')
  })
})

describe('bytes helpers', () => {
  it('decodes base64 and survives garbage', () => {
    expect([...base64ToBytes('AP8=')]).toEqual([0, 255])
    expect(base64ToBytes('***')).toHaveLength(0)
  })

  it('hex and preview', () => {
    const bytes = new Uint8Array([0x41, 0x0a, 0xff])
    expect(bytesToHex(bytes)).toBe('410aff')
    expect(bytesToHex(bytes, 2)).toBe('410a…')
    expect(bytesPreview(bytes)).toBe('A··')
  })
})

describe('formatCell: date, duration, decimal, list, map', () => {
  it('shows dates as sent, durations human-readable, decimals exact and right-aligned, lists and maps as compact JSON', () => {
    expect(formatCell('2024-02-29', 'date')).toEqual({ text: '2024-02-29', kind: 'time' })
    expect(formatCell('3723250000000', 'duration')).toEqual({ text: '1h 02m 03.250s', kind: 'num' })
    expect(formatCell('-1', 'duration').text).toBe('-0.000000001s')
    expect(formatCell('172800000000000', 'duration').text).toBe('2d 00h 00m 00s')
    expect(formatCell('0', 'duration').text).toBe('0s')
    expect(formatCell('12345678901234567890.12', 'decimal')).toEqual({ text: '12345678901234567890.12', kind: 'num' })
    expect(formatCell([1, null, 'a'], 'list<string>')).toEqual({ text: '[1,null,"a"]', kind: 'text' })
    expect(cellText({ a: 1 }, 'map<string,int32>')).toBe('{"a":1}')
    expect(cellText('5000000000', 'duration')).toBe('5s')
  })
})

describe('kindOfType', () => {
  it('is the kind a value of the type will have, so a loading cell keeps its class when the value comes', () => {
    const samples: [ColumnType, CellValue][] = [
      ['string', 'x'],
      ['int16', 1],
      ['int32', 1],
      ['int64', '1'],
      ['float32', 1.5],
      ['float64', 1.5],
      ['bool', true],
      ['bytes', 'AQI='],
      ['timestamp', '1700000000000000000'],
      ['date', '2026-12-03'],
      ['duration', '1000000000'],
      ['decimal', '1.50'],
      ['list<int64>', ['1']],
      ['map<string,string>', { a: 'b' }]
    ]
    for (const [type, value] of samples) {
      expect(kindOfType(type), type).toBe(formatCell(value, type).kind)
    }
  })
})

describe('timestamp formatting shortcuts', () => {
  it('formats milliseconds in the same second and the next ones as a fresh Date would', () => {
    const base = Date.UTC(2026, 11, 3, 18, 59, 59, 0)
    for (const ms of [base, base + 1, base + 999, base + 1000, base + 61_001, base - 1, -1, 0, -1001]) {
      const d = new Date(ms)
      const p = (n: number, w = 2) => String(n).padStart(w, '0')
      const expected = `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`
      expect(formatEpochMs(ms, 'utc')).toBe(expected)
    }
  })

  it('keeps local and UTC apart', () => {
    const ms = Date.UTC(2026, 0, 1, 12, 0, 0, 5)
    expect(formatEpochMs(ms, 'utc')).toBe('2026-01-01 12:00:00.005')
    const local = new Date(ms)
    expect(formatEpochMs(ms, 'local')).toBe(`2026-01-01 ${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}:00.005`)
    expect(formatEpochMs(ms, 'utc')).toBe('2026-01-01 12:00:00.005')
  })

  it('reads nanosecond strings without BigInt the same as with it', () => {
    expect(formatTimestampNs('1795615387123456789', 'utc')).toBe(formatTimestampNs('+1795615387123456789', 'utc')) // '+': the BigInt path
    expect(formatTimestampNs('1795615387123456789', 'utc')).toBe(new Date(1795615387123).toISOString().replace('T', ' ').slice(0, 23))
    expect(formatTimestampNs('0001000000', 'utc')).toBe('1970-01-01 00:00:00.001')
    expect(formatTimestampNs('999999', 'utc')).toBe('1970-01-01 00:00:00.000')
  })

  it('leaves what a Date cannot hold as it came', () => {
    expect(formatEpochMs(9e15, 'utc')).toBe('9000000000000000')
    expect(formatEpochMs(1.5, 'utc')).toBe('1970-01-01 00:00:00.001')
  })
})
