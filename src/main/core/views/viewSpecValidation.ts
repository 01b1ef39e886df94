/**
 * Validation of view specs against a table's columns. Pure functions without Node imports, like viewTypes.ts, so
 * that the renderer can validate a spec before sending it.
 */
import { parseCivilDate } from '../engine/calendarDate'
import { canonicalDecimal, compareDecimal } from '../engine/decimalText'
import type { ColumnFilter, FilterKind, RangeFilter, SortKey, TimeRangeFilter, ViewColumnDef, ViewColumnType, ViewSpec } from './viewTypes'

/** A spec that does not fit the table: `path` says where (e.g. `filters[1].min`). */
export class ViewSpecError extends Error {
  constructor(
    readonly path: string,
    message: string
  ) {
    super(path === '' ? message : `${path}: ${message}`)
    this.name = 'ViewSpecError'
  }
}

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n
const DECIMAL = /^[+-]?\d+$/
/** Above every finite double: what ±Infinity bounds become. */
const BEYOND_DOUBLES = 2n ** 1024n

/** The filter kinds each scalar column type accepts (see filterKinds for lists and maps). */
export const FILTER_KINDS = {
  string: ['contains', 'equals', 'null', 'notNull'],
  int16: ['range', 'null', 'notNull'],
  int32: ['range', 'null', 'notNull'],
  int64: ['range', 'null', 'notNull'],
  float32: ['range', 'null', 'notNull'],
  float64: ['range', 'null', 'notNull'],
  bool: ['equals', 'null', 'notNull'],
  bytes: ['null', 'notNull'],
  timestamp: ['timeRange', 'null', 'notNull'],
  date: ['range', 'null', 'notNull'],
  duration: ['range', 'null', 'notNull'],
  decimal: ['range', 'null', 'notNull']
} as const satisfies Readonly<Record<string, readonly FilterKind[]>>

const NESTED_FILTER_KINDS: readonly FilterKind[] = ['contains', 'null', 'notNull']

/** The filter kinds a column type accepts. */
export function filterKinds(type: ViewColumnType): readonly FilterKind[] {
  return type.startsWith('list<') || type.startsWith('map<') ? NESTED_FILTER_KINDS : FILTER_KINDS[type as keyof typeof FILTER_KINDS]
}

/** Whether a view can sort by columns of this type (not lists and maps). */
export function isSortable(type: ViewColumnType): boolean {
  return !type.startsWith('list<') && !type.startsWith('map<')
}

const SPEC_KEYS = ['sort', 'filters', 'columns']
const SORT_KEYS = ['column', 'direction', 'nulls']
const FILTER_KEYS: Record<FilterKind, readonly string[]> = {
  contains: ['column', 'kind', 'value'],
  equals: ['column', 'kind', 'value'],
  range: ['column', 'kind', 'min', 'max'],
  timeRange: ['column', 'kind', 'min', 'max'],
  null: ['column', 'kind'],
  notNull: ['column', 'kind']
}

/**
 * Checks `input` (any value, e.g. received over IPC) against the table's columns and returns a normalized copy:
 * `nulls` filled in ('last'), nothing shared with the input. Throws a ViewSpecError naming the first problem:
 * a malformed spec, an unknown or duplicate column, a filter kind that does not fit the column's type, a bad bound
 * or a range whose min is above its max.
 */
export function validateViewSpec(input: unknown, columns: readonly ViewColumnDef[]): ViewSpec {
  const spec = record(input, '')
  unknownKeys(spec, SPEC_KEYS, '')
  const byName = new Map<string, ViewColumnDef>()
  for (const column of columns) byName.set(column.name, column)
  const sort = array(spec.sort, 'sort').map((key, k) => sortKey(key, `sort[${k}]`, byName))
  const seen = new Set<string>()
  sort.forEach((key, k) => {
    if (seen.has(key.column)) throw new ViewSpecError(`sort[${k}].column`, `column "${key.column}" is already a sort key`)
    seen.add(key.column)
  })
  const filters = array(spec.filters, 'filters').map((filter, k) => columnFilter(filter, `filters[${k}]`, byName))
  const out: ViewSpec = { sort, filters }
  if (spec.columns !== undefined) {
    const names = array(spec.columns, 'columns').map((name, k) => columnName(name, `columns[${k}]`, byName))
    const unique = new Set<string>()
    names.forEach((name, k) => {
      if (unique.has(name)) throw new ViewSpecError(`columns[${k}]`, `column "${name}" is listed twice`)
      unique.add(name)
    })
    out.columns = names
  }
  return out
}

