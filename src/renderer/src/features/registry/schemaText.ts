import type { SchemaType } from '../../../../shared/model/registry'

/**
 * The schema text as the browser shows it: Avro and JSON Schema re-indented as JSON with 2 spaces, Protobuf
 * as registered. Text that does not parse as JSON is shown as it is.
 */
export function prettySchema(schemaType: SchemaType, schema: string): string {
  if (schemaType === 'PROTOBUF') return schema.replace(/\r\n?/g, '\n').replace(/\n+$/, '')
  try {
    return JSON.stringify(JSON.parse(schema), null, 2)
  } catch {
    return schema
  }
}

/** The language the highlighter uses for a schema type. */
export function schemaLanguage(schemaType: SchemaType): 'json' | 'proto' {
  return schemaType === 'PROTOBUF' ? 'proto' : 'json'
}
