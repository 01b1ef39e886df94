import { Enum, Type, type Field } from 'protobufjs'
import type { ColumnDef, ColumnType } from '../../types'
import { SpecError } from '../resolvePartDecoder'
import type { IncludeMatcher } from './includePaths'
import { listJson, mapJson, messageJson, type Selection } from './jsonRender'
import { MessageNode, SLOT_LIST, SLOT_MESSAGE, SLOT_SCALAR, type ChildNuller, type ChildWriter, type SlotSpec } from './messageNode'
import { listWriter, mapWriter } from './repeatedColumns'
import { SCALAR_COLUMN, SCALAR_WIRE } from './scalarTypes'
import { defaultWriter, scalarReader } from './scalarReaders'
import { wellKnownKind, wrapperScalar } from './wellKnown'
import { WT_VARINT } from './wireCursor'

export interface CompiledMessage {
  columns: ColumnDef[]
  root: MessageNode
}

interface Leaf {
  slot: SlotSpec
  write: ChildWriter
  writeNull: ChildNuller
}

/**
 * Plans the columns of `type` (nested messages flattened with '_', well-known types as single columns, repeated
 * scalars as list columns, maps of scalars as map columns, repeated messages and maps of messages as JSON text) and
 * compiles the decoder tree that writes them.
 */
export function compileMessage(type: Type, include: IncludeMatcher): CompiledMessage {
  const columns: ColumnDef[] = []
  const root = compileNode(type, [], [type.fullName], include, columns)
  const used = new Map<string, number>()
  for (const column of columns) {
    const n = used.get(column.name)
    if (n === undefined) {
      used.set(column.name, 1)
      continue
    }
    let k = n + 1
    while (used.has(`${column.name}_${k}`)) k++
    used.set(column.name, k)
    column.name = `${column.name}_${k}`
    used.set(column.name, 1)
  }
  return { columns, root }
}

function compileNode(type: Type, path: readonly string[], stack: readonly string[], include: IncludeMatcher, columns: ColumnDef[]): MessageNode {
  const leaves: Leaf[] = []
  const oneofOf: (string | null)[] = []
  for (const field of type.fieldsArray) {
    const fieldPath = [...path, field.name]
    if (!include(fieldPath)) continue
    const leaf = compileField(field, leaves.length, fieldPath, stack, include, columns)
    if (leaf === null) continue
    leaves.push(leaf)
    oneofOf.push(field.partOf ? field.partOf.name : null)
  }
  const slots = leaves.map((l, i) => ({
    ...l.slot,
    oneofPeers: oneofOf[i] === null ? [] : oneofOf.flatMap((o, j) => (o === oneofOf[i] && j !== i ? [j] : []))
  }))
  const node = new MessageNode(slots)
  for (const leaf of leaves) node.addChild(leaf.write, leaf.writeNull)
  return node
}

function addColumn(columns: ColumnDef[], path: readonly string[], type: ColumnType): number {
  columns.push({ name: path.join('_'), type })
  return columns.length - 1
}

function nuller(col: number): ChildNuller {
  return (writers, first) => writers[first + col].appendNull()
}

function compileField(field: Field, s: number, path: readonly string[], stack: readonly string[], include: IncludeMatcher, columns: ColumnDef[]): Leaf | null {
  const resolved = field.resolvedType
  const element = resolved instanceof Type ? undefined : SCALAR_COLUMN[resolved instanceof Enum ? 'enum' : field.type]
  if ((field.map || field.repeated) && element !== undefined) {
    const scalar = resolved instanceof Enum ? 'enum' : field.type
    const enumType = resolved instanceof Enum ? resolved : null
    const col = addColumn(columns, path, field.map ? `map<string,${element}>` : `list<${element}>`)
    const write = field.map ? mapWriter(field, scalar, enumType) : listWriter(scalar, enumType)
    return {
      slot: { fieldNumber: field.id, kind: SLOT_LIST, wire: 0, oneofPeers: [] },
      write: (node, c, writers, first) => write(c.buf, node.ranges[s], writers[first + col]),
      writeNull: nuller(col)
    }
  }
  if (field.map || field.repeated) {
    const valuePath = field.map ? [...path, 'value'] : path
    if (!include.all && resolved instanceof Type && !selectsSomething(resolved, valuePath, include, stack)) return null
    const col = addColumn(columns, path, 'string')
    const sel: Selection | undefined = include.all ? undefined : { path, include }
    const render = field.map ? (buf: Buffer, occ: number[]) => mapJson(field, buf, occ, sel) : (buf: Buffer, occ: number[]) => listJson(field, buf, occ, sel)
    const empty = field.map ? '{}' : '[]'
    return {
      slot: { fieldNumber: field.id, kind: SLOT_LIST, wire: 0, oneofPeers: [] },
      write: (node, c, writers, first) => {
        const occ = node.ranges[s]
        writers[first + col].appendString(occ.length === 0 ? empty : render(c.buf, occ))
      },
      writeNull: nuller(col)
    }
  }
  if (resolved instanceof Type) return compileMessageField(field, s, resolved, path, stack, include, columns)
  const scalar = resolved instanceof Enum ? 'enum' : field.type
  const columnType = SCALAR_COLUMN[scalar]
  if (columnType === undefined) throw new SpecError(`Protobuf field '${path.join('.')}': unsupported type '${field.type}'`)
  const enumType = resolved instanceof Enum ? resolved : null
  const col = addColumn(columns, path, columnType)
  const read = scalarReader(scalar, enumType)
  const fallback = field.hasPresence ? null : defaultWriter(scalar, enumType)
  return {
    slot: { fieldNumber: field.id, kind: SLOT_SCALAR, wire: SCALAR_WIRE[scalar], oneofPeers: [] },
    write: (node, c, writers, first) => {
      const w = writers[first + col]
      const pos = node.starts[s]
      if (pos < 0) {
        if (fallback === null) w.appendNull()
        else fallback(w)
      } else {
        c.pos = pos
        read(c, w)
      }
    },
    writeNull: nuller(col)
  }
}

