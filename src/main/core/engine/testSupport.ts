import type { ColumnDef, ColumnType } from '../types'
import { LiveTable, type TableTypeSpec } from './liveTable'
import type { ColumnWriter } from './columnWriter'

/** One column of every type, in the order of ColumnType's cases (names: i16, i32, i64, f32, f64, b, s, raw, ts). */
export const ALL_TYPES: ColumnDef[] = [
  { name: 'i16', type: 'int16' },
  { name: 'i32', type: 'int32' },
  { name: 'i64', type: 'int64' },
  { name: 'f32', type: 'float32' },
  { name: 'f64', type: 'float64' },
  { name: 'b', type: 'bool' },
  { name: 's', type: 'string' },
  { name: 'raw', type: 'bytes' },
  { name: 'ts', type: 'timestamp' }
]

/** mulberry32: deterministic floats in [0, 1), so every run writes the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Appends `count` rows (not flushed): `write` writes row r's values with the table's writers (none: a row of nulls). */
export function addRows(table: LiveTable, count: number, write: (writers: readonly ColumnWriter[], row: number) => void): void {
  const writers = table.writers
  for (let r = 0; r < count; r++) {
    table.beginRow()
    write(writers, r)
    table.commitRow()
  }
}

/** A one-column append table; `write` is called once per row, then the table is flushed. */
export function oneColumn(type: ColumnType, rows: number, write: (w: ColumnWriter, row: number) => void): LiveTable {
  const table = new LiveTable([{ name: 'v', type }], { kind: 'append' })
  addRows(table, rows, (writers, r) => write(writers[0], r))
  table.flush()
  return table
}

/** All values of column 0. */
export function values(table: LiveTable, column = 0): unknown[] {
  const out: unknown[] = []
  for (let p = 0; p < table.size; p++) out.push(table.getValue(column, p))
  return out
}

/** A one-int32-column table of the given type whose rows hold their arrival index. */
export function counterTable(tableType: TableTypeSpec, columns: ColumnDef[] = [{ name: 'n', type: 'int32' }]): {
  table: LiveTable
  add: (count: number) => void
} {
  const table = new LiveTable(columns, tableType)
  let next = 0
  return {
    table,
    add(count) {
      addRows(table, count, (writers) => writers[0].appendNumber(next++))
    }
  }
}
