/**
 * A normalized Avro schema: named types resolved to shared objects (records may be recursive), logical types kept.
 * Parsing validates the schema; avsc (Type.forSchema) double-checks literal schemas in avroSpecCheck.
 */
export type PrimitiveName = 'null' | 'boolean' | 'int' | 'long' | 'float' | 'double' | 'bytes' | 'string'

export interface PrimitiveType {
  readonly type: PrimitiveName
  readonly logical?: string
  readonly precision?: number
  readonly scale?: number
}
export interface AvroField {
  readonly name: string
  readonly aliases: readonly string[]
  readonly type: AvroType
  readonly hasDefault: boolean
  readonly default?: unknown
}
export interface RecordType {
  readonly type: 'record'
  readonly name: string
  readonly aliases: readonly string[]
  fields: AvroField[]
}
export interface EnumType {
  readonly type: 'enum'
  readonly name: string
  readonly aliases: readonly string[]
  readonly symbols: readonly string[]
  readonly default?: string
}
export interface FixedType {
  readonly type: 'fixed'
  readonly name: string
  readonly aliases: readonly string[]
  readonly size: number
  readonly logical?: string
  readonly precision?: number
  readonly scale?: number
}
export interface ArrayType {
  readonly type: 'array'
  readonly items: AvroType
}
export interface MapType {
  readonly type: 'map'
  readonly values: AvroType
}
export interface UnionType {
  readonly type: 'union'
  readonly branches: readonly AvroType[]
}
export type AvroType = PrimitiveType | RecordType | EnumType | FixedType | ArrayType | MapType | UnionType
export type NamedType = RecordType | EnumType | FixedType

const PRIMITIVES = new Set<string>(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'])
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export class AvroSchemaError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AvroSchemaError'
  }
}

/** Named types by full name; pass the same map to parse schemas that reference each other. */
export type NamedTypes = Map<string, NamedType>

/** Parses Avro schema JSON text (or an already parsed JSON value). */
export function parseAvroSchema(schema: string | unknown, named: NamedTypes = new Map()): AvroType {
  let json: unknown = schema
  if (typeof schema === 'string') {
    try {
      json = JSON.parse(schema)
    } catch (e) {
      // a bare primitive name is valid schema text too
      if (PRIMITIVES.has(schema.trim())) json = schema.trim()
      else throw new AvroSchemaError(`schema is not valid JSON: ${(e as Error).message}`)
    }
  }
  return parseType(json, '', named)
}

/** The unqualified last part of a full name. */
export function shortName(fullName: string): string {
  const dot = fullName.lastIndexOf('.')
  return dot < 0 ? fullName : fullName.slice(dot + 1)
}

function fullName(name: string, namespace: string): string {
  return name.includes('.') || namespace === '' ? name : `${namespace}.${name}`
}

function checkName(full: string): void {
  for (const part of full.split('.')) if (!NAME.test(part)) throw new AvroSchemaError(`invalid Avro name '${full}'`)
}

function parseType(json: unknown, namespace: string, named: NamedTypes): AvroType {
  if (typeof json === 'string') {
    if (PRIMITIVES.has(json)) return { type: json as PrimitiveName }
    const found = named.get(fullName(json, namespace)) ?? named.get(json)
    if (!found) throw new AvroSchemaError(`unknown type '${json}'`)
    return found
  }
  if (Array.isArray(json)) {
    const branches = json.map((b) => parseType(b, namespace, named))
    const seen = new Set<string>()
    for (const b of branches) {
      if (b.type === 'union') throw new AvroSchemaError('a union may not directly contain a union')
      const key = 'name' in b ? b.name : b.type
      if (seen.has(key)) throw new AvroSchemaError(`union contains '${key}' twice`)
      seen.add(key)
    }
    return { type: 'union', branches }
  }
  if (json === null || typeof json !== 'object') throw new AvroSchemaError(`invalid schema ${JSON.stringify(json)}`)
  const o = json as Record<string, unknown>
  const t = o.type
  const logical = typeof o.logicalType === 'string' ? o.logicalType : undefined
  const precision = typeof o.precision === 'number' ? o.precision : undefined
  const scale = typeof o.scale === 'number' ? o.scale : undefined
  if (typeof t === 'string' && PRIMITIVES.has(t)) {
    if (logical === undefined) return { type: t as PrimitiveName }
    return { type: t as PrimitiveName, logical, precision, scale: logical === 'decimal' ? (scale ?? 0) : scale }
  }
  switch (t) {
    case 'array':
      return { type: 'array', items: parseType(o.items, namespace, named) }
    case 'map':
      return { type: 'map', values: parseType(o.values, namespace, named) }
    case 'record':
    case 'error':
    case 'enum':
    case 'fixed':
      return parseNamed(o, t, namespace, named, logical, precision, scale)
    default:
      if (t !== undefined && typeof t === 'object') return parseType(t, namespace, named)
      throw new AvroSchemaError(`unknown type ${JSON.stringify(t)}`)
  }
}

