import { describe, expect, it } from 'vitest'
import { CHUNK_SIZE } from './chunkLayout'
import { LiveTable } from './liveTable'
import { ALL_TYPES } from './testSupport'

describe('LiveTable.columnReader', () => {
  it('exposes each chunk’s arrays by kind, with the null bitmap', () => {
    const table = new LiveTable(ALL_TYPES, { kind: 'append' })
    const w = table.writers
    table.beginRow()
    w[0].appendNumber(-2)
    w[1].appendNumber(7)
    w[2].appendBigInt(-(2n ** 40n) - 3n)
    w[3].appendNumber(0.5)
    w[4].appendNumber(-1.25)
    w[5].appendBool(true)
    w[6].appendString('x')
    w[7].appendUtf8(Uint8Array.from([1, 2]), 0, 2)
    w[8].appendNumber(1)
    table.commitRow()
    table.beginRow() // all null
    table.commitRow()
    table.flush()

    const chunk = (j: number) => table.columnReader(j).chunkData(0)
    expect(table.columnReader(2).type).toBe('int64')
    const i16 = chunk(0)
    expect(i16?.kind).toBe('int16')
    if (i16?.kind === 'int16') expect(i16.values[0]).toBe(-2)
    const i64 = chunk(2)
    if (i64?.kind !== 'int64') throw new Error('expected int64')
    const value = (BigInt(i64.words[1]) << 32n) + BigInt(i64.words[0] >>> 0)
    expect(value).toBe(-(2n ** 40n) - 3n)
    const ts = chunk(8)
    if (ts?.kind !== 'int64') throw new Error('expected int64 words for timestamp')
    expect(ts.words[0]).toBe(1_000_000)
    expect(chunk(3)?.kind).toBe('float32')
    expect(chunk(4)?.kind).toBe('float64')
    expect(chunk(5)?.kind).toBe('bool')
    const s = chunk(6)
    if (s?.kind !== 'dictionary') throw new Error('expected a dictionary chunk')
    expect(s.dictionary[s.codes[0]]).toBe('x')
    const raw = chunk(7)
    if (raw?.kind !== 'raw') throw new Error('expected a raw chunk')
    expect(Array.from(raw.bytes.subarray(raw.offsets[0], raw.offsets[1]))).toEqual([1, 2])
    for (let j = 0; j < 9; j++) {
      const nulls = chunk(j)?.nulls
      expect(nulls).not.toBeNull()
      expect(((nulls as Uint8Array)[0] & 0b11) === 0b10).toBe(true)
    }
    expect(table.columnReader(0).chunkData(1)).toBeNull()
    expect(() => table.columnReader(9)).toThrow(RangeError)
  })

  it('shows a string chunk as raw once it left its dictionary, and null for released chunks', () => {
    const table = new LiveTable([{ name: 's', type: 'string' }], { kind: 'ring', capacity: 10 })
    for (let r = 0; r < CHUNK_SIZE + 20; r++) {
      table.beginRow()
      table.writers[0].appendString(`v${r}`)
      table.commitRow()
    }
    table.flush()
    const reader = table.columnReader(0)
    expect(reader.chunkData(0)).toBeNull() // released: the window is in chunk 1
    const current = reader.chunkData(1)
    expect(current?.kind).toBe('dictionary')
    const t2 = new LiveTable([{ name: 's', type: 'string' }], { kind: 'append' })
    for (let r = 0; r < 5000; r++) {
      t2.beginRow()
      t2.writers[0].appendString(`v${r}`)
      t2.commitRow()
    }
    t2.flush()
    const data = t2.columnReader(0).chunkData(0)
    if (data?.kind !== 'raw') throw new Error('expected a raw chunk')
    expect(Buffer.from(data.bytes.subarray(data.offsets[4999], data.offsets[5000])).toString()).toBe('v4999')
  })
})
