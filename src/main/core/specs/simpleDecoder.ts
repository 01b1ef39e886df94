import type { ColumnWriter } from '../engine/columnWriter'
import type { ColumnType } from '../types'
import type { PartDecoder } from './partDecoder'
import { RecordDecodeError } from './recordDecodeError'

const FIXED_WIDTH: Partial<Record<ColumnType, number>> = {
  int16: 2,
  int32: 4,
  int64: 8,
  float32: 4,
  float64: 8,
  bool: 1,
  timestamp: 8
}

type WriteValue = (w: ColumnWriter, b: Buffer) => void

const WRITE: Record<ColumnType, WriteValue> = {
  int16: (w, b) => w.appendNumber(b.readInt16BE(0)),
  int32: (w, b) => w.appendNumber(b.readInt32BE(0)),
  int64: (w, b) => w.appendInt64(b.readInt32BE(0), b.readUInt32BE(4)),
  float32: (w, b) => w.appendNumber(b.readFloatBE(0)),
  float64: (w, b) => w.appendNumber(b.readDoubleBE(0)),
  bool: (w, b) => {
    const v = b[0]
    if (v !== 0 && v !== 1) throw new RecordDecodeError(`expected a boolean byte 0x00 or 0x01, got 0x${v.toString(16).padStart(2, '0')}`)
    w.appendBool(v === 1)
  },
  timestamp: (w, b) => {
    const hi = b.readInt32BE(0)
    const lo = b.readUInt32BE(4)
    // epoch milliseconds as an int64; nanoseconds must fit an int64 too
    const ms = hi * 4294967296 + lo
    if (Math.abs(ms) > 9_223_372_036_854) throw new RecordDecodeError(`timestamp ${ms} ms is out of range`)
    w.appendNumber(ms)
  },
  string: (w, b) => w.appendUtf8(b, 0, b.length),
  bytes: (w, b) => w.appendUtf8(b, 0, b.length)
}

/** One column, decoded exactly as Kafka's Java serializers encode the type (big-endian numbers, UTF-8 text). */
export function createSimpleDecoder(columnName: string, type: ColumnType): PartDecoder {
  const width = FIXED_WIDTH[type]
  const write = WRITE[type]
  return {
    columns: [{ name: columnName, type }],
    decode(payload, writers, first) {
      const w = writers[first]
      if (payload === null) {
        w.appendNull()
        return
      }
      if (width !== undefined && payload.length !== width) {
        throw new RecordDecodeError(
          `expected ${width} byte${width === 1 ? '' : 's'} for ${type}, got ${payload.length}`,
          columnName
        )
      }
      try {
        write(w, payload)
      } catch (e) {
        if (e instanceof RecordDecodeError && e.field === undefined) throw new RecordDecodeError(e.message, columnName)
        throw e
      }
    }
  }
}
