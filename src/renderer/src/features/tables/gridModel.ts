import type { ColumnDef } from '../../../../shared/model/columns'
import type { ViewportDataDto } from '../../../../shared/model/views'
import type { CellValue } from './cellValue'

/** What cell() returns for a row the engine has not sent (yet). */
export const LOADING: unique symbol = Symbol('loading')
export type GridCell = CellValue | typeof LOADING

/**
 * The grid's synchronous view of a table view (Deephaven's GridModel): the row count and the cells of the
 * rows the engine last sent. Deliberately not reactive: it can change 60 times a second and the grid only
 * needs to know once per frame (useTableViewport bumps a version counter).
 */
export class GridModel {
  /** Rows in the view (after filters). */
  rowCount = 0
  /** The view's version of the data held: older data is ignored. */
  dataVersion = -1
  /** Bumped when what cell() returns changes without a new data version (a row count set by hand, rows forgotten). */
  revision = 0
  private first = 0
  private count = 0
  private rowKeys: readonly number[] = []
  /** Values per model column for rows [first, first + count); null when the viewport left the column out. */
  private values: (readonly CellValue[] | null)[]
  private readonly indexByName: ReadonlyMap<string, number>

  constructor(readonly columns: readonly ColumnDef[]) {
    this.values = columns.map(() => null)
    this.indexByName = new Map(columns.map((c, i) => [c.name, i]))
  }

  /** Takes a viewport from the engine (a setViewport answer or a push). False when it is older than what is held. */
  apply(data: ViewportDataDto): boolean {
    if (data.version < this.dataVersion) return false
    this.dataVersion = data.version
    this.rowCount = data.rowCount
    this.first = data.first
    this.count = data.rowKeys.length
    this.rowKeys = data.rowKeys
    const values: (readonly CellValue[] | null)[] = this.columns.map(() => null)
    for (const column of data.columns) {
      const index = this.indexByName.get(column.name)
      if (index !== undefined) values[index] = column.values
    }
    this.values = values
    return true
  }

  /** The row count changed before any rows came (openView, setViewSpec answers). */
  setRowCount(rowCount: number): void {
    this.rowCount = rowCount
    this.revision++
  }

  /** Forget the rows (the view's spec changed: the rows held are in the old order). */
  clearRows(): void {
    this.revision++
    this.count = 0
    this.rowKeys = []
    this.values = this.columns.map(() => null)
  }

  has(row: number): boolean {
    return row >= this.first && row < this.first + this.count && row < this.rowCount
  }

  /** Rows [first, last) are all held. */
  hasRange(first: number, last: number): boolean {
    return last <= first || (this.has(first) && this.has(last - 1))
  }

  cell(row: number, column: number): GridCell {
    if (!this.has(row)) return LOADING
    const values = this.values[column]
    if (!values) return LOADING
    const value = values[row - this.first]
    return value === undefined ? LOADING : value
  }

  /** The engine's stable identity of a row (its arrival index), when held. */
  rowKey(row: number): number | undefined {
    return this.has(row) ? this.rowKeys[row - this.first] : undefined
  }
}
