/**
 * Compiles a (writer schema, reader schema, column plan) triple into one function that reads an Avro record from
 * the cursor straight into the column writers: a closure per field, built once per writer schema.
 */
import type { ColumnWriter } from '../../engine/columnWriter'
import { RecordDecodeError } from '../recordDecodeError'
import { type FieldPlan, type LeafPlan, type RecordPlan, leafColumnType } from './avroColumns'
import * as c from './avroCursor'
import { matches, nullableBranch, readerBranch } from './avroMatch'
import { describeType, type AvroField, type AvroType, type RecordType } from './avroSchema'
import { decimalText, jsonText } from './avroText'
import { AvroResolveError, badBranch, defaultValue, enumMap, skipper, valueReader } from './avroValue'
import { timestampSink } from './avroFieldErrors'

export type Sink = (ws: readonly ColumnWriter[], f: number) => void

/** The record decoder for this writer schema; throws AvroResolveError when it cannot resolve to the reader. */
export function compileRoot(w: AvroType, r: RecordType, plan: RecordPlan): Sink {
  if (w.type !== 'record') throw new AvroResolveError(`the writer schema is ${describeType(w)}, not a record`)
  return recordInto(w, r, plan)
}

export function nullsInto(columns: readonly number[]): Sink {
  return (ws, f) => {
    for (let i = 0; i < columns.length; i++) ws[f + columns[i]].appendNull()
  }
}

function recordInto(w: RecordType, r: RecordType, plan: RecordPlan): Sink {
  const steps: Sink[] = []
  const used = new Set<AvroField>()
  for (const wf of w.fields) {
    const i = r.fields.findIndex((f) => f.name === wf.name || f.aliases.includes(wf.name))
    const fp = i < 0 ? null : plan.fields[i]
    if (i >= 0) used.add(r.fields[i])
    if (fp === null) {
      const skip = skipper(wf.type)
      steps.push(() => skip())
      continue
    }
    try {
      steps.push(fieldInto(wf.type, r.fields[i].type, fp))
    } catch (e) {
      if (e instanceof AvroResolveError) throw new AvroResolveError(`field '${r.name}.${wf.name}': ${e.message}`)
      throw e
    }
  }
  r.fields.forEach((rf, i) => {
    if (used.has(rf)) return
    const value = defaultValue(rf.type, rf.default, rf.hasDefault, `${r.name}.${rf.name}`)
    const fp = plan.fields[i]
    if (fp !== null) steps.push(defaultInto(rf.type, fp, value, rf.default))
  })
  return sequence(steps)
}

/**
 * One function calling each step from its own call site (a loop over the steps would make one megamorphic site):
 * generated source, so V8 can inline every field's closure.
 */
function sequence(steps: readonly Sink[]): Sink {
  if (steps.length === 1) return steps[0]
  if (steps.length > 200) {
    return (ws, f) => {
      for (let i = 0; i < steps.length; i++) steps[i](ws, f)
    }
  }
  const names = steps.map((_, i) => `s${i}`)
  const body = `return function avroRecord(ws, f) {\n${names.map((n) => `  ${n}(ws, f)`).join('\n')}\n}`
  return new Function(...names, body)(...steps) as Sink
}

function fieldInto(w: AvroType, r: AvroType, plan: FieldPlan): Sink {
  if (plan.kind === 'leaf' && plan.columnType === 'string' && isJsonLeaf(r)) {
    const read = valueReader(w, r)
    const col = plan.column
    return (ws, f) => {
      const v = read()
      if (v === null) ws[f + col].appendNull()
      else ws[f + col].appendString(jsonText(v))
    }
  }
  if (w.type === 'union') {
    const branches = w.branches.map((b): Sink | string => {
      if (b.type === 'null') return nullsInto(plan.kind === 'leaf' ? [plan.column] : plan.columns)
      try {
        return fieldInto(b, r, plan)
      } catch (e) {
        if (e instanceof AvroResolveError) return e.message
        throw e
      }
    })
    if (branches.every((b) => typeof b === 'string')) throw new AvroResolveError(`no branch of writer ${describeType(w)} resolves to reader ${describeType(r)}`)
    const n = branches.length
    return (ws, f) => {
      const i = c.readInt()
      if (i < 0 || i >= n) throw badBranch(i, n)
      const b = branches[i]
      if (typeof b === 'string') throw new RecordDecodeError(b)
      b(ws, f)
    }
  }
  if (r.type === 'union') {
    const i = readerBranch(w, r.branches)
    if (i < 0) throw new AvroResolveError(`writer ${describeType(w)} matches no branch of reader ${describeType(r)}`)
    const rb = r.branches[i]
    if (rb.type === 'null') return nullsInto(plan.kind === 'leaf' ? [plan.column] : plan.columns)
    return fieldInto(w, rb, plan)
  }
  if (!matches(w, r)) throw new AvroResolveError(`writer ${describeType(w)} cannot be read as ${describeType(r)}`)
  if (plan.kind === 'record') return recordInto(w as RecordType, r as RecordType, plan)
  return leafInto(w, r, plan)
}

