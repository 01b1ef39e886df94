import type { ColumnWriter } from '../engine/columnWriter'
import { type ColumnType, type ScalarType, isScalarType } from '../types'
import type { PartDecoder } from './partDecoder'
import { RecordDecodeError } from './recordDecodeError'
import { isDecimalText } from '../engine/decimalText'

const FIXED_WIDTH: Partial<Record<ScalarType, number>> = {
  int16: 2,
  date: 4,
  duration: 8,
  int32: 4,
  int64: 8,
  float32: 4,
  float64: 8,
  bool: 1,
  timestamp: 8
}

type WriteValue = (w: ColumnWriter, b: Buffer, at: number, end: number) => void

const WRITE: Record<ScalarType, WriteValue> = {
  int16: (w, b, at) => w.appendNumber(b.readInt16BE(at)),
  int32: (w, b, at) => w.appendNumber(b.readInt32BE(at)),
  int64: (w, b, at) => w.appendInt64(b.readInt32BE(at), b.readUInt32BE(at + 4)),
  float32: (w, b, at) => w.appendNumber(b.readFloatBE(at)),
  float64: (w, b, at) => w.appendNumber(b.readDoubleBE(at)),
  bool: (w, b, at) => {
    const v = b[at]
    if (v !== 0 && v !== 1) throw new RecordDecodeError(`expected a boolean byte 0x00 or 0x01, got 0x${v.toString(16).padStart(2, '0')}`)
    w.appendBool(v === 1)
  },
  timestamp: (w, b, at) => {
    const hi = b.readInt32BE(at)
    const lo = b.readUInt32BE(at + 4)
    // epoch milliseconds as an int64; nanoseconds must fit an int64 too
    const ms = hi * 4294967296 + lo
    if (Math.abs(ms) > 9_223_372_036_854) throw new RecordDecodeError(`timestamp ${ms} ms is out of range`)
    w.appendNumber(ms)
  },
  date: (w, b, at) => w.appendNumber(b.readInt32BE(at)),
  duration: (w, b, at) => w.appendInt64(b.readInt32BE(at), b.readUInt32BE(at + 4)),
  decimal: (w, b, at, end) => {
    const text = b.toString('latin1', at, end)
    if (!isDecimalText(text)) throw new RecordDecodeError(`expected decimal text like -12.50, got ${JSON.stringify(text.slice(0, 40))}`)
    w.appendString(text)
  },
  string: (w, b, at, end) => w.appendUtf8(b, at, end),
  bytes: (w, b, at, end) => w.appendUtf8(b, at, end)
}

/** One column, decoded exactly as Kafka's Java serializers encode the type (big-endian numbers, UTF-8 text). */
export function createSimpleDecoder(columnName: string, type: ColumnType): PartDecoder {
  if (!isScalarType(type)) throw new TypeError(`simpleSpec('${columnName}'): type ${type} is not a single value; use a JSON, Avro or Protobuf spec`)
  const width = FIXED_WIDTH[type]
  const write = WRITE[type]
  return {
    columns: [{ name: columnName, type }],
    decode(buf, start, end, writers, first) {
      const w = writers[first]
      if (buf === null) {
        w.appendNull()
        return
      }
      if (width !== undefined && end - start !== width) {
        throw new RecordDecodeError(`expected ${width} byte${width === 1 ? '' : 's'} for ${type}, got ${end - start}`, columnName)
      }
      try {
        write(w, buf, start, end)
      } catch (e) {
        if (e instanceof RecordDecodeError && e.field === undefined) throw new RecordDecodeError(e.message, columnName)
        throw e
      }
    }
  }
}
