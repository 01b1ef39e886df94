import { describe, expect, it } from 'vitest'
import { LiveTable } from './liveTable'
import { DICTIONARY_MAX_DISTINCT, StringColumn } from './stringColumn'
import { oneColumn, values } from './testSupport'

const utf8 = (s: string) => Buffer.from(s, 'utf8')

describe('string columns', () => {
  it('repeated values stay dictionary-encoded: 2 bytes per row plus the dictionary', () => {
    const symbols = ['AAPL', 'MSFT', 'GOOG', '']
    const table = oneColumn('string', 60_000, (w, r) => w.appendString(symbols[r % 4]))
    expect(values(table)).toEqual(Array.from({ length: 60_000 }, (_, r) => symbols[r % 4]))
    expect((table.writers[0] as StringColumn).encodingAt(59_999)).toBe('dictionary')
    expect(table.memoryBytes()).toBeLessThan(65_536 * 2 + 10_000) // codes grow by doubling
  })

  it('empty strings and non-ASCII text, through appendString and appendUtf8', () => {
    const texts = ['', 'grüße', '日本語', '🚀 emoji', 'a\u0000b', 'x'.repeat(200), 'é'.repeat(100), '']
    expect(values(oneColumn('string', texts.length, (w, r) => w.appendString(texts[r])))).toEqual(texts)
    const record = Buffer.concat(texts.map(utf8))
    const ends: number[] = []
    texts.reduce((at, t) => (ends.push(at + utf8(t).length), at + utf8(t).length), 0)
    const table = oneColumn('string', texts.length, (w, r) => w.appendUtf8(record, r === 0 ? 0 : ends[r - 1], ends[r]))
    expect(values(table)).toEqual(texts)
  })

  it('appendString and appendUtf8 share one dictionary', () => {
    const table = oneColumn('string', 6, (w, r) => (r % 2 === 0 ? w.appendString(`v${r % 3}`) : w.appendUtf8(utf8(`v${r % 3}`), 0, 2)))
    expect(values(table)).toEqual(['v0', 'v1', 'v2', 'v0', 'v1', 'v2'])
  })

  it('appendUtf8 reads a slice of a larger buffer, also from a plain Uint8Array', () => {
    const bytes = new Uint8Array(utf8('--hello--world--'))
    const table = oneColumn('string', 4, (w, r) => (r % 2 === 0 ? w.appendUtf8(bytes, 2, 7) : w.appendUtf8(bytes.subarray(9), 0, 5)))
    expect(values(table)).toEqual(['hello', 'world', 'hello', 'world'])
  })

  it('invalid UTF-8 reads back as U+FFFD, the same before and after the raw switch', () => {
    const bad = new Uint8Array([0x61, 0xff, 0x62])
    const table = oneColumn('string', 20_000, (w, r) => (r % 1000 === 0 ? w.appendUtf8(bad, 0, 3) : w.appendString(`u${r}`)))
    expect(table.getValue(0, 0)).toBe('a\ufffdb')
    expect(table.getValue(0, 19_000)).toBe('a\ufffdb')
  })

  it('switches a chunk to raw storage when it has many distinct values; values before and after read back', () => {
    const value = (r: number) => (r % 3 !== 0 ? `distinct-${r}-ü` : `rep${r % 5}`)
    const count = 40_000
    const table = oneColumn('string', count, (w, r) => (r % 11 === 7 ? w.appendNull() : r % 2 ? w.appendString(value(r)) : w.appendUtf8(utf8(value(r)), 0, utf8(value(r)).length)))
    const expected = Array.from({ length: count }, (_, r) => (r % 11 === 7 ? null : value(r)))
    expect(values(table)).toEqual(expected)
    expect((table.writers[0] as StringColumn).encodingAt(0)).toBe('raw')
  })

  it('the switch happens only past DICTIONARY_MAX_DISTINCT distinct values and half the rows so far', () => {
    // Every value distinct: the chunk converts right after DICTIONARY_MAX_DISTINCT rows and keeps going raw.
    const n = DICTIONARY_MAX_DISTINCT * 3
    const column = (table: LiveTable) => table.writers[0] as StringColumn
    const before = oneColumn('string', DICTIONARY_MAX_DISTINCT, (w, r) => w.appendString(`k${r}`))
    expect(column(before).encodingAt(0)).toBe('dictionary')
    const table = oneColumn('string', n, (w, r) => w.appendString(`k${r}`))
    expect(column(table).encodingAt(0)).toBe('raw')
    expect(values(table)).toEqual(Array.from({ length: n }, (_, r) => `k${r}`))
    // 3,000 distinct values in 65,536 rows stay a dictionary (2 bytes per row).
    const dict = oneColumn('string', 65_536, (w, r) => w.appendString(`k${r % 3000}`))
    expect(column(dict).encodingAt(0)).toBe('dictionary')
    expect(dict.memoryBytes()).toBeLessThan(65_536 * 2 + 3000 * 100)
    expect(dict.getValue(0, 65_535)).toBe(`k${65_535 % 3000}`)
  })

  it('later chunks start dictionary-encoded again', () => {
    const n = 65_536 + 20_000
    const table = oneColumn('string', n, (w, r) => w.appendString(r < 65_536 ? `k${r}` : `s${r % 10}`))
    expect((table.writers[0] as StringColumn).encodingAt(0)).toBe('raw')
    expect((table.writers[0] as StringColumn).encodingAt(65_536)).toBe('dictionary')
    expect(table.getValue(0, 65_535)).toBe('k65535')
    expect(table.getValue(0, 65_536)).toBe('s6')
    expect(table.getValue(0, n - 1)).toBe(`s${(n - 1) % 10}`)
  })

  it('appendUtf8 rejects a range outside the buffer', () => {
    const table = new LiveTable([{ name: 's', type: 'string' }], { kind: 'append' })
    table.beginRow()
    expect(() => table.writers[0].appendUtf8(new Uint8Array(3), 2, 4)).toThrow(RangeError)
    expect(() => table.writers[0].appendUtf8(new Uint8Array(3), 2, 1)).toThrow(RangeError)
  })
})

describe('bytes columns', () => {
  it('copies the bytes and reads back a Uint8Array copy', () => {
    const source = new Uint8Array([0, 255, 1, 2, 3, 128])
    const table = oneColumn('bytes', 4, (w, r) => [() => w.appendUtf8(source, 0, 3), () => w.appendUtf8(source, 3, 3), () => w.appendNull(), () => w.appendUtf8(source, 1, 6)][r]())
    source.fill(9) // the table holds a copy
    expect(values(table)).toEqual([new Uint8Array([0, 255, 1]), new Uint8Array(0), null, new Uint8Array([255, 1, 2, 3, 128])])
    const read = table.getValue(0, 0) as Uint8Array
    read[0] = 42
    expect(table.getValue(0, 0)).toEqual(new Uint8Array([0, 255, 1]))
    expect(read.constructor).toBe(Uint8Array)
  })

  it('holds large values across many rows', () => {
    const big = new Uint8Array(10_000).map((_, k) => k & 0xff)
    const table = oneColumn('bytes', 300, (w, r) => w.appendUtf8(big, r, 10_000 - r))
    for (const r of [0, 150, 299]) expect(table.getValue(0, r)).toEqual(big.slice(r, 10_000 - r))
  })
})
