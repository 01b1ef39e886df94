import {
  columnFilteringFeature,
  columnResizingFeature,
  columnSizingFeature,
  functionalUpdate,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnFiltersState,
  type ColumnSizingState,
  type SortingState,
  type Updater
} from '@tanstack/vue-table'
import { computed, shallowRef } from 'vue'
import type { ColumnDef } from '../../../../shared/model/columns'
import { EMPTY_GRID_VIEW_STATE, type GridViewState } from '../../../../shared/model/workspace'
import type { CellValue } from './cellValue'
import type { FilterDraft } from './filterDraft'

/** Width of the row-number column. */
export const GUTTER_WIDTH = 84

const features = tableFeatures({ rowSortingFeature, columnFilteringFeature, columnSizingFeature, columnResizingFeature })

/** TanStack never sees rows: the engine sorts and filters (manual mode) and the grid reads a GridModel. */
const NO_ROWS: CellValue[][] = []

/** Narrowest default width per type: what its values need. */
const WIDTH: Record<string, number> = {
  string: 220,
  bytes: 240,
  timestamp: 190,
  int64: 130,
  int32: 110,
  int16: 90,
  float64: 130,
  float32: 120,
  bool: 80,
  date: 110,
  duration: 130,
  decimal: 150
}

/** Wide enough for the values of its type and for its header (name, type, sort mark), up to a limit. */
export function defaultWidth(column: ColumnDef): number {
  const header = Math.ceil(column.name.length * 7.6 + column.type.length * 6.2 + 44)
  return Math.min(Math.max(WIDTH[column.type] ?? 240, header), 320)
}

/**
 * Column state through TanStack Table v9 in manual mode: sorting (click cycles asc → desc → none, shift-click
 * adds a key), the filter row's drafts, and column widths with drag-resizing. The sort and filter state goes
 * to the engine as a view spec (see TableGrid).
 */
export function useGridColumns(columns: readonly ColumnDef[], initial: GridViewState = EMPTY_GRID_VIEW_STATE) {
  const known = new Set(columns.map((c) => c.name))
  const sorting = shallowRef<SortingState>(initial.sort.filter((s) => known.has(s.column)).map((s) => ({ id: s.column, desc: s.desc })))
  const columnFilters = shallowRef<ColumnFiltersState>(
    initial.filters.filter((f) => known.has(f.column)).map((f) => ({ id: f.column, value: { mode: f.mode, text: f.text, min: f.min, max: f.max } satisfies FilterDraft }))
  )
  const columnSizing = shallowRef<ColumnSizingState>(Object.fromEntries(Object.entries(initial.widths).filter(([name]) => known.has(name))))

  const set =
    <T>(target: { value: T }) =>
    (updater: Updater<T>) =>
      (target.value = functionalUpdate(updater, target.value))

  const table = useTable({
    features,
    data: NO_ROWS,
    columns: columns.map((column, index) => ({
      id: column.name,
      header: column.name,
      accessorFn: (row: CellValue[]) => row[index],
      size: defaultWidth(column),
      enableSorting: !column.type.startsWith('list<') && !column.type.startsWith('map<'),
      minSize: 48,
      maxSize: 1200
    })),
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: true,
    enableSortingRemoval: true,
    sortDescFirst: false,
    maxMultiSortColCount: 16,
    isMultiSortEvent: (event: unknown) => (event as MouseEvent).shiftKey,
    columnResizeMode: 'onChange',
    state: computed(() => ({ sorting: sorting.value, columnFilters: columnFilters.value, columnSizing: columnSizing.value })),
    onSortingChange: set(sorting),
    onColumnFiltersChange: set(columnFilters),
    onColumnSizingChange: set(columnSizing)
  })

  const headers = computed(() => table.getHeaderGroups()[0]?.headers ?? [])
  /** CSS grid-template-columns shared by the header, the filter row and every row. */
  const template = computed(() => `${GUTTER_WIDTH}px ${headers.value.map((h) => `${h.getSize()}px`).join(' ')}`)
  const totalWidth = computed(() => GUTTER_WIDTH + headers.value.reduce((sum, h) => sum + h.getSize(), 0))

  /** Filter drafts by column name. */
  const drafts = computed(() => Object.fromEntries(columnFilters.value.map((f) => [f.id, f.value as FilterDraft])))

  function setDraft(column: string, draft: FilterDraft | null): void {
    const others = columnFilters.value.filter((f) => f.id !== column)
    columnFilters.value = draft ? [...others, { id: column, value: draft }] : others
  }

  function clearFilters(): void {
    columnFilters.value = []
  }

  /** Sort, filters and resized widths as a workspace saves them (hidden columns are the tab's business). */
  const viewState = computed<Omit<GridViewState, 'hidden'>>(() => ({
    sort: sorting.value.map((s) => ({ column: s.id, desc: s.desc })),
    filters: columnFilters.value.map((f) => ({ column: f.id, ...(f.value as FilterDraft) })),
    widths: { ...columnSizing.value }
  }))

  return { table, headers, template, totalWidth, sorting, drafts, setDraft, clearFilters, viewState }
}

export type GridColumns = ReturnType<typeof useGridColumns>
