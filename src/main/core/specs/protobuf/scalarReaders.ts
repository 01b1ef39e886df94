import type { Enum } from 'protobufjs'
import type { ColumnWriter } from '../../engine/columnWriter'
import { unzigzag64, type WireCursor } from './wireCursor'

/** Reads one scalar at `c.pos` and appends it to a column. */
export type ScalarReader = (c: WireCursor, w: ColumnWriter) => void
/** Appends the proto3 default of a scalar that is absent from the wire. */
export type DefaultWriter = (w: ColumnWriter) => void

/** Name of an enum number, or the number as text when the schema does not know it. */
export function enumName(e: Enum | null, n: number): string {
  const name = e?.valuesById[n]
  return name ?? String(n)
}

export function scalarReader(type: string, enumType: Enum | null): ScalarReader {
  switch (type) {
    case 'double':
      return (c, w) => {
        w.appendNumber(c.buf.readDoubleLE(c.pos))
      }
    case 'float':
      return (c, w) => {
        w.appendNumber(c.buf.readFloatLE(c.pos))
      }
    case 'int32':
    case 'uint32':
      return (c, w) => {
        w.appendNumber(c.readVarint32() | 0)
      }
    case 'sint32':
      return (c, w) => {
        const n = c.readVarint32()
        w.appendNumber((n >>> 1) ^ -(n & 1))
      }
    case 'fixed32':
    case 'sfixed32':
      return (c, w) => {
        w.appendNumber(c.buf.readInt32LE(c.pos))
      }
    case 'int64':
    case 'uint64':
      return (c, w) => {
        c.readVarint64()
        w.appendInt64(c.hi, c.lo)
      }
    case 'sint64':
      return (c, w) => {
        c.readVarint64()
        unzigzag64(c)
        w.appendInt64(c.hi, c.lo)
      }
    case 'fixed64':
    case 'sfixed64':
      return (c, w) => {
        c.readFixed64()
        w.appendInt64(c.hi, c.lo)
      }
    case 'bool':
      return (c, w) => {
        c.readVarint64()
        w.appendBool((c.hi | c.lo) !== 0)
      }
    case 'string':
    case 'bytes':
      return (c, w) => {
        const e = c.readLength()
        w.appendUtf8(c.buf, c.pos, e)
      }
    case 'enum':
      return (c, w) => {
        w.appendString(enumName(enumType, c.readVarint32() | 0))
      }
    default:
      throw new Error(`unknown Protobuf scalar type '${type}'`)
  }
}

const EMPTY = new Uint8Array(0)

export function defaultWriter(type: string, enumType: Enum | null): DefaultWriter {
  switch (type) {
    case 'bool':
      return (w) => w.appendBool(false)
    case 'string':
      return (w) => w.appendString('')
    case 'bytes':
      return (w) => w.appendUtf8(EMPTY, 0, 0)
    case 'enum': {
      const name = enumName(enumType, 0)
      return (w) => w.appendString(name)
    }
    case 'int64':
    case 'uint64':
    case 'sint64':
    case 'fixed64':
    case 'sfixed64':
      return (w) => w.appendInt64(0, 0)
    default:
      return (w) => w.appendNumber(0)
  }
}
