import type { AvroSpec } from './keyValueSpec'
import { parseLiteral } from '../specs/avro/avroReaderSchema'
import { planColumns } from '../specs/avro/avroColumns'

export interface AvroSpecOptions {
  /** Registry subject version: 'latest' (default) or a version number. Ignored for a literal schema. */
  version?: 'latest' | number
  /** Dotted field path (`a.b`, or a record path `a` to rename its prefix) → column name. */
  mapping?: Readonly<Record<string, string>>
  /** Keep only the mapped fields (and what lies under a mapped record). Needs a non-empty mapping to have effect. */
  mappedOnly?: boolean
  /** 'confluent' (default): magic byte 0 and a schema id before each record; 'none': plain Avro binary. */
  framing?: 'confluent' | 'none'
}

/**
 * Avro records decoded into columns. `schemaOrSubject` is a registry subject or a literal Avro schema (JSON text
 * starting with '{'). Nested records flatten with `__`; see specs/avro/README.md for types and framing.
 * With framing 'none' and a literal schema no registry is used. Throws a TypeError for bad arguments.
 */
export function avroSpec(schemaOrSubject: string, options: AvroSpecOptions = {}): AvroSpec {
  const where = 'avroSpec(schemaOrSubject, options)'
  if (typeof schemaOrSubject !== 'string' || schemaOrSubject.trim().length === 0) {
    throw new TypeError(`${where}: schemaOrSubject must be a registry subject or Avro schema JSON text`)
  }
  if (options === null || typeof options !== 'object') throw new TypeError(`${where}: options must be an object`)
  const known = new Set(['version', 'mapping', 'mappedOnly', 'framing'])
  for (const key of Object.keys(options)) if (!known.has(key)) throw new TypeError(`${where}: unknown option '${key}'`)
  const version = options.version ?? 'latest'
  if (version !== 'latest' && !(typeof version === 'number' && Number.isInteger(version) && version > 0)) {
    throw new TypeError(`${where}: version must be 'latest' or a positive integer, got ${String(version)}`)
  }
  const framing = options.framing ?? 'confluent'
  if (framing !== 'confluent' && framing !== 'none') throw new TypeError(`${where}: framing must be 'confluent' or 'none', got ${String(framing)}`)
  if (options.mappedOnly !== undefined && typeof options.mappedOnly !== 'boolean') throw new TypeError(`${where}: mappedOnly must be a boolean`)
  let mapping: Record<string, string> | undefined
  if (options.mapping !== undefined) {
    if (options.mapping === null || typeof options.mapping !== 'object' || Array.isArray(options.mapping)) {
      throw new TypeError(`${where}: mapping must be an object of field path → column name`)
    }
    mapping = {}
    for (const [k, v] of Object.entries(options.mapping)) {
      if (typeof v !== 'string' || v.length === 0) throw new TypeError(`${where}: mapping['${k}'] must be a non-empty column name`)
      mapping[k] = v
    }
  }
  const literal = schemaOrSubject.trim().startsWith('{')
  if (literal) {
    try {
      planColumns(parseLiteral(schemaOrSubject), mapping, options.mappedOnly === true)
    } catch (e) {
      throw new TypeError(`${where}: invalid Avro schema: ${(e as Error).message}`)
    }
  }
  const spec: AvroSpec = {
    kind: 'avro',
    schema: schemaOrSubject,
    version,
    framing,
    ...(mapping ? { mapping: Object.freeze(mapping) } : {}),
    ...(options.mappedOnly !== undefined ? { mappedOnly: options.mappedOnly } : {})
  }
  return Object.freeze(spec)
}
