import type { KeyValueSpec } from '../api/keyValueSpec'
import type { TranslatedConfig } from '../kafka/config'
import type { PartDecoder } from './partDecoder'
import { createJsonDecoder } from './json/jsonDecoder'
import { createSimpleDecoder } from './simpleDecoder'

export type RecordPart = 'key' | 'value'

export class SpecError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SpecError'
  }
}

/** The decoder for a record's key or value, or null when the spec is IGNORE. */
export function resolvePartDecoder(part: RecordPart, spec: KeyValueSpec, table: TranslatedConfig['table']): PartDecoder | null {
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
      try {
        return createJsonDecoder(spec)
      } catch (e) {
        if (e instanceof TypeError) throw new SpecError(`${part}Spec: ${e.message}`)
        throw e
      }
    default: {
      const unknown: { kind?: unknown } = spec
      throw new SpecError(`${part}Spec: unknown spec kind '${String(unknown.kind)}'`)
    }
  }
}

function missingType(part: RecordPart, column: string): SpecError {
  return new SpecError(
    `Unable to find the type for column '${column}' (${part}Spec). Give it in the spec, e.g. simpleSpec('${column}', 'string'), ` +
      `or through the Kafka property 'deephaven.${part}.column.type' or '${part}.deserializer'.`
  )
}