/**
 * An int64 bound as a bigint: a decimal string (within int64), or a number taken exactly (a min rounded up, a max
 * down, to an integer; ±Infinity beyond every double). The caller clamps to the int64 range.
 */
export function int64Bound(value: number | string, side: 'min' | 'max'): bigint {
  if (typeof value === 'string') return BigInt(value)
  if (value === Infinity || value === -Infinity) return value > 0 ? BEYOND_DOUBLES : -BEYOND_DOUBLES
  return BigInt(side === 'min' ? Math.ceil(value) : Math.floor(value))
}

/** A decimal bound (a finite number or a decimal string) as canonical decimal text; null for ±Infinity (no bound). */
export function decimalBound(value: number | string): string | null {
  if (value === Infinity || value === -Infinity) return null
  return canonicalDecimal(String(value)) as string
}

/** A date bound (`YYYY-MM-DD` or a day number) as a day number (a min rounded up, a max down). */
export function dateBound(value: number | string, side: 'min' | 'max'): number {
  if (typeof value === 'string') return parseCivilDate(value) as number
  return side === 'min' ? Math.ceil(value) : Math.floor(value)
}

function sortKey(input: unknown, path: string, byName: Map<string, ViewColumnDef>): SortKey {
  const key = record(input, path)
  unknownKeys(key, SORT_KEYS, path)
  const column = columnName(key.column, `${path}.column`, byName)
  const type = (byName.get(column) as ViewColumnDef).type
  if (!isSortable(type)) throw new ViewSpecError(`${path}.column`, `column "${column}" of type ${type} is not sortable`)
  if (key.direction !== 'asc' && key.direction !== 'desc') {
    throw new ViewSpecError(`${path}.direction`, `must be 'asc' or 'desc', got ${show(key.direction)}`)
  }
  if (key.nulls !== undefined && key.nulls !== 'first' && key.nulls !== 'last') {
    throw new ViewSpecError(`${path}.nulls`, `must be 'first' or 'last', got ${show(key.nulls)}`)
  }
  return { column, direction: key.direction, nulls: key.nulls ?? 'last' }
}

function columnFilter(input: unknown, path: string, byName: Map<string, ViewColumnDef>): ColumnFilter {
  const filter = record(input, path)
  const kind = filter.kind
  if (typeof kind !== 'string' || !Object.hasOwn(FILTER_KEYS, kind)) {
    throw new ViewSpecError(`${path}.kind`, `must be one of ${Object.keys(FILTER_KEYS).join(', ')}; got ${show(kind)}`)
  }
  const filterKind = kind as FilterKind
  unknownKeys(filter, FILTER_KEYS[filterKind], path)
  const column = columnName(filter.column, `${path}.column`, byName)
  const type = (byName.get(column) as ViewColumnDef).type
  const allowed = filterKinds(type)
  if (!allowed.includes(filterKind)) {
    throw new ViewSpecError(path, `a '${filterKind}' filter does not fit column "${column}" of type ${type} (it takes ${allowed.join(', ')})`)
  }
  switch (filterKind) {
    case 'null':
    case 'notNull':
      return { column, kind: filterKind }
    case 'contains':
      if (typeof filter.value !== 'string') throw new ViewSpecError(`${path}.value`, `must be a string, got ${show(filter.value)}`)
      return { column, kind: 'contains', value: filter.value }
    case 'equals': {
      const want = type === 'bool' ? 'boolean' : 'string'
      if (typeof filter.value !== want) throw new ViewSpecError(`${path}.value`, `must be a ${want} for column "${column}" of type ${type}, got ${show(filter.value)}`)
      return { column, kind: 'equals', value: filter.value as string | boolean }
    }
    case 'range':
    case 'timeRange': {
      const out: RangeFilter | TimeRangeFilter = { column, kind: filterKind }
      const check =
        type === 'int64' || type === 'duration' ? int64Value : type === 'timestamp' ? nanosValue : type === 'decimal' ? decimalValue : type === 'date' ? dateValue : numberValue
      if (filter.min !== undefined) out.min = check(filter.min, `${path}.min`)
      if (filter.max !== undefined) out.max = check(filter.max, `${path}.max`)
      if (out.min !== undefined && out.max !== undefined && isAbove(out.min, out.max, type)) {
        throw new ViewSpecError(path, `min ${String(out.min)} is above max ${String(out.max)}`)
      }
      return out
    }
  }
}

