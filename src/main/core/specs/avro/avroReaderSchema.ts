/** Loads schemas: the spec's reader schema (literal JSON or a registry subject) and writer schemas by id, with references. */
import { avsc as avro } from './avscModule'
import type { AvroSpec } from '../../api/keyValueSpec'
import type { RegistryClient, RegistrySchema } from '../../registry/client'
import { parseAvroSchema, type AvroType, type NamedTypes } from './avroSchema'

export interface LoadedSchema {
  readonly type: AvroType
  /** The registry id when the schema came from the registry. */
  readonly id?: number
  /** `orders-value v3 (id 12)` for a registry schema, `schema Order` for a literal one. */
  readonly source: string
}

export function isLiteralSchema(schema: string): boolean {
  return schema.trim().startsWith('{')
}

/** Parses a literal schema, validated by avsc too. */
export function parseLiteral(text: string): AvroType {
  avro.Type.forSchema(JSON.parse(text) as Parameters<typeof avro.Type.forSchema>[0])
  return parseAvroSchema(text)
}

export async function loadReaderSchema(spec: AvroSpec, registry: () => RegistryClient): Promise<LoadedSchema> {
  if (isLiteralSchema(spec.schema)) {
    const type = parseLiteral(spec.schema)
    return { type, source: `schema ${'name' in type && typeof type.name === 'string' ? type.name : type.type}` }
  }
  const client = registry()
  const sv = await client.getSubjectVersion(spec.schema, spec.version, { expectedType: 'AVRO' })
  return { type: await parseRegistrySchema(client, sv), id: sv.id, source: `${sv.subject} v${sv.version} (id ${sv.id})` }
}

/** A registry schema, its references parsed first into the same named-type table. */
export async function parseRegistrySchema(client: RegistryClient, schema: RegistrySchema): Promise<AvroType> {
  const named: NamedTypes = new Map()
  if (schema.references.length > 0) {
    for (const ref of await client.getReferencedSchemas(schema.references)) parseAvroSchema(ref.schema, named)
  }
  return parseAvroSchema(schema.schema, named)
}
