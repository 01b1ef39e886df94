import { Buffer } from 'node:buffer'

/** A reusable byte buffer for values that must be rewritten before they are appended (unescaped, compacted, decoded). */
export class Scratch {
  bytes: Buffer = Buffer.allocUnsafe(256)

  /** The buffer, with room for at least `size` bytes (contents are not kept). */
  room(size: number): Buffer {
    if (size > this.bytes.length) this.bytes = Buffer.allocUnsafe(Math.max(size, this.bytes.length * 2))
    return this.bytes
  }
}
