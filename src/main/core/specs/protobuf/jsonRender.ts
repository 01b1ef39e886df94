/**
 * Renders repeated messages, maps of messages and JSON-mapped well-known types as compact JSON text (see README.md). 64-bit integers are JSON strings, bytes base64, enums their names.
 */
import { Enum, MapField, Type, type Field } from 'protobufjs'
import type { IncludeMatcher } from './includePaths'
import { SCALAR_WIRE } from './scalarTypes'
import { enumName } from './scalarReaders'
import { WT_LEN, unzigzag64, wordsToBigInt, WireCursor } from './wireCursor'

/**
 * Which fields of messages inside repeated fields and maps are rendered: those whose field path (from the root message;
 * a map's values under `<map>/value`) the include paths select. Undefined: every field.
 */
export interface Selection {
  readonly path: readonly string[]
  readonly include: IncludeMatcher
}

function below(sel: Selection | undefined, name: string): Selection | undefined {
  return sel === undefined ? undefined : { path: [...sel.path, name], include: sel.include }
}

/** Value occurrences of one field: triples (start, end, wire type); for LEN, [start, end) is the content. */
export type Occurrences = number[]

/** Scans messages at (start, end) pairs of `ranges` and collects every field's occurrences by field number. */
export function collectFields(buf: Buffer, ranges: readonly number[]): Map<number, Occurrences> {
  const c = new WireCursor()
  const out = new Map<number, Occurrences>()
  for (let i = 0; i < ranges.length; i += 2) {
    c.reset(buf, ranges[i], ranges[i + 1])
    while (c.pos < c.end) {
      const tag = c.readVarint32()
      const num = tag >>> 3
      const wt = tag & 7
      let start = c.pos
      let end: number
      if (wt === WT_LEN) {
        end = c.readLength()
        start = c.pos
        c.pos = end
      } else {
        c.skip(wt, num)
        end = c.pos
      }
      let list = out.get(num)
      if (list === undefined) out.set(num, (list = []))
      list.push(start, end, wt)
    }
  }
  return out
}

function scalarType(field: Field): string {
  return field.resolvedType instanceof Enum ? 'enum' : field.type
}

/** JSON text of one scalar at `c.pos`. */
function scalarJson(type: string, c: WireCursor, enumType: Enum | null): string {
  const buf = c.buf
  switch (type) {
    case 'double':
      return numberJson(buf.readDoubleLE(c.pos))
    case 'float':
      return numberJson(buf.readFloatLE(c.pos))
    case 'int32':
    case 'uint32':
      return String(c.readVarint32() | 0)
    case 'sint32': {
      const n = c.readVarint32()
      return String((n >>> 1) ^ -(n & 1))
    }
    case 'fixed32':
    case 'sfixed32':
      return String(buf.readInt32LE(c.pos))
    case 'int64':
    case 'uint64':
      c.readVarint64()
      return `"${wordsToBigInt(c.hi, c.lo)}"`
    case 'sint64':
      c.readVarint64()
      unzigzag64(c)
      return `"${wordsToBigInt(c.hi, c.lo)}"`
    case 'fixed64':
    case 'sfixed64':
      c.readFixed64()
      return `"${wordsToBigInt(c.hi, c.lo)}"`
    case 'bool':
      c.readVarint64()
      return (c.hi | c.lo) !== 0 ? 'true' : 'false'
    case 'enum':
      return JSON.stringify(enumName(enumType, c.readVarint32() | 0))
    default:
      throw new Error(`unknown Protobuf scalar type '${type}'`)
  }
}

function numberJson(v: number): string {
  return Number.isFinite(v) ? String(v) : `"${v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : 'NaN'}"`
}

/** JSON of a field's single value at occurrence `i` of `occ` (the last one for singular fields). */
function valueJson(field: Field, buf: Buffer, occ: Occurrences, i: number, keyType?: string, sel?: Selection): string {
  const type = keyType ?? scalarType(field)
  const start = occ[i]
  const end = occ[i + 1]
  if (keyType === undefined && field.resolvedType instanceof Type) return messageJson(field.resolvedType, buf, [start, end], sel)
  if (type === 'string') return JSON.stringify(buf.toString('utf8', start, end))
  if (type === 'bytes') return JSON.stringify(buf.toString('base64', start, end))
  const c = new WireCursor()
  c.reset(buf, start, end)
  return scalarJson(type, c, field.resolvedType instanceof Enum ? field.resolvedType : null)
}

