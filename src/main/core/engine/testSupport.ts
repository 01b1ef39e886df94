import type { ColumnDef, ColumnType } from '../types'
import { LiveTable, type TableTypeSpec } from './liveTable'
import type { ColumnWriter } from './columnWriter'

/** A one-column append table; `write` is called once per row, then the table is flushed. */
export function oneColumn(type: ColumnType, rows: number, write: (w: ColumnWriter, row: number) => void): LiveTable {
  const table = new LiveTable([{ name: 'v', type }], { kind: 'append' })
  for (let r = 0; r < rows; r++) {
    table.beginRow()
    write(table.writers[0], r)
    table.commitRow()
  }
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
      for (let k = 0; k < count; k++) {
        table.beginRow()
        table.writers[0].appendNumber(next++)
        table.commitRow()
      }
    }
  }
}