/** Reader types shown as JSON text in a string column: arrays and maps of records or containers, unions other than [null, T], null. */
function isJsonLeaf(r: AvroType): boolean {
  const inner = nullableBranch(r) ?? r
  return inner.type === 'array' || inner.type === 'map' || inner.type === 'union' || inner.type === 'null'
}

function leafInto(w: AvroType, r: AvroType, plan: LeafPlan): Sink {
  const col = plan.column
  const name = plan.name
  switch (r.type) {
    case 'boolean':
      return (ws, f) => ws[f + col].appendBool(c.readBoolean())
    case 'int':
      return (ws, f) => ws[f + col].appendNumber(c.readInt())
    case 'long':
      if (r.logical === 'timestamp-millis' || r.logical === 'timestamp-micros' || r.logical === 'timestamp-nanos') {
        return timestampSink(w.type === 'int', r.logical, col, name)
      }
      if (w.type === 'int') return (ws, f) => ws[f + col].appendNumber(c.readInt())
      return (ws, f) => {
        const v = c.readLong()
        if (v === v) ws[f + col].appendNumber(v)
        else ws[f + col].appendInt64(c.longHi(), c.longLo())
      }
    case 'float':
    case 'double':
      switch (w.type) {
        case 'int':
          return (ws, f) => ws[f + col].appendNumber(c.readInt())
        case 'long':
          return (ws, f) => {
            const v = c.readLong()
            ws[f + col].appendNumber(v === v ? v : Number(c.longBigInt(v)))
          }
        case 'float':
          return (ws, f) => ws[f + col].appendNumber(c.readFloat())
        default:
          return (ws, f) => ws[f + col].appendNumber(c.readDouble())
      }
    case 'string':
    case 'bytes':
      if (r.type === 'bytes' && r.logical === 'decimal') {
        const scale = ('logical' in w && w.logical === 'decimal' ? w.scale : r.scale) ?? 0
        return (ws, f) => ws[f + col].appendString(decimalText(c.cur.buf, c.readBytesStart(), c.cur.pos, scale))
      }
      return (ws, f) => ws[f + col].appendUtf8(c.cur.buf, c.readBytesStart(), c.cur.pos)
    case 'fixed': {
      const size = r.size
      if (r.logical === 'decimal') {
        const scale = r.scale ?? 0
        return (ws, f) => ws[f + col].appendString(decimalText(c.cur.buf, c.readFixedStart(size), c.cur.pos, scale))
      }
      return (ws, f) => ws[f + col].appendUtf8(c.cur.buf, c.readFixedStart(size), c.cur.pos)
    }
    case 'enum': {
      const symbols = enumMap(w as typeof r, r)
      const n = symbols.length
      return (ws, f) => {
        const i = c.readInt()
        const s = i >= 0 && i < n ? symbols[i] : undefined
        if (s === undefined) throw new RecordDecodeError(`enum ${r.name}: writer symbol index ${i} has no reader symbol and the reader has no default`, name)
        ws[f + col].appendString(s)
      }
    }
    case 'array': {
      const items = elementSink((w as typeof r).items, r.items, plan)
      const child: ColumnWriter[] = []
      return (ws, f) => {
        const column = ws[f + col]
        child[0] = column.child(0)
        for (let n = c.readBlockCount(); n !== 0; n = c.readBlockCount()) {
          for (let k = 0; k < n; k++) items(child, 0)
        }
        column.appendList()
      }
    }
    case 'map': {
      const values = elementSink((w as typeof r).values, r.values, plan)
      const child: ColumnWriter[] = []
      return (ws, f) => {
        const column = ws[f + col]
        const keys = column.child(0)
        child[0] = column.child(1)
        for (let n = c.readBlockCount(); n !== 0; n = c.readBlockCount()) {
          for (let k = 0; k < n; k++) {
            keys.appendUtf8(c.cur.buf, c.readBytesStart(), c.cur.pos)
            values(child, 0)
          }
        }
        column.appendList()
      }
    }
    default:
      throw new AvroResolveError(`cannot put ${describeType(r)} into column '${name}'`)
  }
}

