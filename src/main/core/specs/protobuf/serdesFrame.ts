import { RecordDecodeError } from '../recordDecodeError'
import { WireCursor } from './wireCursor'

/**
 * Confluent Protobuf framing: magic byte 0, a 4-byte schema id (ignored, as Deephaven does), a zigzag varint count
 * of message indexes and the indexes (a single 0 byte means [0]), then the message.
 */
export interface SerdesFrame {
  /** Where the message starts. */
  start: number
  /** The message indexes (the path to the message type in the schema file). */
  indexes: number[]
}

const FIRST_MESSAGE: number[] = [0]

export function readSerdesFrame(c: WireCursor, buf: Buffer, start: number, end: number): SerdesFrame {
  if (end - start < 6) throw new RecordDecodeError(`Not serdes protocol, expected at least 6 bytes, got ${end - start}`)
  if (buf[start] !== 0) throw new RecordDecodeError(`Not serdes protocol, magic byte is incorrect (${buf[start]}, expected 0)`)
  if (buf[start + 5] === 0) return { start: start + 6, indexes: FIRST_MESSAGE }
  c.reset(buf, start + 5, end)
  const count = zigzag(c.readVarint32())
  if (count < 0 || count > end - start) throw new RecordDecodeError(`Not serdes protocol, bad message index count ${count}`)
  const indexes: number[] = []
  for (let i = 0; i < count; i++) indexes.push(zigzag(c.readVarint32()))
  return { start: c.pos, indexes }
}

function zigzag(n: number): number {
  return (n >>> 1) ^ -(n & 1)
}
