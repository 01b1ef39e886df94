import { describe, expect, it } from 'vitest'
import { readWireHeader, writeWireHeader } from './wireFormat'

describe('wire format header', () => {
  it('round-trips a schema id (big-endian, after magic byte 0)', () => {
    expect([...writeWireHeader(0x01020304)]).toEqual([0, 1, 2, 3, 4])
    const bytes = new Uint8Array([9, 9, 0, 0, 0, 1, 44, 7])
    expect(readWireHeader(bytes.subarray(2))).toEqual({ schemaId: 300, payloadOffset: 5 })
  })

  it('explains bytes that are not in the wire format', () => {
    expect(readWireHeader(new Uint8Array([0, 0, 1]))).toEqual({ error: expect.stringMatching(/3 byte\(s\) is too short/) })
    expect(readWireHeader(new Uint8Array([0x7b, 0, 0, 0, 1]))).toEqual({ error: expect.stringMatching(/unknown magic byte 0x7b/) })
  })
})
