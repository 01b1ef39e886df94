import { describe, expect, it } from 'vitest'
import { COLUMN_TYPES, type ColumnType, type ScalarType } from '../types'
import type { ColumnWriter } from './columnWriter'
import { LiveTable } from './liveTable'
import { oneColumn, values } from './testSupport'

const INT64_MAX = 2n ** 63n - 1n
const INT64_MIN = -(2n ** 63n)

/** The words appendInt64 takes for v. */
function words(v: bigint): [hi: number, lo: number] {
  const u = BigInt.asUintN(64, v)
  return [Number(BigInt.asIntN(32, u >> 32n)), Number(u & 0xffffffffn)]
}

describe('numeric round trips', () => {
  it('int16 and int32 keep their full range and read as numbers', () => {
    const i16 = [-32768, -1, 0, 1, 32767]
    expect(values(oneColumn('int16', i16.length, (w, r) => w.appendNumber(i16[r])))).toEqual(i16)
    const i32 = [-2147483648, -1, 0, 1, 2147483647]
    expect(values(oneColumn('int32', i32.length, (w, r) => w.appendNumber(i32[r])))).toEqual(i32)
  })

  it('int16 and int32 reject values they cannot hold with a RangeError', () => {
    const table = new LiveTable([{ name: 's', type: 'int16' }, { name: 'i', type: 'int32' }], { kind: 'append' })
    table.beginRow()
    expect(() => table.writers[0].appendNumber(32768)).toThrow(RangeError)
    expect(() => table.writers[0].appendNumber(1.5)).toThrow(RangeError)
    expect(() => table.writers[1].appendNumber(2 ** 31)).toThrow(RangeError)
    expect(() => table.writers[1].appendNumber(Number.NaN)).toThrow(RangeError)
    table.commitRow()
    table.flush()
    expect(table.rows()).toEqual([{ s: null, i: null }])
  })

  it('float32 rounds, float64 is exact, including NaN and infinities', () => {
    const f = [0, -0.5, 1.1, Number.MAX_VALUE, Number.NaN, -Infinity, 5e-324]
    expect(values(oneColumn('float64', f.length, (w, r) => w.appendNumber(f[r])))).toEqual(f)
    const f32 = values(oneColumn('float32', f.length, (w, r) => w.appendNumber(f[r])))
    expect(f32).toEqual([0, -0.5, Math.fround(1.1), Infinity, Number.NaN, -Infinity, 0])
  })

  it('bool from appendBool and from appendNumber (v !== 0)', () => {
    expect(values(oneColumn('bool', 2, (w, r) => w.appendBool(r === 0)))).toEqual([true, false])
    expect(values(oneColumn('bool', 3, (w, r) => w.appendNumber([0, 1, -2][r])))).toEqual([false, true, true])
  })
})

describe('int64', () => {
  const extremes = [INT64_MAX, INT64_MIN, INT64_MIN + 1n, -1n, 0n, 1n, 2n ** 32n, -(2n ** 32n), 2n ** 31n, -(2n ** 31n) - 1n, 0x1234567890abcdefn]

  it('round-trips the int64 extremes through appendBigInt', () => {
    expect(values(oneColumn('int64', extremes.length, (w, r) => w.appendBigInt(extremes[r])))).toEqual(extremes)
  })

  it('round-trips the int64 extremes through appendInt64, with hi signed or unsigned', () => {
    expect(values(oneColumn('int64', extremes.length, (w, r) => w.appendInt64(...words(extremes[r]))))).toEqual(extremes)
    const unsignedHi = (v: bigint): [number, number] => {
      const [hi, lo] = words(v)
      return [hi >>> 0, lo]
    }
    expect(values(oneColumn('int64', extremes.length, (w, r) => w.appendInt64(...unsignedHi(extremes[r]))))).toEqual(extremes)
  })

  it('appendNumber takes safe integers exactly', () => {
    const n = [0, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 32 + 5, -(2 ** 40) - 5, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1_700_000_000_123]
    expect(values(oneColumn('int64', n.length, (w, r) => w.appendNumber(n[r])))).toEqual(n.map(BigInt))
  })

  it('appendNumber rejects non-integers and unsafe integers with a RangeError', () => {
    const table = new LiveTable([{ name: 'v', type: 'int64' }], { kind: 'append' })
    table.beginRow()
    for (const bad of [0.5, 2 ** 53, -(2 ** 53), Number.NaN, Infinity]) expect(() => table.writers[0].appendNumber(bad)).toThrow(RangeError)
    expect(() => table.writers[0].appendBigInt(INT64_MAX + 1n)).toThrow(RangeError)
    expect(() => table.writers[0].appendBigInt(INT64_MIN - 1n)).toThrow(RangeError)
  })
})

