/**
 * Compiled readers that build plain JS values (for list/map/union columns shown as JSON text, and reader defaults),
 * and skippers for writer-only fields. Values: long → number (bigint beyond ±2^52), bytes/fixed → base64,
 * decimal → exact text, enum → symbol, record → object, array → array, map → object, union → the branch's value.
 */
import { RecordDecodeError } from '../recordDecodeError'
import * as c from './avroCursor'
import { readerBranch, matches } from './avroMatch'
import { describeType, type AvroType, type RecordType } from './avroSchema'
import { decimalText } from './avroText'

export type Reader = () => unknown
export type Skipper = () => void

export class AvroResolveError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AvroResolveError'
  }
}

const skippers = new WeakMap<AvroType, Skipper>()

export function skipper(w: AvroType): Skipper {
  let s = skippers.get(w)
  if (s) return s
  if (w.type === 'record') {
    let fields: Skipper[] | null = null
    s = () => {
      if (fields === null) fields = w.fields.map((f) => skipper(f.type))
      for (let i = 0; i < fields.length; i++) fields[i]()
    }
    skippers.set(w, s)
    return s
  }
  s = makeSkipper(w)
  skippers.set(w, s)
  return s
}

function makeSkipper(w: AvroType): Skipper {
  switch (w.type) {
    case 'null':
      return () => {}
    case 'boolean':
      return () => void c.readFixedStart(1)
    case 'int':
    case 'enum':
      return () => void c.readInt()
    case 'long':
      return () => void c.readLong()
    case 'float':
      return () => void c.readFixedStart(4)
    case 'double':
      return () => void c.readFixedStart(8)
    case 'bytes':
    case 'string':
      return () => void c.readBytesStart()
    case 'fixed':
      return () => void c.readFixedStart(w.size)
    case 'array': {
      const item = skipper(w.items)
      return () => {
        for (let n = c.readBlockCount(); n !== 0; n = c.readBlockCount()) for (let i = 0; i < n; i++) item()
      }
    }
    case 'map': {
      const value = skipper(w.values)
      return () => {
        for (let n = c.readBlockCount(); n !== 0; n = c.readBlockCount()) {
          for (let i = 0; i < n; i++) {
            c.readBytesStart()
            value()
          }
        }
      }
    }
    case 'union': {
      const branches = w.branches.map(skipper)
      return () => {
        const i = c.readInt()
        if (i < 0 || i >= branches.length) throw badBranch(i, branches.length)
        branches[i]()
      }
    }
    default:
      throw new AvroResolveError(`cannot skip ${describeType(w)}`)
  }
}

export function badBranch(i: number, n: number): RecordDecodeError {
  return new RecordDecodeError(`invalid Avro union branch ${i} (the writer union has ${n})`)
}

/** Reads a writer value as the reader type. Throws AvroResolveError when the types cannot resolve. */
export function valueReader(w: AvroType, r: AvroType): Reader {
  if (w.type === 'union') {
    const branches = w.branches.map((b) => tryReader(b, r))
    return () => {
      const i = c.readInt()
      if (i < 0 || i >= branches.length) throw badBranch(i, branches.length)
      const b = branches[i]
      if (typeof b === 'string') throw new RecordDecodeError(b)
      return b()
    }
  }
  if (r.type === 'union') {
    const i = readerBranch(w, r.branches)
    if (i < 0) throw new AvroResolveError(`writer ${describeType(w)} matches no branch of reader ${describeType(r)}`)
    return valueReader(w, r.branches[i])
  }
  if (!matches(w, r)) throw new AvroResolveError(`writer ${describeType(w)} cannot be read as ${describeType(r)}`)
  switch (r.type) {
    case 'null':
      return () => null
    case 'boolean':
      return c.readBoolean
    case 'int':
      return c.readInt
    case 'long':
      return w.type === 'int' ? c.readInt : () => {
        const v = c.readLong()
        return v === v ? v : c.longBigInt(v)
      }
    case 'float':
    case 'double':
      if (w.type === 'int') return c.readInt
      if (w.type === 'long') return () => Number(c.longBigInt(c.readLong()))
      return w.type === 'float' ? c.readFloat : c.readDouble
    case 'string':
      return c.readString
    case 'bytes':
      if (r.logical === 'decimal' && w.type === 'bytes' && w.logical === 'decimal') {
        const scale = r.scale ?? 0
        return () => decimalText(c.cur.buf, c.readBytesStart(), c.cur.pos, scale)
      }
      return () => c.cur.buf.toString('base64', c.readBytesStart(), c.cur.pos)
    case 'fixed': {
      const size = r.size
      if (r.logical === 'decimal') {
        const scale = r.scale ?? 0
        return () => decimalText(c.cur.buf, c.readFixedStart(size), c.cur.pos, scale)
      }
      return () => c.cur.buf.toString('base64', c.readFixedStart(size), c.cur.pos)
    }
    case 'enum': {
      const map = enumMap(w as typeof r, r)
      return () => {
        const i = c.readInt()
        const s = map[i]
        if (s === undefined) throw new RecordDecodeError(`enum ${r.name}: writer symbol index ${i} has no reader symbol`)
        return s
      }
    }
    case 'array': {
      const item = valueReader((w as typeof r).items, r.items)
      return () => {
        const out: unknown[] = []
        for (let n = c.readBlockCount(); n !== 0; n = c.readBlockCount()) for (let i = 0; i < n; i++) out.push(item())
        return out
      }
    }
    case 'map': {
      const value = valueReader((w as typeof r).values, r.values)
      return () => {
        const out: Record<string, unknown> = {}
        for (let n = c.readBlockCount(); n !== 0; n = c.readBlockCount()) {
          for (let i = 0; i < n; i++) {
            const k = c.readString()
            out[k] = value()
          }
        }
        return out
      }
    }
    case 'record':
      return recordReader(w as RecordType, r)
  }
}

