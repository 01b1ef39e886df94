import { normalizeJsonColumns, normalizeJsonMapping, planJsonColumns, type JsonColumnsInput } from '../specs/json/jsonSpecCheck'
import { COLUMN_TYPES, type ColumnType, isScalarType } from '../types'
import type { ObjectProcessorSpec } from './objectProcessorSpec'

export type { JsonColumnsInput } from '../specs/json/jsonSpecCheck'

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

/** Avro records; see specs/avro/README.md. Built by avroSpec() in api/avroSpec.ts. */
export interface AvroSpec {
  readonly kind: 'avro'
  /** A registry subject, or a literal Avro schema (JSON text starting with '{'). */
  readonly schema: string
  readonly version: 'latest' | number
  readonly mapping?: Readonly<Record<string, string>>
  readonly mappedOnly?: boolean
  /** 'confluent': magic byte 0 and a 4-byte schema id before each record; 'none': plain Avro binary. */
  readonly framing: 'confluent' | 'none'
}

/** Protobuf messages; see specs/protobuf/README.md. Built by protobufSpec() in api/protobufSpec.ts. */
export interface ProtobufSpec {
  readonly kind: 'protobuf'
  readonly source:
    | { readonly subject: string; readonly version?: 'latest' | number; readonly messageName?: string }
    | { readonly proto: string | readonly string[]; readonly messageName: string }
  /** 'serdes': Confluent framing with message indexes; 'raw': the payload is the message. */
  readonly protocol: 'serdes' | 'raw'
  /** Field paths to keep ('/a/b', '/a/*'); all when absent. */
  readonly include?: readonly string[]
}

export type KeyValueSpec = IgnoreSpec | FromPropertiesSpec | SimpleSpec | JsonSpec | AvroSpec | ProtobufSpec | ObjectProcessorSpec

export const KeyValueSpec = {
  IGNORE: Object.freeze({ kind: 'ignore' }) as IgnoreSpec,
  FROM_PROPERTIES: Object.freeze({ kind: 'fromProperties' }) as FromPropertiesSpec
}

export function simpleSpec(columnName: string, type?: ColumnType): SimpleSpec {
  if (typeof columnName !== 'string' || columnName.length === 0) {
    throw new TypeError('simpleSpec(columnName, type): columnName must be a non-empty string')
  }
  if (type !== undefined && !isScalarType(type)) {
    throw new TypeError(`simpleSpec('${columnName}', '${String(type)}'): unknown type; expected one of ${COLUMN_TYPES.join(', ')}`)
  }
  return type === undefined ? { kind: 'simple', columnName } : { kind: 'simple', columnName, type }
}

/**
 * JSON text decoded into `columns` (`{ Name: 'type' }`, `[['Name', 'type'], …]` or `[{ name, type }, …]`, in column
 * order). `mapping` maps a field name or a JSON Pointer (`/parent/child`, with `~1` for '/' and `~0` for '~') to a
 * column; a column no key maps to reads the field named like it. Throws a TypeError naming the bad column or key.
 * See specs/json/README.md for how values convert.
 */
export function jsonSpec(columns: JsonColumnsInput, mapping?: Readonly<Record<string, string>>): JsonSpec {
  const defs = normalizeJsonColumns(columns)
  const map = normalizeJsonMapping(mapping)
  planJsonColumns(defs, map)
  return Object.freeze({
    kind: 'json',
    columns: Object.freeze(defs.map((c) => Object.freeze({ name: c.name, type: c.type }))),
    mapping: Object.freeze(map)
  })
}
