import { JsonObjectSpecSchema } from '../../../../shared/model/jsonObjectSpec'
import type { SpecDto } from '../../../../shared/model/tables'
import type { SpecDraft } from './editorDraft'

export type FieldErrors = Record<string, string>

/** A spec draft as the engine takes it, or null with the reasons under `<prefix>.…` in `errors`. */
export function specToDto(spec: SpecDraft, prefix: 'key' | 'value', errors: FieldErrors): SpecDto | null {
  const before = Object.keys(errors).length
  const fail = (field: string, reason: string) => {
    errors[`${prefix}.${field}`] ??= reason
  }
  const done = (dto: SpecDto) => (Object.keys(errors).length === before ? dto : null)
  switch (spec.kind) {
    case 'ignore':
      return { kind: 'ignore' }
    case 'fromProperties':
      return { kind: 'fromProperties' }
    case 'simple': {
      const columnName = spec.simple.columnName.trim()
      if (!columnName) fail('simple.columnName', 'The column needs a name')
      return done({ kind: 'simple', columnName, type: spec.simple.type })
    }
    case 'json': {
      const columns = spec.json.columns.map((c) => ({ name: c.name.trim(), type: c.type }))
      if (columns.length === 0) fail('json.columns', 'Add at least one column (type it, or click a field of the sample)')
      const mapping: Record<string, string> = {}
      const seen = new Set<string>()
      spec.json.columns.forEach((c, i) => {
        const name = c.name.trim()
        if (!name) fail(`json.columns.${i}.name`, 'The column needs a name')
        else if (seen.has(name)) fail(`json.columns.${i}.name`, `Another column is named '${name}'`)
        seen.add(name)
        const pointer = c.pointer.trim()
        if (!pointer) return
        if (pointer in mapping) fail(`json.columns.${i}.pointer`, `'${pointer}' is mapped to '${mapping[pointer]}' already`)
        else if (pointer.startsWith('/') && /~[^01]|~$/.test(pointer)) fail(`json.columns.${i}.pointer`, 'In a JSON Pointer "~" is written "~0" and "/" inside a name "~1"')
        else mapping[pointer] = name
      })
      return done({ kind: 'json', columns, mapping })
    }
    case 'avro': {
      const a = spec.avro
      const version = parseVersion(a.version)
      let schema: string
      if (a.source === 'registry') {
        schema = a.subject.trim()
        if (!schema) fail('avro.subject', 'Pick or type a registry subject')
        else if (schema.startsWith('{')) fail('avro.subject', 'A subject name; paste a schema under "Pasted schema"')
        if (version === null) fail('avro.version', "A version is 'latest' or a number from 1")
      } else {
        schema = a.schema.trim()
        if (!schema) fail('avro.schema', 'Paste an Avro schema (JSON)')
        else if (!isJsonObject(schema)) fail('avro.schema', 'An Avro schema is a JSON object: {"type": "record", …}')
      }
      const mapping: Record<string, string> = {}
      a.mapping.forEach((row, i) => {
        const field = row.field.trim()
        const column = row.column.trim()
        if (!field && !column) return
        if (!field) fail(`avro.mapping.${i}.field`, 'Which field (dotted path, like a.b)?')
        else if (!column) fail(`avro.mapping.${i}.column`, 'The column needs a name')
        else if (field in mapping) fail(`avro.mapping.${i}.field`, `'${field}' is mapped already`)
        else mapping[field] = column
      })
      const hasMapping = Object.keys(mapping).length > 0
      if (a.mappedOnly && !hasMapping) fail('avro.mapping', '"Mapped fields only" needs at least one mapping row')
      return done({
        kind: 'avro',
        schema,
        version: a.source === 'registry' ? (version ?? 'latest') : 'latest',
        ...(hasMapping ? { mapping } : {}),
        ...(a.mappedOnly && hasMapping ? { mappedOnly: true } : {}),
        framing: a.framing
      })
    }
    case 'protobuf': {
      const p = spec.protobuf
      const messageName = p.messageName.trim()
      if (p.source === 'registry') {
        const subject = p.subject.trim()
        const version = parseVersion(p.version)
        if (!subject) fail('protobuf.subject', 'Pick or type a registry subject')
        if (version === null) fail('protobuf.version', "A version is 'latest' or a number from 1")
        return done({
          kind: 'protobuf',
          source: { subject, ...(version !== null && version !== 'latest' ? { version } : {}), ...(messageName ? { messageName } : {}) },
          protocol: p.protocol
        })
      }
      if (!p.proto.trim()) fail('protobuf.proto', 'Paste the .proto text')
      if (!messageName) fail('protobuf.messageName', 'Name the message the records hold (package.Message)')
      return done({ kind: 'protobuf', source: { proto: p.proto, messageName }, protocol: p.protocol })
    }
    case 'jsonObject':
      return jsonObjectSpec(spec.jsonObject.text, (reason) => fail('jsonObject.text', reason))
  }
}

function jsonObjectSpec(text: string, fail: (reason: string) => void): SpecDto | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    fail(`Not valid JSON: ${(e as Error).message}`)
    return null
  }
  const parsed = JsonObjectSpecSchema.safeParse({ ...(value as object), kind: 'jsonObject' })
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  fail(`${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
  return null
}

/** 'latest' (or empty) or a whole number from 1; null when it is neither. */
export function parseVersion(text: string): 'latest' | number | null {
  const t = text.trim().toLowerCase()
  if (t === '' || t === 'latest') return 'latest'
  return /^\d+$/.test(t) && Number(t) >= 1 ? Number(t) : null
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && !Array.isArray(value)
  } catch {
    return false
  }
}

/** The column names a spec gives (for clash checks); empty when they come from the schema or properties. */
export function declaredColumns(spec: SpecDto): string[] {
  if (spec.kind === 'simple') return [spec.columnName]
  if (spec.kind === 'json') return spec.columns.map((c) => c.name)
  return []
}
