import { COLUMN_TYPES, type ColumnType } from '../types'

export interface IgnoreSpec {
  readonly kind: 'ignore'
}
/** Column name and type from the deephaven.key/value.column.* properties or the key/value.deserializer class. */
export interface FromPropertiesSpec {
  readonly kind: 'fromProperties'
}
/** One column decoded the way Kafka's Java serializers encode the type. */
export interface SimpleSpec {
  readonly kind: 'simple'
  readonly columnName: string
  readonly type?: ColumnType
}

/** JSON text decoded into the given columns; see specs/json/README.md. */
export interface JsonSpec {
  readonly kind: 'json'
  readonly columns: readonly { name: string; type: ColumnType }[]
  /** JSON field name or JSON Pointer (`/parent/child`) → column name; unmapped columns read `/<name>`. */
  readonly mapping: Readonly<Record<string, string>>
}

export type KeyValueSpec = IgnoreSpec | FromPropertiesSpec | SimpleSpec | JsonSpec

export const KeyValueSpec = {
  IGNORE: Object.freeze({ kind: 'ignore' }) as IgnoreSpec,
  FROM_PROPERTIES: Object.freeze({ kind: 'fromProperties' }) as FromPropertiesSpec
}

export function simpleSpec(columnName: string, type?: ColumnType): SimpleSpec {
  if (typeof columnName !== 'string' || columnName.length === 0) {
    throw new TypeError('simpleSpec(columnName, type): columnName must be a non-empty string')
  }
  if (type !== undefined && !COLUMN_TYPES.includes(type)) {
    throw new TypeError(`simpleSpec('${columnName}', '${String(type)}'): unknown type; expected one of ${COLUMN_TYPES.join(', ')}`)
  }
  return type === undefined ? { kind: 'simple', columnName } : { kind: 'simple', columnName, type }
}