/** The elements of a repeated field (packed or not) as a JSON array. */
export function listJson(field: Field, buf: Buffer, occ: Occurrences, sel?: Selection): string {
  const parts: string[] = []
  const type = scalarType(field)
  const packable = !(field.resolvedType instanceof Type) && type !== 'string' && type !== 'bytes'
  const elementWire = SCALAR_WIRE[type]
  const enumType = field.resolvedType instanceof Enum ? field.resolvedType : null
  for (let i = 0; i < occ.length; i += 3) {
    if (packable && occ[i + 2] === WT_LEN && elementWire !== WT_LEN) {
      const c = new WireCursor()
      c.reset(buf, occ[i], occ[i + 1])
      while (c.pos < c.end) {
        const p = c.pos
        parts.push(scalarJson(type, c, enumType))
        if (c.pos === p) c.pos += elementWire === 1 ? 8 : 4
      }
    } else {
      parts.push(valueJson(field, buf, occ, i, undefined, sel))
    }
  }
  return `[${parts.join(',')}]`
}

/** A map field's entries as a JSON object (keys as strings; the last entry of a key wins). */
export function mapJson(field: Field, buf: Buffer, occ: Occurrences, sel?: Selection): string {
  const valueSel = below(sel, 'value')
  const keyType = (field as unknown as MapField).keyType
  const entries = new Map<string, string>()
  const keyField = { type: keyType, resolvedType: null } as unknown as Field
  for (let i = 0; i < occ.length; i += 3) {
    const fields = collectFields(buf, [occ[i], occ[i + 1]])
    const k = fields.get(1)
    const v = fields.get(2)
    const key = k ? JSON.parse(valueJson(keyField, buf, k, k.length - 3, keyType)) : defaultKey(keyType)
    const value = v ? valueJson(field, buf, v, v.length - 3, undefined, valueSel) : defaultJson(field)
    entries.set(String(key), value)
  }
  const parts: string[] = []
  for (const [k, v] of entries) parts.push(`${JSON.stringify(k)}:${v}`)
  return `{${parts.join(',')}}`
}

/** A map entry's key as text (the JSON mapping's key), from the key occurrences of the entry (default when absent). */
export function mapKeyText(keyType: string, buf: Buffer, k: Occurrences | undefined): string {
  if (k === undefined) return defaultKey(keyType)
  if (keyType === 'string') return buf.toString('utf8', k[k.length - 3], k[k.length - 2])
  const keyField = { type: keyType, resolvedType: null } as unknown as Field
  return String(JSON.parse(valueJson(keyField, buf, k, k.length - 3, keyType)))
}

function defaultKey(type: string): string {
  return type === 'string' ? '' : type === 'bool' ? 'false' : '0'
}

function defaultJson(field: Field): string {
  const t = field.resolvedType
  if (t instanceof Type) return messageJson(t, Buffer.alloc(0), [])
  if (t instanceof Enum) return JSON.stringify(enumName(t, 0))
  switch (field.type) {
    case 'string':
    case 'bytes':
      return '""'
    case 'bool':
      return 'false'
    case 'int64':
    case 'uint64':
    case 'sint64':
    case 'fixed64':
    case 'sfixed64':
      return '"0"'
    default:
      return '0'
  }
}

/** A message (merged from the (start, end) pairs of `ranges`) as a JSON object of its present fields. */
export function messageJson(type: Type, buf: Buffer, ranges: readonly number[], sel?: Selection): string {
  const special = wellKnownJson(type, buf, ranges)
  if (special !== undefined) return special
  const fields = collectFields(buf, ranges)
  const parts: string[] = []
  for (const field of type.fieldsArray) {
    const occ = fields.get(field.id)
    if (occ === undefined) continue
    const fieldSel = below(sel, field.name)
    if (fieldSel !== undefined && !fieldSel.include(fieldSel.path)) continue
    parts.push(`${JSON.stringify(field.name)}:${fieldJson(field, buf, occ, fieldSel)}`)
  }
  return `{${parts.join(',')}}`
}

/** A field's value from all its occurrences: list, map, merged message or last scalar. */
export function fieldJson(field: Field, buf: Buffer, occ: Occurrences, sel?: Selection): string {
  if (field.map) return mapJson(field, buf, occ, sel)
  if (field.repeated) return listJson(field, buf, occ, sel)
  if (field.resolvedType instanceof Type) {
    const ranges: number[] = []
    for (let i = 0; i < occ.length; i += 3) ranges.push(occ[i], occ[i + 1])
    return messageJson(field.resolvedType, buf, ranges, sel)
  }
  return valueJson(field, buf, occ, occ.length - 3)
}