/** Reads one array item or map value into column 0 of the writers it is given: a list's or map's child column. */
function elementSink(w: AvroType, r: AvroType, plan: LeafPlan): Sink {
  const columnType = leafColumnType(r)
  return fieldInto(w, r, { kind: 'leaf', column: 0, name: plan.name, columnType })
}

/** Appends a reader default (already converted by defaultValue; `raw` is its Avro JSON form). */
function defaultInto(r: AvroType, plan: FieldPlan, value: unknown, raw: unknown): Sink {
  if (plan.kind === 'record') {
    const inner = r.type === 'union' ? r.branches[0] : r
    if (value === null || inner.type !== 'record') return nullsInto(plan.columns)
    const o = value as Record<string, unknown>
    const rawObject = (raw ?? {}) as Record<string, unknown>
    const steps: Sink[] = []
    inner.fields.forEach((rf, i) => {
      const fp = plan.fields[i]
      if (fp !== null) steps.push(defaultInto(rf.type, fp, o[rf.name], rf.name in rawObject ? rawObject[rf.name] : rf.default))
    })
    return (ws, f) => {
      for (const s of steps) s(ws, f)
    }
  }
  const col = plan.column
  if (value === null || value === undefined) return (ws, f) => ws[f + col].appendNull()
  if (plan.columnType.startsWith('list<') || plan.columnType.startsWith('map<')) return nestedDefault(col, value)
  if (plan.columnType === 'string' && isJsonLeaf(r)) {
    const text = jsonText(value)
    return (ws, f) => ws[f + col].appendString(text)
  }
  const inner = r.type === 'union' ? r.branches[0] : r
  const logical = 'logical' in inner ? inner.logical : undefined
  switch (plan.columnType) {
    case 'timestamp': {
      const n = BigInt(value as number | bigint)
      const ns = logical === 'date' ? n * 86_400_000_000_000n : logical === 'timestamp-millis' ? n * 1_000_000n : logical === 'timestamp-micros' ? n * 1000n : n
      return (ws, f) => ws[f + col].appendBigInt(ns)
    }
    case 'int64': {
      const n = BigInt(value as number | bigint)
      return (ws, f) => ws[f + col].appendBigInt(n)
    }
    case 'bool':
      return (ws, f) => ws[f + col].appendBool(value === true)
    case 'bytes': {
      const bytes = Buffer.from(String(raw), 'latin1')
      return (ws, f) => ws[f + col].appendUtf8(bytes, 0, bytes.length)
    }
    case 'string':
    case 'decimal': {
      const s = String(value)
      return (ws, f) => ws[f + col].appendString(s)
    }
    default: {
      const n = Number(value)
      return (ws, f) => ws[f + col].appendNumber(n)
    }
  }
}

/** A list or map default (converted by defaultValue): elements by their JS type; timestamps in a default are taken as ms. */
function nestedDefault(col: number, value: unknown): Sink {
  const entries: [string | null, unknown][] = Array.isArray(value) ? value.map((v) => [null, v]) : Object.entries(value as object)
  const put = (w: ColumnWriter, v: unknown): void => {
    if (v === null) w.appendNull()
    else if (typeof v === 'bigint') w.appendBigInt(v)
    else if (typeof v === 'number') w.appendNumber(v)
    else if (typeof v === 'boolean') w.appendBool(v)
    else if (typeof v === 'string' || v instanceof Uint8Array) w.appendString(String(v))
    else w.appendString(jsonText(v))
  }
  return (ws, f) => {
    const column = ws[f + col]
    for (const [key, v] of entries) {
      if (key !== null) column.child(0).appendString(key)
      put(column.child(key === null ? 0 : 1), v)
    }
    column.appendList()
  }
}