function tryReader(w: AvroType, r: AvroType): Reader | string {
  try {
    return valueReader(w, r)
  } catch (e) {
    if (e instanceof AvroResolveError) return e.message
    throw e
  }
}

const recordReaders = new WeakMap<RecordType, WeakMap<RecordType, Reader>>()

function recordReader(w: RecordType, r: RecordType): Reader {
  let byReader = recordReaders.get(w)
  if (!byReader) recordReaders.set(w, (byReader = new WeakMap()))
  const known = byReader.get(r)
  if (known) return known
  let steps: (() => void)[] | null = null
  let out: Record<string, unknown> = {}
  const reader: Reader = () => {
    if (steps === null) steps = compile()
    const saved = out
    out = {}
    for (let i = 0; i < steps.length; i++) steps[i]()
    const result = out
    out = saved
    return result
  }
  byReader.set(r, reader)
  const compile = (): (() => void)[] => {
    const list: (() => void)[] = []
    const used = new Set<string>()
    for (const wf of w.fields) {
      const rf = r.fields.find((f) => f.name === wf.name || f.aliases.includes(wf.name))
      if (!rf) {
        list.push(skipper(wf.type))
        continue
      }
      used.add(rf.name)
      const read = valueReader(wf.type, rf.type)
      const name = rf.name
      list.push(() => {
        out[name] = read()
      })
    }
    for (const rf of r.fields) {
      if (used.has(rf.name)) continue
      const value = defaultValue(rf.type, rf.default, rf.hasDefault, `${r.name}.${rf.name}`)
      const name = rf.name
      list.push(() => {
        out[name] = value
      })
    }
    return list
  }
  steps = compile()
  return reader
}

/** Writer index → reader symbol (reader default for unknown symbols). */
export function enumMap(w: { symbols: readonly string[] }, r: { symbols: readonly string[]; default?: string }): (string | undefined)[] {
  return w.symbols.map((s) => (r.symbols.includes(s) ? s : r.default))
}

/** A reader default (Avro JSON encoding) as the value a reader would produce. */
export function defaultValue(r: AvroType, json: unknown, has: boolean, where: string): unknown {
  if (!has) throw new AvroResolveError(`reader field '${where}' is missing from the writer schema and has no default`)
  switch (r.type) {
    case 'union':
      return defaultValue(r.branches[0], json, true, where)
    case 'null':
      return null
    case 'long':
      return typeof json === 'number' && !Number.isSafeInteger(json) ? BigInt(json) : json
    case 'bytes':
    case 'fixed':
      if (typeof json !== 'string') return json
      if (r.logical === 'decimal') return decimalText(Buffer.from(json, 'latin1'), 0, json.length, r.scale ?? 0)
      return Buffer.from(json, 'latin1').toString('base64')
    case 'record': {
      const o = (json ?? {}) as Record<string, unknown>
      const out: Record<string, unknown> = {}
      for (const f of r.fields) out[f.name] = defaultValue(f.type, f.name in o ? o[f.name] : f.default, f.name in o || f.hasDefault, `${where}.${f.name}`)
      return out
    }
    case 'array':
      return Array.isArray(json) ? json.map((x) => defaultValue(r.items, x, true, where)) : json
    case 'map': {
      const out: Record<string, unknown> = {}
      for (const [k, x] of Object.entries((json ?? {}) as Record<string, unknown>)) out[k] = defaultValue(r.values, x, true, where)
      return out
    }
    default:
      return json
  }
}
