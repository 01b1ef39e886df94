import { describe, expect, it, vi } from 'vitest'
import type { TableUpdate } from '../types'
import { CHUNK_SIZE } from './chunkLayout'
import { LiveTable } from './liveTable'
import { ALL_TYPES, addRows, counterTable, values } from './testSupport'

const update = (cycle: number, removed: number, added: number, size: number, firstRowKey: number): TableUpdate => ({ cycle, removed, added, size, firstRowKey })

describe('append tables', () => {
  it('show every flushed row; rows are invisible until flush', () => {
    const { table, add } = counterTable({ kind: 'append' })
    expect(table.flush()).toBeNull()
    add(3)
    expect(table.size).toBe(0)
    expect(table.pendingRows).toBe(3)
    expect(table.rows()).toEqual([])
    expect(table.flush()).toEqual(update(1, 0, 3, 3, 0))
    expect(table.pendingRows).toBe(0)
    add(2)
    expect(table.size).toBe(3)
    expect(table.flush()).toEqual(update(2, 0, 2, 5, 0))
    expect(table.flush()).toBeNull()
    expect(table.cycle).toBe(2)
    expect(values(table)).toEqual([0, 1, 2, 3, 4])
  })

  it('keep an open row invisible across a flush', () => {
    const { table, add } = counterTable({ kind: 'append' })
    add(1)
    table.beginRow()
    table.writers[0].appendNumber(99)
    expect(table.flush()).toEqual(update(1, 0, 1, 1, 0))
    expect(table.flush()).toBeNull()
    table.commitRow()
    expect(table.flush()).toEqual(update(2, 0, 1, 2, 0))
    expect(values(table)).toEqual([0, 99])
  })

  it('cross the 65,536-row chunk boundary in every column type', () => {
    const table = new LiveTable(ALL_TYPES, { kind: 'append' })
    const n = CHUNK_SIZE * 2 + 10
    addRows(table, n, (w, r) => {
      if (r % 1000 === 999) return // a row of nulls
      w[0].appendNumber(r & 0x3fff)
      w[1].appendNumber(r)
      w[2].appendNumber(r * 1_000_000)
      w[3].appendNumber(r)
      w[4].appendNumber(r + 0.5)
      w[5].appendBool(r % 2 === 1)
      w[6].appendString(`s${r % 100}`)
      w[7].appendUtf8(new Uint8Array([r & 0xff, r >> 8]), 0, 2)
      w[8].appendNumber(r)
    })
    expect(table.flush()).toEqual(update(1, 0, n, n, 0))
    for (const r of [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE - 1, 2 * CHUNK_SIZE, n - 1, 65_999]) {
      const expected = r % 1000 === 999 ? { i16: null, i32: null, i64: null, f32: null, f64: null, b: null, s: null, raw: null, ts: null } : {
        i16: r & 0x3fff,
        i32: r,
        i64: BigInt(r) * 1_000_000n,
        f32: r,
        f64: r + 0.5,
        b: r % 2 === 1,
        s: `s${r % 100}`,
        raw: new Uint8Array([r & 0xff, r >> 8]),
        ts: BigInt(r) * 1_000_000n
      }
      expect(table.rows(r, r + 1)).toEqual([expected])
    }
  })
})

describe('blink tables', () => {
  it('show only the latest cycle; an empty cycle removes it, a second empty one emits nothing', () => {
    const { table, add } = counterTable({ kind: 'blink' })
    expect(table.flush()).toBeNull()
    add(3)
    expect(table.flush()).toEqual(update(1, 0, 3, 3, 0))
    expect(values(table)).toEqual([0, 1, 2])
    add(2)
    expect(table.flush()).toEqual(update(2, 3, 2, 2, 3))
    expect(values(table)).toEqual([3, 4])
    expect(table.flush()).toEqual(update(3, 2, 0, 0, 5))
    expect(table.size).toBe(0)
    expect(table.flush()).toBeNull()
    add(1)
    expect(table.flush()).toEqual(update(4, 0, 1, 1, 5))
    expect(values(table)).toEqual([5])
    expect(table.cycle).toBe(4)
  })

  it('hold only the latest cycle in memory', () => {
    const { table, add } = counterTable({ kind: 'blink' })
    for (let k = 0; k < 20; k++) {
      add(50_000)
      table.flush()
    }
    expect(values(table).slice(0, 2)).toEqual([950_000, 950_001])
    expect(table.memoryBytes()).toBeLessThanOrEqual(2 * CHUNK_SIZE * 4)
  })
})

