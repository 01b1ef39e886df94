import type { ColumnDef, ScalarType } from '../../../../shared/model/columns'
import type { SpecDto } from '../../../../shared/model/tables'
import type { Arg, Expr } from './ast'
import { bindArguments, callOf, type TranslationContext } from './context'
import { columnTypeForDtype } from './dtypes'
import { literal, PyDict, PyInt, pyTypeName, type PyValue } from './literals'
import { Unmappable } from './scope'

// key_spec / value_spec expressions (kc.simple_spec(...), kc.json_spec(...), KeyValueSpec.IGNORE, ...) as
// the IPC spec shapes of src/shared/model/tables.ts.

const SIMPLE_PARAMS = ['col_name', 'data_type']
const JSON_PARAMS = ['col_defs', 'mapping']
const AVRO_PARAMS = ['schema', 'schema_version', 'mapping', 'mapped_only']
const PROTOBUF_PARAMS = ['schema', 'schema_version', 'schema_message_name', 'message_class', 'include', 'protocol']

/** The spec for a key_spec/value_spec argument; unmappable parts are reported and give undefined. */
export function translateSpec(expr: Expr, side: 'key_spec' | 'value_spec', ctx: TranslationContext): SpecDto | undefined {
  return ctx.attempt(() => specOf(expr, ctx), `${side}: `)
}

function specOf(expr: Expr, ctx: TranslationContext): SpecDto {
  const target = ctx.scope.deref(expr)
  if (target.kind === 'const' && target.value === null) return { kind: 'fromProperties' }
  const name = ctx.scope.qualifiedName(target)
  if (name === 'kc.KeyValueSpec.IGNORE') return { kind: 'ignore' }
  if (name === 'kc.KeyValueSpec.FROM_PROPERTIES') return { kind: 'fromProperties' }
  const call = callOf(target, ctx.scope)
  if (!call) throw new Unmappable(target, 'not a Deephaven key/value spec (expected kc.simple_spec, json_spec, avro_spec, protobuf_spec or KeyValueSpec.IGNORE)')
  switch (call.name) {
    case 'kc.simple_spec':
      return simpleSpec(call.call, ctx)
    case 'kc.json_spec':
      return jsonSpec(call.call, ctx)
    case 'kc.avro_spec':
      return avroSpec(call.call, ctx)
    case 'kc.protobuf_spec':
      return protobufSpec(call.call, ctx)
    case 'kc.object_processor_spec':
      throw new Unmappable(target, 'object_processor_spec runs a Java object processor (such as deephaven.json.jackson); the editor has no equivalent: use a JSON value spec')
  }
  throw new Unmappable(target, `\`${call.name ?? 'this call'}(...)\` is not a Deephaven key/value spec`)
}

type Call = Extract<Expr, { kind: 'call' }>

function simpleSpec(call: Call, ctx: TranslationContext): SpecDto {
  const args = bindArguments(call, 'simple_spec', SIMPLE_PARAMS)
  const columnName = requiredString(args.get('col_name'), call, 'simple_spec', 'col_name', ctx)
  const dataType = args.get('data_type')
  if (!dataType || isNone(dataType.value, ctx)) return { kind: 'simple', columnName }
  return { kind: 'simple', columnName, type: dtypeOf(dataType.value, ctx) }
}

function jsonSpec(call: Call, ctx: TranslationContext): SpecDto {
  const args = bindArguments(call, 'json_spec', JSON_PARAMS)
  const colDefs = args.get('col_defs')
  if (!colDefs) throw new Unmappable(call, 'json_spec needs col_defs (a dict of column name → dtype)')
  const columns = jsonColumns(ctx.scope.deref(colDefs.value), ctx)
  const mappingArg = args.get('mapping')
  const mapping = mappingArg ? stringMap(mappingArg.value, 'mapping', ctx) ?? {} : {}
  return { kind: 'json', columns, mapping }
}