function lastInt64(fields: Map<number, Occurrences>, n: number, buf: Buffer): bigint {
  const occ = fields.get(n)
  if (!occ) return 0n
  const c = new WireCursor()
  c.reset(buf, occ[occ.length - 3], occ[occ.length - 2])
  c.readVarint64()
  return wordsToBigInt(c.hi, c.lo)
}

/** Protobuf JSON mapping of the well-known types; undefined for other types. */
function wellKnownJson(type: Type, buf: Buffer, ranges: readonly number[]): string | undefined {
  const name = type.fullName
  if (!name.startsWith('.google.protobuf.')) return undefined
  switch (name) {
    case '.google.protobuf.Timestamp': {
      const f = collectFields(buf, ranges)
      return JSON.stringify(timestampText(lastInt64(f, 1, buf), Number(BigInt.asIntN(32, lastInt64(f, 2, buf)))))
    }
    case '.google.protobuf.Duration': {
      const f = collectFields(buf, ranges)
      const ns = lastInt64(f, 1, buf) * 1_000_000_000n + BigInt.asIntN(32, lastInt64(f, 2, buf))
      return JSON.stringify(durationText(ns))
    }
    case '.google.protobuf.Struct': {
      const fields = collectFields(buf, ranges)
      return fieldJson(type.fieldsArray[0], buf, fields.get(1) ?? [])
    }
    case '.google.protobuf.ListValue': {
      const fields = collectFields(buf, ranges)
      return fieldJson(type.fieldsArray[0], buf, fields.get(1) ?? [])
    }
    case '.google.protobuf.Value': {
      const fields = collectFields(buf, ranges)
      let last: Field | undefined
      let lastPos = -1
      for (const field of type.fieldsArray) {
        const occ = fields.get(field.id)
        if (occ && occ[occ.length - 3] > lastPos) {
          lastPos = occ[occ.length - 3]
          last = field
        }
      }
      if (last === undefined || last.id === 1) return 'null'
      return fieldJson(last, buf, fields.get(last.id) as Occurrences)
    }
    case '.google.protobuf.FieldMask': {
      const fields = collectFields(buf, ranges)
      const occ = fields.get(1) ?? []
      const paths: string[] = []
      for (let i = 0; i < occ.length; i += 3) paths.push(buf.toString('utf8', occ[i], occ[i + 1]))
      return JSON.stringify(paths.join(','))
    }
    case '.google.protobuf.Any': {
      const fields = collectFields(buf, ranges)
      const url = fields.get(1)
      const value = fields.get(2)
      const typeUrl = url ? buf.toString('utf8', url[url.length - 3], url[url.length - 2]) : ''
      const bytes = value ? buf.toString('base64', value[value.length - 3], value[value.length - 2]) : ''
      return `{"@type":${JSON.stringify(typeUrl)},"value":${JSON.stringify(bytes)}}`
    }
    default:
      if (type.fieldsArray.length === 1 && type.fieldsArray[0].name === 'value' && name.endsWith('Value')) {
        const fields = collectFields(buf, ranges)
        const occ = fields.get(1)
        return occ ? fieldJson(type.fieldsArray[0], buf, occ) : defaultJson(type.fieldsArray[0])
      }
      return undefined
  }
}

function timestampText(seconds: bigint, nanos: number): string {
  const ms = Number(seconds) * 1000
  const d = new Date(ms)
  if (Number.isNaN(d.getTime())) return `${seconds}s`
  const base = d.toISOString().slice(0, 19)
  if (nanos === 0) return `${base}Z`
  const frac = String(nanos).padStart(9, '0')
  return `${base}.${frac.endsWith('000000') ? frac.slice(0, 3) : frac.endsWith('000') ? frac.slice(0, 6) : frac}Z`
}

function durationText(ns: bigint): string {
  const neg = ns < 0n
  const abs = neg ? -ns : ns
  const s = abs / 1_000_000_000n
  const frac = abs % 1_000_000_000n
  const f = frac === 0n ? '' : `.${String(frac).padStart(9, '0').replace(/0+$/, '')}`
  return `${neg ? '-' : ''}${s}${f}s`
}
