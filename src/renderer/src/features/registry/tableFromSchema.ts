import type { ColumnDef, ColumnType } from '../../../../shared/model/columns'
import type { SchemaType } from '../../../../shared/model/registry'
import type { OpenTableArgs, SpecDto } from '../../../../shared/model/tables'

/** What "Open a table with this schema" puts into the consume editor, or why it cannot. */
export type TableFromSchema = { ok: true; args: Partial<OpenTableArgs> } | { ok: false; reason: string }

/** The topic a subject names under the TopicNameStrategy (`<topic>-value`, `<topic>-key`), and which part. */
export function topicOfSubject(subject: string): { topic: string; part: 'value' | 'key' } {
  if (subject.endsWith('-key') && subject.length > 4) return { topic: subject.slice(0, -4), part: 'key' }
  if (subject.endsWith('-value') && subject.length > 6) return { topic: subject.slice(0, -6), part: 'value' }
  return { topic: subject, part: 'value' }
}

/**
 * Editor settings for a table of the subject's topic whose key or value (after the subject's suffix) is
 * decoded with this schema version: Avro and Protobuf through the registry (Confluent framing); JSON Schema
 * as a JSON spec whose columns are the schema's top-level properties.
 */
export function tableFromSchema(subject: string, version: number, schemaType: SchemaType, schema: string): TableFromSchema {
  const { topic, part } = topicOfSubject(subject)
  let spec: SpecDto
  if (schemaType === 'AVRO') spec = { kind: 'avro', schema: subject, version, framing: 'confluent' }
  else if (schemaType === 'PROTOBUF') spec = { kind: 'protobuf', source: { subject, version }, protocol: 'serdes' }
  else {
    const columns = jsonSchemaColumns(schema)
    if (columns.length === 0) return { ok: false, reason: 'This JSON Schema declares no top-level properties to make columns from.' }
    spec = { kind: 'json', columns, mapping: {} }
  }
  return { ok: true, args: { topic, ...(part === 'key' ? { keySpec: spec } : { valueSpec: spec }) } }
}

const JSON_TYPES: Readonly<Record<string, ColumnType>> = { string: 'string', integer: 'int64', number: 'float64', boolean: 'bool' }

/** Columns from a JSON Schema's top-level `properties`: scalars typed, `date-time` strings as timestamps, the rest as JSON text. */
export function jsonSchemaColumns(schema: string): ColumnDef[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(schema)
  } catch {
    return []
  }
  const properties = (parsed as { properties?: unknown } | null)?.properties
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) return []
  return Object.entries(properties as Record<string, unknown>)
    .filter(([name]) => name !== '')
    .map(([name, def]) => ({ name, type: jsonColumnType(def) }))
}

function jsonColumnType(def: unknown): ColumnType {
  const d = (def ?? {}) as { type?: unknown; format?: unknown }
  const types = (Array.isArray(d.type) ? d.type : [d.type]).filter((t): t is string => typeof t === 'string' && t !== 'null')
  if (types.length !== 1) return 'string'
  if (types[0] === 'string' && d.format === 'date-time') return 'timestamp'
  return JSON_TYPES[types[0]!] ?? 'string'
}
