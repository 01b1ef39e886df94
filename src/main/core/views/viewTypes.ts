/**
 * The view DTOs: plain, JSON-safe types importing only types from src/shared, so that this file can move to src/shared
 * as the IPC contract of views unchanged. See README.md for the semantics (ordering, nulls, NaN, encodings).
 */
import type { ColumnType } from '../../../shared/model/columns'

/** The column types a view knows: the engine's ColumnType. */
export type ViewColumnType = ColumnType

/** A column of the table a view is made over. */
export interface ViewColumnDef {
  readonly name: string
  readonly type: ViewColumnType
}

export type SortDirection = 'asc' | 'desc'
export type NullsPlacement = 'first' | 'last'

/** One sort key; a view sorts by its keys in order (the first is the most significant). */
export interface SortKey {
  column: string
  direction: SortDirection
  /** Where null values go, whatever the direction. Default 'last'. */
  nulls?: NullsPlacement
}

/** string, list and map columns: the value (lists and maps: their JSON text) contains `value`, ignoring case (both sides lower-cased with toLowerCase()). */
export interface ContainsFilter {
  column: string
  kind: 'contains'
  value: string
}

/** string columns: the value is exactly `value` (case-sensitive); bool columns: the value is `value`. */
export interface EqualsFilter {
  column: string
  kind: 'equals'
  value: string | boolean
}

/**
 * int16/int32/float32/float64/int64/duration/decimal/date columns: min <= value <= max (both inclusive, each optional).
 * int64 and duration (ns) bounds can be decimal integer strings (exact) or numbers (compared exactly, any magnitude);
 * decimal bounds numbers or decimal strings (`-12.50`, exact); date bounds `YYYY-MM-DD` or day numbers since
 * 1970-01-01; the other types take numbers. NaN never matches a range.
 */
export interface RangeFilter {
  column: string
  kind: 'range'
  min?: number | string
  max?: number | string
}

/** timestamp columns: min <= value <= max in epoch NANOSECONDS (inclusive, each optional), as decimal strings or safe integers. */
export interface TimeRangeFilter {
  column: string
  kind: 'timeRange'
  min?: string | number
  max?: string | number
}

/** Any column: the value is null ('null') or is not ('notNull'). */
export interface NullFilter {
  column: string
  kind: 'null' | 'notNull'
}

/** Filters are ANDed. A null value matches only the 'null' filter. */
export type ColumnFilter = ContainsFilter | EqualsFilter | RangeFilter | TimeRangeFilter | NullFilter

export type FilterKind = ColumnFilter['kind']

/** What a view shows of its table. */
export interface ViewSpec {
  /** Sort keys, most significant first; [] keeps arrival order. Ties always keep arrival order (stable). */
  sort: SortKey[]
  filters: ColumnFilter[]
  /** The columns a viewport returns by default, in this order; omitted: every column of the table. */
  columns?: string[]
}

/**
 * One cell. int16/int32/float32/float64: a number (-0 is sent as 0; NaN/Infinity/-Infinity, which JSON cannot carry,
 * as the strings 'NaN'/'Infinity'/'-Infinity'); int64 and timestamp (epoch ns): a decimal string; bool: a boolean;
 * string and decimal: a string; date: `YYYY-MM-DD`; duration: nanoseconds as a decimal string; bytes: base64 (RFC 4648,
 * with padding); list: an array of its elements' cells; map: an object of its entries' cells; null: null.
 */
export type CellValue = number | string | boolean | null | CellValue[] | { [key: string]: CellValue }

export interface ViewportColumn {
  name: string
  type: ViewColumnType
  /** One value per row of the viewport. */
  values: CellValue[]
}

/** Rows [first, first + rowKeys.length) of a view, column by column. JSON-safe as it is. */
export interface ViewportData {
  /** The view's version when the data was read: it increases with every change of the view's rows or spec. */
  version: number
  /** Rows in the view (after filters). */
  rowCount: number
  /** View position of the first row returned (the request clamped to [0, rowCount)). */
  first: number
  /** Arrival index of each row returned (a stable row identity while the row stays in the table). */
  rowKeys: number[]
  columns: ViewportColumn[]
}

/** Sent (at most once per table cycle, and on setSpec) when a view's rows or spec changed: re-pull the viewport. */
export interface ViewChange {
  version: number
  rowCount: number
  /** 'rows': the table's update changed the view's rows; 'spec': setSpec. */
  reason: 'rows' | 'spec'
}