function compileMessageField(
  field: Field,
  s: number,
  type: Type,
  path: readonly string[],
  stack: readonly string[],
  include: IncludeMatcher,
  columns: ColumnDef[]
): Leaf | null {
  const slot: SlotSpec = { fieldNumber: field.id, kind: SLOT_MESSAGE, wire: 2, oneofPeers: [] }
  const kind = wellKnownKind(type.fullName)
  if (kind === 'json') {
    const col = addColumn(columns, path, 'string')
    return {
      slot,
      write: (node, c, writers, first) => {
        const r = node.ranges[s]
        if (r.length === 0) writers[first + col].appendNull()
        else writers[first + col].appendString(messageJson(type, c.buf, r))
      },
      writeNull: nuller(col)
    }
  }
  if (kind === 'timestamp' || kind === 'duration') {
    const col = addColumn(columns, path, kind)
    const inner = new MessageNode([
      { fieldNumber: 1, kind: SLOT_SCALAR, wire: WT_VARINT, oneofPeers: [] },
      { fieldNumber: 2, kind: SLOT_SCALAR, wire: WT_VARINT, oneofPeers: [] }
    ])
    return {
      slot,
      write: (node, c, writers, first) => {
        const w = writers[first + col]
        const r = node.ranges[s]
        if (r.length === 0) return w.appendNull()
        inner.reset()
        for (let i = 0; i < r.length; i += 2) inner.scan(c, r[i], r[i + 1])
        w.appendBigInt(secondsNanos(c, inner))
      },
      writeNull: nuller(col)
    }
  }
  if (kind === 'wrapper') {
    const scalar = wrapperScalar(type.fullName)
    const col = addColumn(columns, path, SCALAR_COLUMN[scalar])
    const inner = new MessageNode([{ fieldNumber: 1, kind: SLOT_SCALAR, wire: SCALAR_WIRE[scalar], oneofPeers: [] }])
    const read = scalarReader(scalar, null)
    const fallback = defaultWriter(scalar, null)
    return {
      slot,
      write: (node, c, writers, first) => {
        const w = writers[first + col]
        const r = node.ranges[s]
        if (r.length === 0) return w.appendNull()
        inner.reset()
        for (let i = 0; i < r.length; i += 2) inner.scan(c, r[i], r[i + 1])
        const pos = inner.starts[0]
        if (pos < 0) return fallback(w)
        c.pos = pos
        read(c, w)
      },
      writeNull: nuller(col)
    }
  }
  if (stack.includes(type.fullName)) {
    throw new SpecError(
      `Cyclical protobuf message descriptor detected at '${path.join('/')}' (${type.fullName.slice(1)}); exclude the field with include paths`
    )
  }
  const before = columns.length
  const sub = compileNode(type, path, [...stack, type.fullName], include, columns)
  if (columns.length === before) return null
  return {
    slot,
    write: (node, c, writers, first) => {
      const r = node.ranges[s]
      if (r.length === 0) return sub.writeNull(writers, first)
      sub.reset()
      for (let i = 0; i < r.length; i += 2) sub.scan(c, r[i], r[i + 1])
      sub.write(c, writers, first)
    },
    writeNull: (writers, first) => sub.writeNull(writers, first)
  }
}

/**
 * Whether the include paths select any field of `type` (a repeated message's element or a map's value) at `path`:
 * a well-known type is one value; a message type already on the stack counts when its own path is selected.
 */
function selectsSomething(type: Type, path: readonly string[], include: IncludeMatcher, stack: readonly string[]): boolean {
  if (wellKnownKind(type.fullName) !== undefined) return include(path)
  if (stack.includes(type.fullName)) return include(path)
  return type.fieldsArray.some((field) => {
    const fieldPath = [...path, field.name]
    if (!include(fieldPath)) return false
    const resolved = field.resolvedType
    if (!(resolved instanceof Type)) return true
    return selectsSomething(resolved, field.map ? [...fieldPath, 'value'] : fieldPath, include, [...stack, type.fullName])
  })
}

/** seconds * 1e9 + nanos of a scanned Timestamp / Duration. */
function secondsNanos(c: { pos: number; hi: number; lo: number; readVarint64(): void }, inner: MessageNode): bigint {
  let seconds = 0n
  let nanos = 0
  const sp = inner.starts[0]
  if (sp >= 0) {
    c.pos = sp
    c.readVarint64()
    seconds = (BigInt(c.hi) << 32n) | BigInt(c.lo)
  }
  const np = inner.starts[1]
  if (np >= 0) {
    c.pos = np
    c.readVarint64()
    nanos = c.lo | 0
  }
  return seconds * 1_000_000_000n + BigInt(nanos)
}
