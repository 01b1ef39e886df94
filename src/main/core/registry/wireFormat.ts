/**
 * Confluent wire format of a serialized key or value: magic byte 0, the schema id as a 4-byte
 * big-endian integer, then the payload (for Protobuf, message indexes come first; see the Protobuf spec).
 */
export const MAGIC_BYTE = 0
export const WIRE_HEADER_SIZE = 5

export interface WireHeader {
  schemaId: number
  /** Where the payload starts (always 5). */
  payloadOffset: number
}

/**
 * Reads the magic byte and schema id. Returns a reason instead when the bytes are not in the wire
 * format (too short, or another magic byte), so callers can report a per-record decode error.
 */
export function readWireHeader(bytes: Uint8Array): WireHeader | { error: string } {
  if (bytes.length < WIRE_HEADER_SIZE) {
    return { error: `${bytes.length} byte(s) is too short for the schema-registry wire format (magic byte 0 + 4-byte schema id)` }
  }
  if (bytes[0] !== MAGIC_BYTE) {
    return { error: `unknown magic byte 0x${bytes[0]!.toString(16).padStart(2, '0')} (the schema-registry wire format starts with 0x00)` }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { schemaId: view.getInt32(1, false), payloadOffset: WIRE_HEADER_SIZE }
}

/** The 5-byte header for `schemaId` (for tests and a future producer). */
export function writeWireHeader(schemaId: number): Uint8Array {
  const out = new Uint8Array(WIRE_HEADER_SIZE)
  new DataView(out.buffer).setInt32(1, schemaId, false)
  return out
}
