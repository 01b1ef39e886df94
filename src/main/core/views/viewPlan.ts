import type { ColumnDef, ColumnType } from '../types'
import { type ChunkFilter, compileFilter } from './chunkFilters'
import type { ViewSpec } from './viewTypes'

/** One sort key resolved against the table: column index and type. */
export interface SortColumn {
  readonly column: number
  readonly type: ColumnType
  readonly desc: boolean
  readonly nullsFirst: boolean
}

/** A validated ViewSpec resolved against the table's columns. */
export interface ViewPlan {
  readonly sort: readonly SortColumn[]
  readonly filters: readonly ChunkFilter[]
  /** Column indexes a viewport returns by default, in order. */
  readonly projection: readonly number[]
}

/** Resolves a spec that validateViewSpec accepted for these columns. */
export function planView(columns: readonly ColumnDef[], spec: ViewSpec): ViewPlan {
  const indexOf = new Map<string, number>()
  columns.forEach((c, j) => indexOf.set(c.name, j))
  const column = (name: string): number => indexOf.get(name) as number
  const sort = spec.sort.map((key) => {
    const j = column(key.column)
    return { column: j, type: columns[j].type, desc: key.direction === 'desc', nullsFirst: key.nulls === 'first' }
  })
  const filters = spec.filters.map((filter) => {
    const j = column(filter.column)
    return compileFilter(j, columns[j].type, filter)
  })
  const projection = spec.columns === undefined ? columns.map((_, j) => j) : spec.columns.map(column)
  return { sort, filters, projection }
}