describe('ring tables', () => {
  it('keep the newest N rows in arrival order, removing from the front', () => {
    const { table, add } = counterTable({ kind: 'ring', capacity: 5 })
    add(3)
    expect(table.flush()).toEqual(update(1, 0, 3, 3, 0))
    add(4)
    expect(table.flush()).toEqual(update(2, 2, 4, 5, 2))
    expect(values(table)).toEqual([2, 3, 4, 5, 6])
    expect(table.flush()).toBeNull()
    add(1)
    expect(table.flush()).toEqual(update(3, 1, 1, 5, 3))
    expect(values(table)).toEqual([3, 4, 5, 6, 7])
  })

  it('show only the last N rows of a cycle larger than N', () => {
    const { table, add } = counterTable({ kind: 'ring', capacity: 5 })
    add(2)
    table.flush()
    add(12)
    expect(table.flush()).toEqual(update(2, 2, 5, 5, 9))
    expect(values(table)).toEqual([9, 10, 11, 12, 13])
  })

  it('release chunks before the window: ring(1000) fed 1,000,000 rows stays small', () => {
    const { table, add } = counterTable({ kind: 'ring', capacity: 1000 }, [
      { name: 'n', type: 'int32' },
      { name: 's', type: 'string' }
    ])
    for (let k = 0; k < 100; k++) {
      add(10_000)
      table.flush()
    }
    expect(table.size).toBe(1000)
    expect(table.firstRowKey).toBe(999_000)
    expect(values(table)[999]).toBe(999_999)
    // At most two chunks per column: 2 × 64 Ki × (4 bytes int32 + 2 bytes codes), and null bitmaps.
    expect(table.memoryBytes()).toBeLessThanOrEqual(2 * CHUNK_SIZE * (4 + 2 + 1 / 4))
  })

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new LiveTable([], { kind: 'ring', capacity: 0 })).toThrow(RangeError)
    expect(() => new LiveTable([], { kind: 'ring', capacity: 1.5 })).toThrow(RangeError)
  })
})

describe('rows', () => {
  it('commitRow fills unwritten columns with null', () => {
    const table = new LiveTable(
      [
        { name: 'a', type: 'int32' },
        { name: 'b', type: 'string' },
        { name: 'c', type: 'int64' }
      ],
      { kind: 'append' }
    )
    table.beginRow()
    table.writers[1].appendString('only b')
    table.commitRow()
    table.beginRow()
    table.commitRow()
    table.flush()
    expect(table.rows()).toEqual([
      { a: null, b: 'only b', c: null },
      { a: null, b: null, c: null }
    ])
  })

  it('abortRow rolls every column back, so columns stay aligned', () => {
    const table = new LiveTable(
      [
        { name: 'a', type: 'int32' },
        { name: 's', type: 'string' },
        { name: 'raw', type: 'bytes' },
        { name: 't', type: 'timestamp' }
      ],
      { kind: 'append' }
    )
    const [a, s, raw, t] = table.writers
    table.beginRow()
    a.appendNumber(1)
    s.appendString('one')
    raw.appendUtf8(new Uint8Array([1]), 0, 1)
    t.appendNumber(1000)
    table.commitRow()
    // A record failing part-way: two columns written (one with a null), then aborted.
    table.beginRow()
    a.appendNull()
    s.appendString('never-visible')
    raw.appendUtf8(new Uint8Array([7, 7, 7]), 0, 3)
    table.abortRow()
    table.abortRow() // harmless without an open row
    table.beginRow()
    a.appendNumber(2)
    raw.appendUtf8(new Uint8Array([2, 2]), 0, 2)
    table.commitRow()
    table.flush()
    expect(table.rows()).toEqual([
      { a: 1, s: 'one', raw: new Uint8Array([1]), t: 1_000_000_000n },
      { a: 2, s: null, raw: new Uint8Array([2, 2]), t: null }
    ])
  })

  it('abortRow restores a string chunk that switched to raw during the aborted row', () => {
    const table = new LiveTable(
      [
        { name: 'n', type: 'int32' },
        { name: 's', type: 'string' }
      ],
      { kind: 'append' }
    )
    for (let r = 0; r < 4096; r++) {
      table.beginRow()
      table.writers[0].appendNumber(r)
      table.writers[1].appendString(`v${r}`)
      table.commitRow()
    }
    table.beginRow()
    table.writers[1].appendString('the value that switches the chunk to raw')
    table.writers[0].appendNumber(-1)
    table.abortRow()
    table.beginRow()
    table.writers[1].appendString('after')
    table.commitRow()
    table.flush()
    expect(table.size).toBe(4097)
    expect(table.rows(4095)).toEqual([
      { n: 4095, s: 'v4095' },
      { n: null, s: 'after' }
    ])
    expect(table.getValue(1, 0)).toBe('v0')
  })

  it('a column written twice in one row fails the row and leaves the table consistent', () => {
    const { table, add } = counterTable({ kind: 'append' })
    add(1)
    table.beginRow()
    table.writers[0].appendNumber(5)
    table.writers[0].appendNumber(6)
    expect(() => table.commitRow()).toThrow(/got 2 values/)
    add(1)
    table.flush()
    expect(values(table)).toEqual([0, 1])
  })

  it('rolling back at the chunk boundary, including a column that already started the next chunk', () => {
    const table = new LiveTable(
      [
        { name: 'n', type: 'int32' },
        { name: 's', type: 'string' },
        { name: 'i', type: 'int64' }
      ],
      { kind: 'append' }
    )
    const [n, s, i] = table.writers
    const row = (r: number) => {
      table.beginRow()
      n.appendNumber(r)
      s.appendString(`v${r % 10}`)
      i.appendBigInt(BigInt(r))
      table.commitRow()
    }
    for (let r = 0; r < CHUNK_SIZE - 1; r++) row(r)
    // Row 65,535 writes n twice: the second value starts chunk 1, and the failed commit rolls it back.
    table.beginRow()
    n.appendNumber(-1)
    n.appendNumber(-2)
    s.appendString('x')
    expect(() => table.commitRow()).toThrow(Error)
    row(CHUNK_SIZE - 1)
    // Row 65,536 is the first of chunk 1 and is aborted after each column started that chunk.
    table.beginRow()
    n.appendNumber(-3)
    s.appendString('aborted')
    i.appendNumber(-3)
    table.abortRow()
    row(CHUNK_SIZE)
    row(CHUNK_SIZE + 1)
    table.flush()
    expect(table.size).toBe(CHUNK_SIZE + 2)
    expect(table.rows(CHUNK_SIZE - 2)).toEqual([CHUNK_SIZE - 2, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1].map((r) => ({ n: r, s: `v${r % 10}`, i: BigInt(r) })))
  })

  it('beginRow twice and commitRow without a row are programming errors', () => {
    const { table } = counterTable({ kind: 'append' })
    expect(() => table.commitRow()).toThrow(Error)
    table.beginRow()
    expect(() => table.beginRow()).toThrow(Error)
  })

  it('rows() clamps positions to [0, size] and names columns', () => {
    const { table, add } = counterTable({ kind: 'ring', capacity: 4 })
    add(6)
    table.flush()
    expect(table.rows()).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }])
    expect(table.rows(-5, 2)).toEqual([{ n: 2 }, { n: 3 }])
    expect(table.rows(3, 100)).toEqual([{ n: 5 }])
    expect(table.rows(3, 1)).toEqual([])
    expect(table.rows(4)).toEqual([])
    expect(table.rows(Number.NaN, 1.5)).toEqual([{ n: 2 }])
  })

  it('getValue and isNull check the column and position', () => {
    const { table, add } = counterTable({ kind: 'append' })
    add(2)
    expect(() => table.getValue(0, 0)).toThrow(RangeError) // not flushed yet
    table.flush()
    expect(table.getValue(0, 1)).toBe(1)
    expect(table.isNull(0, 1)).toBe(false)
    expect(() => table.getValue(0, 2)).toThrow(RangeError)
    expect(() => table.getValue(1, 0)).toThrow(RangeError)
    expect(() => table.isNull(0, -1)).toThrow(RangeError)
  })

  it('a column named __proto__ is an ordinary key', () => {
    const table = new LiveTable([{ name: '__proto__', type: 'int32' }], { kind: 'append' })
    table.beginRow()
    table.writers[0].appendNumber(1)
    table.commitRow()
    table.flush()
    const [row] = table.rows()
    expect(Object.keys(row)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype)
  })

  it('rejects duplicate column names and unknown types', () => {
    expect(() => new LiveTable([{ name: 'a', type: 'int32' }, { name: 'a', type: 'string' }], { kind: 'append' })).toThrow(TypeError)
    expect(() => new LiveTable([{ name: 'a', type: 'int128' as 'int32' }], { kind: 'append' })).toThrow(TypeError)
  })
})

