import { describe, expect, it } from 'vitest'
import { CHUNK_SIZE } from './chunkLayout'
import { LiveTable } from './liveTable'
import { addRows, oneColumn, values } from './testSupport'

function writeList(w: import('./columnWriter').ColumnWriter, items: readonly number[] | null): void {
  if (items === null) return w.appendNull()
  for (const v of items) w.child(0).appendNumber(v)
  w.appendList()
}

describe('list<T>', () => {
  it('reads back each row’s elements, empty lists and nulls', () => {
    const rows = [[1, 2, 3], [], null, [7]]
    const table = oneColumn('list<int32>', rows.length, (w, r) => writeList(w, rows[r]))
    expect(values(table)).toEqual([[1, 2, 3], [], null, [7]])
    expect(table.isNull(0, 2)).toBe(true)
  })

  it('holds elements of any scalar type (int64 as bigint, strings, decimals)', () => {
    const table = new LiveTable(
      [
        { name: 'a', type: 'list<int64>' },
        { name: 'b', type: 'list<string>' },
        { name: 'c', type: 'list<decimal>' }
      ],
      { kind: 'append' }
    )
    addRows(table, 1, (w) => {
      w[0].child(0).appendBigInt(2n ** 62n)
      w[0].child(0).appendNull()
      w[0].appendList()
      w[1].child(0).appendString('x')
      w[1].appendList()
      w[2].child(0).appendString('12345678901234567890.12')
      w[2].appendList()
    })
    table.flush()
    expect(table.rows()).toEqual([{ a: [2n ** 62n, null], b: ['x'], c: ['12345678901234567890.12'] }])
  })

  it('crosses chunk boundaries of rows and of elements', () => {
    const n = CHUNK_SIZE + 10
    const table = oneColumn('list<int32>', n, (w, r) => writeList(w, r % 5 === 4 ? null : [r, r + 1]))
    for (const r of [0, CHUNK_SIZE - 1, CHUNK_SIZE, n - 1]) expect(table.getValue(0, r)).toEqual(r % 5 === 4 ? null : [r, r + 1])
    const data = table.columnReader(0).chunkData(1)
    expect(data?.kind).toBe('list')
    if (data?.kind !== 'list') return
    const first = data.base + data.offsets[0]
    expect(data.items.chunkData(Math.floor(first / CHUNK_SIZE))).not.toBeNull()
  })

  it('a column not written in a row gets null, and elements of an aborted row are dropped', () => {
    const table = new LiveTable(
      [
        { name: 'l', type: 'list<int32>' },
        { name: 'n', type: 'int32' }
      ],
      { kind: 'append' }
    )
    table.beginRow()
    table.writers[0].child(0).appendNumber(9)
    table.abortRow()
    table.beginRow()
    table.writers[0].child(0).appendNumber(8) // never closed by appendList: discarded by the null commitRow writes
    table.writers[1].appendNumber(1)
    table.commitRow()
    addRows(table, 1, (w) => writeList(w[0], [5]))
    table.flush()
    expect(table.rows()).toEqual([
      { l: null, n: 1 },
      { l: [5], n: null }
    ])
  })

  it('releases element chunks with the rows of a ring table', () => {
    const table = new LiveTable([{ name: 'l', type: 'list<float64>' }], { kind: 'ring', capacity: 10 })
    for (let cycle = 0; cycle < 5; cycle++) {
      addRows(table, CHUNK_SIZE, (w, r) => writeList(w[0], [r, r, r]))
      table.flush()
    }
    expect(table.size).toBe(10)
    expect(table.getValue(0, 9)).toEqual([CHUNK_SIZE - 1, CHUNK_SIZE - 1, CHUNK_SIZE - 1])
    // one row chunk (offsets) plus at most 4 element chunks of float64 (3 elements per row)
    expect(table.memoryBytes()).toBeLessThan(4 * (CHUNK_SIZE * 4) + 4 * CHUNK_SIZE * 8 + 1024)
  })

  it('blink tables keep only the latest cycle’s elements', () => {
    const table = new LiveTable([{ name: 'l', type: 'list<string>' }], { kind: 'blink' })
    addRows(table, 3, (w, r) => {
      w[0].child(0).appendString(`a${r}`)
      w[0].appendList()
    })
    table.flush()
    addRows(table, 1, (w) => {
      w[0].child(0).appendString('b')
      w[0].appendList()
    })
    table.flush()
    expect(values(table)).toEqual([['b']])
  })

  it('rejects scalar writes, and child writes on scalar columns, with a TypeError', () => {
    const table = new LiveTable(
      [
        { name: 'l', type: 'list<int32>' },
        { name: 'n', type: 'int32' }
      ],
      { kind: 'append' }
    )
    table.beginRow()
    expect(() => table.writers[0].appendNumber(1)).toThrow(TypeError)
    expect(() => table.writers[0].child(1)).toThrow(TypeError)
    expect(() => table.writers[1].child(0)).toThrow(TypeError)
    expect(() => table.writers[1].appendList()).toThrow(TypeError)
  })
})

describe('map<string,T>', () => {
  it('reads back each row as an object, with nulls and empty maps', () => {
    const rows: (Record<string, number | null> | null)[] = [{ a: 1, b: null }, {}, null, { __proto__: 3 } as never]
    const table = oneColumn('map<string,int32>', rows.length, (w, r) => {
      const row = rows[r]
      if (row === null) return w.appendNull()
      for (const [k, v] of Object.entries(row)) {
        w.child(0).appendString(k)
        if (v === null) w.child(1).appendNull()
        else w.child(1).appendNumber(v)
      }
      w.appendList()
    })
    expect(values(table).slice(0, 3)).toEqual([{ a: 1, b: null }, {}, null])
  })

  it('throws when keys and values are out of step', () => {
    const table = new LiveTable([{ name: 'm', type: 'map<string,string>' }], { kind: 'append' })
    table.beginRow()
    table.writers[0].child(0).appendString('k')
    expect(() => table.writers[0].appendList()).toThrow(/out of step/)
  })
})