function jsonColumns(defs: Expr, ctx: TranslationContext): ColumnDef[] {
  const pairs: [Expr, Expr][] = []
  if (defs.kind === 'dict') {
    for (const entry of defs.entries) {
      if ('spread' in entry) throw new Unmappable(entry.spread, '`**` in json_spec col_defs is not read; write the columns out')
      pairs.push([entry.key, entry.value])
    }
  } else if (defs.kind === 'list' || defs.kind === 'tuple') {
    for (const item of defs.items) {
      const pair = ctx.scope.deref(item)
      if ((pair.kind !== 'tuple' && pair.kind !== 'list') || pair.items.length !== 2) throw new Unmappable(item, 'a json_spec column is a (name, dtype) pair')
      pairs.push([pair.items[0]!, pair.items[1]!])
    }
  } else throw new Unmappable(defs, 'json_spec col_defs must be a dict of column name → dtype or a list of (name, dtype) pairs')
  if (pairs.length === 0) throw new Unmappable(defs, 'json_spec needs at least one column')
  return pairs.map(([nameExpr, typeExpr]) => {
    const name = literal(nameExpr, ctx.scope)
    if (typeof name !== 'string' || !name) throw new Unmappable(nameExpr, 'a column name must be a non-empty string')
    return { name, type: dtypeOf(typeExpr, ctx) }
  })
}

function avroSpec(call: Call, ctx: TranslationContext): SpecDto {
  const args = bindArguments(call, 'avro_spec', AVRO_PARAMS)
  const schema = requiredString(args.get('schema'), call, 'avro_spec', 'schema', ctx)
  if (!schema.trim()) throw new Unmappable(args.get('schema')!.value, 'avro_spec schema is empty')
  const version = avroVersion(args.get('schema_version'), ctx)
  const mappingArg = args.get('mapping')
  const mapping = mappingArg ? stringMap(mappingArg.value, 'mapping', ctx) : undefined
  const mappedOnlyArg = args.get('mapped_only')
  const mappedOnly = mappedOnlyArg ? literal(mappedOnlyArg.value, ctx.scope) : false
  if (typeof mappedOnly !== 'boolean') throw new Unmappable(mappedOnlyArg!.value, 'mapped_only must be True or False')
  const spec: SpecDto = { kind: 'avro', schema: schema.trim().startsWith('{') ? schema.trim() : schema, version, framing: 'confluent' }
  if (mapping && Object.keys(mapping).length > 0) return { ...spec, mapping, ...(mappedOnly ? { mappedOnly: true } : {}) }
  if (mappedOnly) ctx.note('avro_spec mapped_only=True without a mapping has no effect (Deephaven ignores it too)')
  return spec
}

function avroVersion(arg: Arg | undefined, ctx: TranslationContext): 'latest' | number {
  if (!arg) return 'latest'
  const value = literal(arg.value, ctx.scope)
  if (value === null || value === 'latest') return 'latest'
  const text = value instanceof PyInt ? value.value.toString() : typeof value === 'string' ? value.trim() : ''
  if (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= Number.MAX_SAFE_INTEGER) return Number(text)
  throw new Unmappable(arg.value, `schema_version must be "latest" or a version number from 1, not ${describeValue(value)}`)
}

