import { z } from 'zod'

/** Column types holding one value per row. */
export const COLUMN_TYPES = [
  'string',
  'int16',
  'int32',
  'int64',
  'float32',
  'float64',
  'bool',
  'bytes',
  'timestamp',
  'date',
  'duration',
  'decimal'
] as const

export type ScalarType = (typeof COLUMN_TYPES)[number]
/** A list of scalars per row. */
export type ListType = `list<${ScalarType}>`
/** String keys to scalar values per row. */
export type MapType = `map<string,${ScalarType}>`
export type ColumnType = ScalarType | ListType | MapType

/** What a column type is made of: a scalar, a list of `element`, or a map from string to `element`. */
export type ColumnShape = { kind: 'scalar'; element: ScalarType } | { kind: 'list'; element: ScalarType } | { kind: 'map'; element: ScalarType }

const NESTED = /^(list<|map<string,)([a-z0-9]+)>$/

export function isScalarType(value: unknown): value is ScalarType {
  return typeof value === 'string' && (COLUMN_TYPES as readonly string[]).includes(value)
}

/** The shape of a column type, or null when `value` is not a column type. */
export function columnShape(value: unknown): ColumnShape | null {
  if (isScalarType(value)) return { kind: 'scalar', element: value }
  if (typeof value !== 'string') return null
  const m = NESTED.exec(value)
  if (m === null || !isScalarType(m[2])) return null
  return { kind: m[1] === 'list<' ? 'list' : 'map', element: m[2] }
}

export function isColumnType(value: unknown): value is ColumnType {
  return columnShape(value) !== null
}

/** How column types are spelled, for error messages. */
export const COLUMN_TYPES_TEXT = `${COLUMN_TYPES.join(', ')}, list<T> or map<string,T> (T one of these)`

/** A scalar column type (what simple specs and lifted headers take). */
export const ScalarTypeSchema = z.enum(COLUMN_TYPES)

export const ColumnTypeSchema = z.custom<ColumnType>(isColumnType, { message: `expected a column type: ${COLUMN_TYPES_TEXT}` })

export const ColumnDefSchema = z.object({ name: z.string().min(1), type: ColumnTypeSchema })
export type ColumnDef = z.infer<typeof ColumnDefSchema>
