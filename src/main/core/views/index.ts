export { TableView, MAX_VIEWPORT_ROWS } from './tableView'
export type { TableViewOptions } from './tableView'
export { ViewSpecError, validateViewSpec, FILTER_KINDS, filterKinds, isSortable } from './viewSpecValidation'
export type {
  CellValue,
  ColumnFilter,
  ContainsFilter,
  EqualsFilter,
  FilterKind,
  NullFilter,
  NullsPlacement,
  RangeFilter,
  SortDirection,
  SortKey,
  TimeRangeFilter,
  ViewChange,
  ViewColumnDef,
  ViewColumnType,
  ViewportColumn,
  ViewportData,
  ViewSpec
} from './viewTypes'