describe('listeners', () => {
  it('get each update until they unsubscribe; an empty flush notifies nobody', () => {
    const { table, add } = counterTable({ kind: 'append' })
    const first = vi.fn()
    const second = vi.fn()
    const unsubscribe = table.onUpdate(first)
    table.onUpdate(second)
    expect(table.flush()).toBeNull()
    add(1)
    const u1 = table.flush()
    expect(first).toHaveBeenCalledExactlyOnceWith(u1)
    expect(second).toHaveBeenCalledExactlyOnceWith(update(1, 0, 1, 1, 0))
    unsubscribe()
    unsubscribe()
    add(1)
    table.flush()
    expect(first).toHaveBeenCalledTimes(1)
    expect(second).toHaveBeenCalledTimes(2)
  })

  it('all listeners run even if one throws; the error surfaces afterwards', () => {
    const { table, add } = counterTable({ kind: 'append' })
    const after = vi.fn()
    table.onUpdate(() => {
      throw new Error('listener failed')
    })
    table.onUpdate(after)
    add(1)
    expect(() => table.flush()).toThrow('listener failed')
    expect(after).toHaveBeenCalledOnce()
    expect(table.size).toBe(1)
  })

  it('a listener can unsubscribe itself and read the table', () => {
    const { table, add } = counterTable({ kind: 'ring', capacity: 2 })
    const seen: unknown[] = []
    const unsubscribe = table.onUpdate(() => {
      seen.push(values(table))
      unsubscribe()
    })
    add(3)
    table.flush()
    add(1)
    table.flush()
    expect(seen).toEqual([[1, 2]])
  })
})