function protobufSpec(call: Call, ctx: TranslationContext): SpecDto {
  const args = bindArguments(call, 'protobuf_spec', PROTOBUF_PARAMS)
  const messageClass = args.get('message_class')
  if (messageClass && !isNone(messageClass.value, ctx)) {
    throw new Unmappable(messageClass.value, 'message_class names a Java class on the Deephaven server; the editor reads Protobuf schemas from a registry subject instead')
  }
  const subjectArg = args.get('schema')
  if (!subjectArg || isNone(subjectArg.value, ctx)) throw new Unmappable(call, 'protobuf_spec needs schema (a registry subject)')
  const subject = requiredString(subjectArg, call, 'protobuf_spec', 'schema', ctx)
  const source: { subject: string; version?: number; messageName?: string } = { subject }
  const versionArg = args.get('schema_version')
  if (versionArg) {
    const version = literal(versionArg.value, ctx.scope)
    if (version instanceof PyInt && version.value >= 1n && version.value <= BigInt(Number.MAX_SAFE_INTEGER)) source.version = Number(version.value)
    else if (!(version === null || (version instanceof PyInt && version.value === 0n))) throw new Unmappable(versionArg.value, 'schema_version must be a version number from 1 (or None for the latest)')
  }
  const messageArg = args.get('schema_message_name')
  if (messageArg && !isNone(messageArg.value, ctx)) source.messageName = requiredString(messageArg, call, 'protobuf_spec', 'schema_message_name', ctx)
  const spec: SpecDto = { kind: 'protobuf', source, protocol: protobufProtocol(args.get('protocol'), ctx) }
  const includeArg = args.get('include')
  if (!includeArg || isNone(includeArg.value, ctx)) return spec
  const include = literal(includeArg.value, ctx.scope)
  if (!Array.isArray(include) || !include.every((path): path is string => typeof path === 'string' && path.length > 0)) {
    throw new Unmappable(includeArg.value, 'include must be a list of field paths such as "/foo/bar"')
  }
  return { ...spec, include }
}

function protobufProtocol(arg: Arg | undefined, ctx: TranslationContext): 'serdes' | 'raw' {
  if (!arg || isNone(arg.value, ctx)) return 'serdes'
  const call = callOf(arg.value, ctx.scope)
  if (call?.name === 'kc.ProtobufProtocol.serdes' && call.call.args.length === 0) return 'serdes'
  if (call?.name === 'kc.ProtobufProtocol.raw' && call.call.args.length === 0) return 'raw'
  throw new Unmappable(arg.value, 'protocol must be ProtobufProtocol.serdes() or ProtobufProtocol.raw()')
}

function dtypeOf(expr: Expr, ctx: TranslationContext): ScalarType {
  const name = ctx.scope.qualifiedName(expr)
  if (!name?.startsWith('dtypes.')) throw new Unmappable(expr, `\`${ctx.text(expr)}\` is not a Deephaven dtype (such as dtypes.string or dtypes.int64)`)
  const result = columnTypeForDtype(name.slice('dtypes.'.length))
  if (!result.ok) throw new Unmappable(expr, result.reason)
  if (result.note) ctx.note(result.note)
  return result.type
}

function stringMap(expr: Expr, what: string, ctx: TranslationContext): Record<string, string> | undefined {
  const value = literal(expr, ctx.scope)
  if (value === null) return undefined
  if (!(value instanceof PyDict)) throw new Unmappable(expr, `${what} must be a dict of names, not ${pyTypeName(value)}`)
  const result: Record<string, string> = {}
  for (const entry of value.entries) {
    if (typeof entry.key !== 'string' || typeof entry.value !== 'string' || !entry.value) throw new Unmappable(entry.keyExpr, `${what} entries map a name to a name (both strings)`)
    result[entry.key] = entry.value
  }
  return result
}

function requiredString(arg: Arg | undefined, call: Call, fn: string, param: string, ctx: TranslationContext): string {
  if (!arg) throw new Unmappable(call, `${fn} needs ${param}`)
  const value = literal(arg.value, ctx.scope)
  if (typeof value !== 'string' || !value) throw new Unmappable(arg.value, `${fn} ${param} must be a non-empty string, not ${describeValue(value)}`)
  return value
}

function isNone(expr: Expr, ctx: TranslationContext): boolean {
  const target = ctx.scope.deref(expr)
  return target.kind === 'const' && target.value === null
}

function describeValue(value: PyValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : value instanceof PyInt ? value.value.toString() : pyTypeName(value)
}
