/**
 * Columns for a reader schema: nested records flatten with `__` (Deephaven's DIRECT_MAPPING); `mapping` keys are
 * dotted field paths (`a.b`, or a record path `a` to rename its prefix); `mappedOnly` keeps only mapped paths (and
 * what lies under a mapped record). See README.md for the type table.
 */
import type { ColumnDef, ColumnType, ScalarType } from '../../types'
import { nullableBranch } from './avroMatch'
import { AvroSchemaError, type AvroType, type RecordType } from './avroSchema'

export interface LeafPlan {
  readonly kind: 'leaf'
  readonly column: number
  readonly name: string
  readonly columnType: ColumnType
}
export interface RecordPlan {
  readonly kind: 'record'
  readonly record: RecordType
  /** Per reader field, in reader order; null when the field has no column. */
  readonly fields: readonly (FieldPlan | null)[]
  /** Every leaf column under this record. */
  readonly columns: readonly number[]
}
export type FieldPlan = LeafPlan | RecordPlan

export interface ColumnPlan {
  readonly columns: ColumnDef[]
  readonly root: RecordPlan
}

/** The column type a reader field type becomes (records excluded). */
export function leafColumnType(t: AvroType): ColumnType {
  const inner = nullableBranch(t) ?? t
  switch (inner.type) {
    case 'array': {
      const element = elementType(inner.items)
      return element === null ? 'string' : `list<${element}>`
    }
    case 'map': {
      const element = elementType(inner.values)
      return element === null ? 'string' : `map<string,${element}>`
    }
    case 'boolean':
      return 'bool'
    case 'int':
      return inner.logical === 'date' ? 'date' : 'int32'
    case 'long':
      return inner.logical === 'timestamp-millis' || inner.logical === 'timestamp-micros' || inner.logical === 'timestamp-nanos' ? 'timestamp' : 'int64'
    case 'float':
      return 'float32'
    case 'double':
      return 'float64'
    case 'bytes':
    case 'fixed':
      return inner.logical === 'decimal' ? 'decimal' : 'bytes'
    default:
      return 'string'
  }
}

/** The column type of array items or map values that can be list or map elements, or null (they become JSON text). */
function elementType(t: AvroType): ScalarType | null {
  const inner = nullableBranch(t) ?? t
  if (inner.type === 'record' || inner.type === 'array' || inner.type === 'map' || inner.type === 'union' || inner.type === 'null') return null
  return leafColumnType(inner) as ScalarType
}

export function planColumns(schema: AvroType, mapping: Readonly<Record<string, string>> | undefined, mappedOnly: boolean): ColumnPlan {
  if (schema.type !== 'record') throw new AvroSchemaError(`the top-level Avro schema must be a record, got ${schema.type}`)
  const map = mapping && Object.keys(mapping).length > 0 ? mapping : undefined
  const only = map !== undefined && mappedOnly
  const columns: ColumnDef[] = []
  const seenPaths = new Set<string>()
  const names = new Map<string, string>()

  const walk = (record: RecordType, path: string, prefix: string, kept: boolean, stack: RecordType[]): RecordPlan => {
    if (stack.includes(record)) throw new AvroSchemaError(`recursive record '${record.name}' cannot be flattened into columns`)
    const fields: (FieldPlan | null)[] = []
    const under: number[] = []
    for (const f of record.fields) {
      const p = path === '' ? f.name : `${path}.${f.name}`
      seenPaths.add(p)
      const mapped = map?.[p]
      const name = mapped ?? (prefix === '' ? f.name : `${prefix}__${f.name}`)
      const keep = !only || kept || mapped !== undefined
      const inner = nullableBranch(f.type) ?? f.type
      if (inner.type === 'record') {
        const sub = walk(inner, p, name, keep, [...stack, record])
        if (sub.columns.length === 0) {
          fields.push(null)
          continue
        }
        fields.push(sub)
        under.push(...sub.columns)
        continue
      }
      if (!keep) {
        fields.push(null)
        continue
      }
      const other = names.get(name)
      if (other !== undefined) throw new AvroSchemaError(`fields '${other}' and '${p}' both map to column '${name}'`)
      names.set(name, p)
      const leaf: LeafPlan = { kind: 'leaf', column: columns.length, name, columnType: leafColumnType(f.type) }
      columns.push({ name, type: leaf.columnType })
      fields.push(leaf)
      under.push(leaf.column)
    }
    return { kind: 'record', record, fields, columns: under }
  }

  const root = walk(schema, '', '', false, [])
  for (const key of Object.keys(map ?? {})) {
    if (!seenPaths.has(key)) throw new AvroSchemaError(`mapping key '${key}' is not a field path of the schema (use dotted paths like 'a.b')`)
  }
  if (columns.length === 0) throw new AvroSchemaError('the spec selects no columns')
  return { columns, root }
}