describe('timestamp', () => {
  it('converts epoch ms to ns exactly', () => {
    const ms = [1_700_000_000_123, 0, 1, -1, -1_700_000_000_123, 4_102_444_800_000, 9_223_372_036_854, -9_223_372_036_854, 2 ** 32 - 1, -(2 ** 32)]
    expect(values(oneColumn('timestamp', ms.length, (w, r) => w.appendNumber(ms[r])))).toEqual(ms.map((m) => BigInt(m) * 1_000_000n))
    expect(values(oneColumn('timestamp', 1, (w) => w.appendNumber(1_700_000_000_123)))).toEqual([1_700_000_000_123_000_000n])
  })

  it('converts random ms across the whole range exactly', () => {
    const ms: number[] = []
    let seed = 12345
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) | 0) >>> 0) / 2 ** 32
    for (let k = 0; k < 5000; k++) ms.push(Math.floor((random() * 2 - 1) * 9_223_372_036_854 * random()))
    expect(values(oneColumn('timestamp', ms.length, (w, r) => w.appendNumber(ms[r])))).toEqual(ms.map((m) => BigInt(m) * 1_000_000n))
  })

  it('takes epoch ns through appendInt64 and appendBigInt', () => {
    const ns = [1_700_000_000_123_456_789n, -1n, INT64_MAX, INT64_MIN]
    expect(values(oneColumn('timestamp', ns.length, (w, r) => w.appendBigInt(ns[r])))).toEqual(ns)
    expect(values(oneColumn('timestamp', ns.length, (w, r) => w.appendInt64(...words(ns[r]))))).toEqual(ns)
  })

  it('rejects ms whose ns overflow int64, and fractional ms, with a RangeError', () => {
    const table = new LiveTable([{ name: 't', type: 'timestamp' }], { kind: 'append' })
    table.beginRow()
    for (const bad of [9_223_372_036_855, -9_223_372_036_855, 0.5, Number.NaN]) expect(() => table.writers[0].appendNumber(bad)).toThrow(RangeError)
  })
})

describe('nulls', () => {
  const write: Record<ScalarType, (w: ColumnWriter, r: number) => void> = {
    string: (w, r) => w.appendString(`s${r}`),
    int16: (w, r) => w.appendNumber(r),
    int32: (w, r) => w.appendNumber(r),
    int64: (w, r) => w.appendNumber(r),
    float32: (w, r) => w.appendNumber(r),
    float64: (w, r) => w.appendNumber(r),
    bool: (w, r) => w.appendBool(r % 3 === 0),
    bytes: (w, r) => w.appendUtf8(new Uint8Array([r]), 0, 1),
    timestamp: (w, r) => w.appendNumber(r),
    date: (w, r) => w.appendNumber(r - 1000),
    duration: (w, r) => w.appendNumber(r * 1e6),
    decimal: (w, r) => w.appendString(`${r}.${r % 10}0`)
  }

  it.each(COLUMN_TYPES)('%s: nulls read as null, and the values around them are intact', (type) => {
    const plain = oneColumn(type, 2000, (w, r) => write[type](w, r))
    const table = oneColumn(type, 2000, (w, r) => (r % 7 === 3 || r === 1999 ? w.appendNull() : write[type](w, r)))
    for (let r = 0; r < 2000; r++) {
      const isNull = r % 7 === 3 || r === 1999
      expect(table.isNull(0, r)).toBe(isNull)
      expect(table.getValue(0, r)).toEqual(isNull ? null : plain.getValue(0, r))
    }
  })

  it('never leaks a sentinel: a null int32 is not 0 or -2^31, and a null bool is not false', () => {
    const table = new LiveTable(
      [
        { name: 'i', type: 'int32' },
        { name: 'b', type: 'bool' },
        { name: 'f', type: 'float64' }
      ],
      { kind: 'append' }
    )
    table.beginRow()
    table.commitRow()
    table.beginRow()
    table.writers[0].appendNumber(0)
    table.writers[1].appendBool(false)
    table.writers[2].appendNumber(0)
    table.commitRow()
    table.flush()
    expect(table.rows()).toEqual([
      { i: null, b: null, f: null },
      { i: 0, b: false, f: 0 }
    ])
  })
})

describe('writer methods that do not fit the column type', () => {
  const cases: [ColumnType, keyof ColumnWriter, (w: ColumnWriter) => void][] = [
    ['int32', 'appendString', (w) => w.appendString('x')],
    ['int32', 'appendBigInt', (w) => w.appendBigInt(1n)],
    ['int32', 'appendBool', (w) => w.appendBool(true)],
    ['float64', 'appendInt64', (w) => w.appendInt64(0, 1)],
    ['bool', 'appendString', (w) => w.appendString('true')],
    ['string', 'appendNumber', (w) => w.appendNumber(1)],
    ['bytes', 'appendString', (w) => w.appendString('x')],
    ['timestamp', 'appendUtf8', (w) => w.appendUtf8(new Uint8Array(1), 0, 1)],
    ['int64', 'appendBool', (w) => w.appendBool(false)]
  ]

  it.each(cases)('%s.%s throws a TypeError naming the type and the method', (type, method, call) => {
    const table = new LiveTable([{ name: 'col', type }], { kind: 'append' })
    table.beginRow()
    expect(() => call(table.writers[0])).toThrow(TypeError)
    expect(() => call(table.writers[0])).toThrow(new RegExp(`${method}.*${type}`))
    table.commitRow() // nothing was written: the row is null
    table.flush()
    expect(table.rows()).toEqual([{ col: null }])
  })
})
