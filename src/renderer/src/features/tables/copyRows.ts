import type { ColumnDef } from '../../../../shared/model/columns'
import type { ViewportDataDto } from '../../../../shared/model/views'
import { cellText, type TimeZoneMode } from './formatCell'
import { LOADING, type GridModel } from './gridModel'
import type { RowRange } from './viewportRequester'

/** Rows [rows.first, rows.last), columns [cols.first, cols.last) as clipboard text fields, from the grid's model. */
export function fieldsFromModel(model: GridModel, rows: RowRange, cols: RowRange, zone: TimeZoneMode = 'local'): string[][] {
  const out: string[][] = []
  for (let r = rows.first; r < rows.last; r++) {
    const fields: string[] = []
    for (let c = cols.first; c < cols.last; c++) {
      const value = model.cell(r, c)
      fields.push(value === LOADING ? '' : cellText(value, model.columns[c].type, zone))
    }
    out.push(fields)
  }
  return out
}

/** The same from viewport pieces read for a copy (columns matched by name). */
export function fieldsFromPieces(pieces: readonly ViewportDataDto[], columns: readonly ColumnDef[], zone: TimeZoneMode = 'local'): string[][] {
  const out: string[][] = []
  for (const piece of pieces) {
    const byName = new Map(piece.columns.map((c) => [c.name, c.values]))
    const values = columns.map((c) => byName.get(c.name))
    for (let i = 0; i < piece.rowKeys.length; i++) {
      out.push(columns.map((c, j) => {
        const v = values[j]?.[i]
        return v === undefined ? '' : cellText(v, c.type, zone)
      }))
    }
  }
  return out
}
