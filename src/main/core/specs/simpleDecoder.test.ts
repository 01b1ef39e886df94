import { describe, expect, it } from 'vitest'
import { LiveTable } from '../engine/liveTable'
import type { ColumnType } from '../types'
import { RecordDecodeError } from './recordDecodeError'
import { createSimpleDecoder } from './simpleDecoder'

function decodeAll(type: ColumnType, payloads: (Buffer | null)[]): unknown[] {
  const decoder = createSimpleDecoder('V', type)
  const table = new LiveTable([...decoder.columns], { kind: 'append' })
  for (const payload of payloads) {
    table.beginRow()
    decoder.decode(payload, 0, payload?.length ?? 0, table.writers, 0)
    table.commitRow()
  }
  table.flush()
  return table.rows().map((r) => r.V)
}

const be = (size: number, write: (b: Buffer) => void) => {
  const b = Buffer.alloc(size)
  write(b)
  return b
}

describe('simple decoders read what the Java serializers write', () => {
  it('int16, int32, int64 big-endian', () => {
    expect(decodeAll('int16', [be(2, (b) => b.writeInt16BE(-32768)), be(2, (b) => b.writeInt16BE(32767)), null])).toEqual([-32768, 32767, null])
    expect(decodeAll('int32', [be(4, (b) => b.writeInt32BE(-2147483648)), be(4, (b) => b.writeInt32BE(7))])).toEqual([-2147483648, 7])
    expect(decodeAll('int64', [be(8, (b) => b.writeBigInt64BE(9223372036854775807n)), be(8, (b) => b.writeBigInt64BE(-9223372036854775808n)), be(8, (b) => b.writeBigInt64BE(-1n))])).toEqual([
      9223372036854775807n,
      -9223372036854775808n,
      -1n
    ])
  })

  it('date (int32 days), duration (int64 ns) big-endian and decimal text; no list or map types', () => {
    expect(decodeAll('date', [be(4, (b) => b.writeInt32BE(19_782))])).toEqual([19_782])
    expect(decodeAll('duration', [be(8, (b) => b.writeBigInt64BE(-5n))])).toEqual([-5n])
    expect(decodeAll('decimal', [Buffer.from('12345678901234567890.12')])).toEqual(['12345678901234567890.12'])
    expect(() => decodeAll('decimal', [Buffer.from('1e3')])).toThrow(RecordDecodeError)
    expect(() => createSimpleDecoder('V', 'list<int32>')).toThrow(TypeError)
  })

  it('float32 and float64 IEEE-754 big-endian', () => {
    expect(decodeAll('float32', [be(4, (b) => b.writeFloatBE(-2.25))])).toEqual([-2.25])
    expect(decodeAll('float64', [be(8, (b) => b.writeDoubleBE(Number.MAX_VALUE)), be(8, (b) => b.writeDoubleBE(Number.NaN))])).toEqual([Number.MAX_VALUE, Number.NaN])
  })

  it('decodes a range inside a larger buffer', () => {
    const decoder = createSimpleDecoder('V', 'int32')
    const table = new LiveTable([...decoder.columns], { kind: 'append' })
    const buf = Buffer.from([9, 9, 0, 0, 1, 0, 9])
    table.beginRow()
    decoder.decode(buf, 2, 6, table.writers, 0)
    table.commitRow()
    table.flush()
    expect(table.rows()).toEqual([{ V: 256 }])
  })

  it('UTF-8 strings, raw bytes, booleans and epoch-millisecond timestamps', () => {
    expect(decodeAll('string', [Buffer.from('grüße 🚀'), Buffer.alloc(0)])).toEqual(['grüße 🚀', ''])
    expect(decodeAll('bytes', [Buffer.from([0, 255, 1])])).toEqual([new Uint8Array([0, 255, 1])])
    expect(decodeAll('bool', [Buffer.from([1]), Buffer.from([0])])).toEqual([true, false])
    expect(decodeAll('timestamp', [be(8, (b) => b.writeBigInt64BE(1_700_000_000_123n))])).toEqual([1_700_000_000_123_000_000n])
  })

  it('rejects payloads of the wrong size, naming the column', () => {
    const decoder = createSimpleDecoder('Price', 'float64')
    const table = new LiveTable([...decoder.columns], { kind: 'append' })
    table.beginRow()
    expect(() => decoder.decode(Buffer.alloc(3), 0, 3, table.writers, 0)).toThrow(new RecordDecodeError('expected 8 bytes for float64, got 3', 'Price'))
    expect(() => createSimpleDecoder('B', 'bool').decode(Buffer.from([2]), 0, 1, table.writers, 0)).toThrow(/0x02/)
  })
})
