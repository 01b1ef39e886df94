import type { KeyValueSpec } from '../api/keyValueSpec'
import type { TranslatedConfig } from '../kafka/config'
import type { PartDecoder } from './partDecoder'
import { createJsonDecoder } from './json/jsonDecoder'
import { createSimpleDecoder } from './simpleDecoder'
import { createAvroDecoder } from './avro/avroDecoder'
import { createProtobufDecoder } from './protobuf/protobufDecoder'
import { createObjectProcessorDecoder } from './objectProcessor/objectProcessorDecoder'
import type { RegistryClient } from '../registry/client'

export type RecordPart = 'key' | 'value'

export class SpecError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SpecError'
  }
}

/** What decoders may need from the table's configuration. */
export interface DecoderContext {
  table: TranslatedConfig['table']
  /** The schema registry client of the table's Kafka config; throws a SpecError when schema.registry.url is missing. */
  registry(): RegistryClient
}

/** The decoder for a record's key or value, or null when the spec is IGNORE. */
export async function resolvePartDecoder(part: RecordPart, spec: KeyValueSpec, context: DecoderContext): Promise<PartDecoder | null> {
  const table = context.table
  switch (spec.kind) {
    case 'ignore':
      return null
    case 'simple': {
      const type = spec.type ?? (part === 'key' ? table.keyColumnType : table.valueColumnType)
      if (type === undefined) throw missingType(part, spec.columnName)
      return createSimpleDecoder(spec.columnName, type)
    }
    case 'fromProperties': {
      const name = part === 'key' ? table.keyColumnName : table.valueColumnName
      const type = part === 'key' ? table.keyColumnType : table.valueColumnType
      if (type === undefined) throw missingType(part, name)
      return createSimpleDecoder(name, type)
    }
    case 'json':
      return asSpecError(part, () => createJsonDecoder(spec))
    case 'avro':
      return createAvroDecoder(part, spec, context)
    case 'protobuf':
      return createProtobufDecoder(part, spec, context)
    case 'objectProcessor':
      return asSpecError(part, () => createObjectProcessorDecoder(spec))
    default: {
      const unknown: { kind?: unknown } = spec
      throw new SpecError(`${part}Spec: unknown spec kind '${String(unknown.kind)}'`)
    }
  }
}

/** A spec whose own checks fail (TypeError) is a SpecError naming the key or value side. */
function asSpecError(part: RecordPart, create: () => PartDecoder): PartDecoder {
  try {
    return create()
  } catch (e) {
    if (e instanceof TypeError) throw new SpecError(`${part}Spec: ${e.message}`)
    throw e
  }
}

function missingType(part: RecordPart, column: string): SpecError {
  return new SpecError(
    `Unable to find the type for column '${column}' (${part}Spec). Give it in the spec, e.g. simpleSpec('${column}', 'string'), ` +
      `or through the Kafka property 'deephaven.${part}.column.type' or '${part}.deserializer'.`
  )
}
