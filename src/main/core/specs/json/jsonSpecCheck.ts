import { COLUMN_TYPES_TEXT, type ColumnDef, type ColumnType, isColumnType } from '../../types'
import { pathOfKey, pointerOf } from './jsonPointer'

/** The column forms jsonSpec takes: `{ Name: 'type' }`, `[['Name', 'type'], …]` or `[{ name, type }, …]`. */
export type JsonColumnsInput =
  | Readonly<Record<string, ColumnType>>
  | readonly (readonly [string, ColumnType])[]
  | readonly Readonly<ColumnDef>[]

/** A column of a JSON spec with the path it reads. */
export interface JsonColumnPlan {
  readonly name: string
  readonly type: ColumnType
  /** Unescaped pointer segments, e.g. ['parent', 'child']. */
  readonly path: readonly string[]
  /** The same path as JSON Pointer text, for messages. */
  readonly pointer: string
}

function fail(message: string): never {
  throw new TypeError(`jsonSpec: ${message}`)
}

/** The columns in order as { name, type }; checks the form only (planJsonColumns checks names and types). */
export function normalizeJsonColumns(columns: unknown): ColumnDef[] {
  if (Array.isArray(columns)) {
    return columns.map((c: unknown, i) => {
      if (Array.isArray(c) && c.length === 2) return { name: c[0] as string, type: c[1] as ColumnType }
      if (typeof c === 'object' && c !== null && 'name' in c && 'type' in c) return { name: c.name as string, type: c.type as ColumnType }
      return fail(`columns[${i}] must be a [name, type] pair or { name, type }, got ${describe(c)}`)
    })
  }
  if (typeof columns === 'object' && columns !== null) {
    return Object.entries(columns).map(([name, type]) => ({ name, type: type as ColumnType }))
  }
  return fail(`columns must be an object { Name: 'type' } or a list of [name, type] pairs, got ${describe(columns)}`)
}

/** A copy of the mapping (field name or JSON Pointer → column name) as an object of own string properties. */
export function normalizeJsonMapping(mapping: unknown): Record<string, string> {
  if (mapping === undefined || mapping === null) return {}
  if (typeof mapping !== 'object' || Array.isArray(mapping)) {
    return fail(`mapping must be an object { 'field or /pointer': 'Column' }, got ${describe(mapping)}`)
  }
  return Object.fromEntries(Object.entries(mapping)) as Record<string, string>
}

/**
 * Checks a JSON spec's columns and mapping (throwing a TypeError that names the bad column or key) and returns each
 * column with the path it reads: its mapping key's, or `/<name>` when no key maps to it.
 */
export function planJsonColumns(columns: readonly ColumnDef[], mapping: Readonly<Record<string, string>>): JsonColumnPlan[] {
  if (columns.length === 0) fail('columns is empty; give at least one column')
  const names = new Set<string>()
  for (const { name, type } of columns) {
    if (typeof name !== 'string' || name.length === 0) fail(`column names must be non-empty strings, got ${describe(name)}`)
    if (names.has(name)) fail(`column '${name}' is given twice`)
    if (!isColumnType(type)) fail(`column '${name}' has unknown type '${String(type)}'; expected one of ${COLUMN_TYPES_TEXT}`)
    names.add(name)
  }
  const keyOf = new Map<string, string>()
  for (const [key, column] of Object.entries(mapping)) {
    if (key.length === 0) fail(`mapping key '' is neither a field name nor a JSON Pointer (use '/' for the field named '')`)
    if (typeof column !== 'string') fail(`mapping '${key}' must name a column, got ${describe(column)}`)
    if (!names.has(column)) fail(`mapping '${key}' → '${column}': there is no column '${column}' (columns: ${[...names].join(', ')})`)
    const earlier = keyOf.get(column)
    if (earlier !== undefined) fail(`column '${column}' is mapped from both '${earlier}' and '${key}'`)
    try {
      pathOfKey(key)
    } catch (e) {
      fail(`mapping '${key}' → '${column}': ${(e as Error).message}`)
    }
    keyOf.set(column, key)
  }
  return columns.map(({ name, type }) => {
    const key = keyOf.get(name)
    const path = key === undefined ? [name] : pathOfKey(key)
    return { name, type, path, pointer: pointerOf(path) }
  })
}

function describe(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`
  if (Array.isArray(v)) return 'an array'
  return v === null ? 'null' : typeof v
}