function parseNamed(
  o: Record<string, unknown>,
  t: string,
  namespace: string,
  named: NamedTypes,
  logical: string | undefined,
  precision: number | undefined,
  scale: number | undefined
): NamedType {
  if (typeof o.name !== 'string') throw new AvroSchemaError(`a ${t} needs a name`)
  const ns = typeof o.namespace === 'string' ? o.namespace : namespace
  const full = fullName(o.name, ns)
  checkName(full)
  if (named.has(full)) throw new AvroSchemaError(`type '${full}' is defined twice`)
  const innerNs = full.includes('.') ? full.slice(0, full.lastIndexOf('.')) : ''
  const aliases = Array.isArray(o.aliases) ? o.aliases.map((a) => fullName(String(a), innerNs)) : []
  if (t === 'enum') {
    if (!Array.isArray(o.symbols) || o.symbols.some((s) => typeof s !== 'string' || !NAME.test(s))) {
      throw new AvroSchemaError(`enum '${full}' needs symbols (names)`)
    }
    if (new Set(o.symbols).size !== o.symbols.length) throw new AvroSchemaError(`enum '${full}' repeats a symbol`)
    const e: EnumType = { type: 'enum', name: full, aliases, symbols: o.symbols as string[], default: typeof o.default === 'string' ? o.default : undefined }
    named.set(full, e)
    return e
  }
  if (t === 'fixed') {
    if (typeof o.size !== 'number' || !Number.isInteger(o.size) || o.size < 0) throw new AvroSchemaError(`fixed '${full}' needs a size`)
    const f: FixedType = { type: 'fixed', name: full, aliases, size: o.size, logical, precision, scale: logical === 'decimal' ? (scale ?? 0) : scale }
    named.set(full, f)
    return f
  }
  if (!Array.isArray(o.fields)) throw new AvroSchemaError(`record '${full}' needs fields`)
  const r: RecordType = { type: 'record', name: full, aliases, fields: [] }
  named.set(full, r)
  const names = new Set<string>()
  for (const f of o.fields as Record<string, unknown>[]) {
    if (!f || typeof f.name !== 'string' || !NAME.test(f.name)) throw new AvroSchemaError(`record '${full}' has a field without a valid name`)
    if (names.has(f.name)) throw new AvroSchemaError(`record '${full}' has field '${f.name}' twice`)
    names.add(f.name)
    const type = parseType(f.type, innerNs, named)
    const fieldAliases = Array.isArray(f.aliases) ? f.aliases.map(String) : []
    r.fields.push({ name: f.name, aliases: fieldAliases, type, hasDefault: 'default' in f, default: f.default })
  }
  return r
}

/** Describes a type for messages: 'long', 'record com.x.Y', 'union[null,string]'. */
export function describeType(t: AvroType): string {
  switch (t.type) {
    case 'record':
    case 'enum':
    case 'fixed':
      return `${t.type} ${t.name}`
    case 'array':
      return `array<${describeType(t.items)}>`
    case 'map':
      return `map<${describeType(t.values)}>`
    case 'union':
      return `union[${t.branches.map(describeType).join(',')}]`
    default:
      return t.logical ? `${t.type}(${t.logical})` : t.type
  }
}