function isAbove(min: number | string, max: number | string, type: ViewColumnType): boolean {
  if (type === 'int64' || type === 'timestamp' || type === 'duration') return int64Bound(min, 'min') > int64Bound(max, 'max')
  if (type === 'date') return dateBound(min, 'min') > dateBound(max, 'max')
  if (type === 'decimal') {
    const low = decimalBound(min)
    const high = decimalBound(max)
    if (low === null || high === null) return min === Infinity || max === -Infinity
    return compareDecimal(low, high) > 0
  }
  return (min as number) > (max as number)
}

function numberValue(value: unknown, path: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new ViewSpecError(path, `must be a number, got ${show(value)}`)
  return value
}

function int64Value(value: unknown, path: string): number | string {
  if (typeof value === 'number' && !Number.isNaN(value)) return value
  if (typeof value === 'string' && DECIMAL.test(value)) {
    const v = BigInt(value)
    if (v < INT64_MIN || v > INT64_MAX) throw new ViewSpecError(path, `${value} is outside the int64 range`)
    return value
  }
  throw new ViewSpecError(path, `must be a number or a decimal integer string, got ${show(value)}`)
}

function decimalValue(value: unknown, path: string): number | string {
  if (typeof value === 'number' && !Number.isNaN(value)) return value
  if (typeof value === 'string' && /^[+-]?\d+(\.\d+)?$/.test(value)) return value
  throw new ViewSpecError(path, `must be a number or a decimal string, got ${show(value)}`)
}

function dateValue(value: unknown, path: string): number | string {
  if (typeof value === 'number' && !Number.isNaN(value)) return value
  if (typeof value === 'string' && parseCivilDate(value) !== null) return value
  throw new ViewSpecError(path, `must be a date YYYY-MM-DD or a day number since 1970-01-01, got ${show(value)}`)
}

function nanosValue(value: unknown, path: string): number | string {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return value
    throw new ViewSpecError(path, `epoch nanoseconds must be a decimal string (or a safe integer), got ${show(value)}`)
  }
  if (typeof value === 'string' && DECIMAL.test(value)) {
    const v = BigInt(value)
    if (v < INT64_MIN || v > INT64_MAX) throw new ViewSpecError(path, `${value} is outside the int64 range of epoch nanoseconds`)
    return value
  }
  throw new ViewSpecError(path, `must be epoch nanoseconds as a decimal string, got ${show(value)}`)
}

function columnName(value: unknown, path: string, byName: Map<string, ViewColumnDef>): string {
  if (typeof value !== 'string') throw new ViewSpecError(path, `must be a column name, got ${show(value)}`)
  if (!byName.has(value)) {
    const names = [...byName.keys()].map((n) => `"${n}"`).join(', ')
    throw new ViewSpecError(path, `column "${value}" does not exist (the table has ${names === '' ? 'no columns' : names})`)
  }
  return value
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ViewSpecError(path, `must be an object, got ${show(value)}`)
  return value as Record<string, unknown>
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ViewSpecError(path, `must be an array, got ${show(value)}`)
  return value
}

function unknownKeys(value: Record<string, unknown>, known: readonly string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw new ViewSpecError(path, `unknown property "${key}" (expected ${known.join(', ')})`)
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') return String(value)
  if (typeof value === 'bigint') return `${value}n`
  if (value === undefined) return 'undefined'
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
