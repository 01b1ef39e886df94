import type { ColumnDef } from '../../../../shared/model/columns'
import type { ColumnFilterDto, ViewSpecDto } from '../../../../shared/model/views'
import { draftToFilter, type FilterDraft } from './filterDraft'
import type { TimeZoneMode } from './formatCell'

/** TanStack's sorting state: column id (= column name) and direction, most significant first. */
export interface SortEntry {
  readonly id: string
  readonly desc: boolean
}

export interface ViewSpecResult {
  readonly spec: ViewSpecDto
  /** Column name → why its filter input is not a filter. */
  readonly errors: Readonly<Record<string, string>>
}

/** The grid's sort and filter row as the view spec the engine computes. */
export function toViewSpec(
  columns: readonly ColumnDef[],
  sorting: readonly SortEntry[],
  drafts: Readonly<Record<string, FilterDraft | undefined>>,
  zone: TimeZoneMode = 'local'
): ViewSpecResult {
  const known = new Set(columns.map((c) => c.name))
  const sort = sorting.filter((s) => known.has(s.id)).map((s) => ({ column: s.id, direction: s.desc ? ('desc' as const) : ('asc' as const) }))
  const filters: ColumnFilterDto[] = []
  const errors: Record<string, string> = {}
  for (const column of columns) {
    const draft = drafts[column.name]
    if (!draft) continue
    const result = draftToFilter(column.name, column.type, draft, zone)
    if (result.filter) filters.push(result.filter)
    if (result.error) errors[column.name] = result.error
  }
  return { spec: { sort, filters }, errors }
}

/** Two specs ask the engine for the same rows. */
export function sameSpec(a: ViewSpecDto, b: ViewSpecDto): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
