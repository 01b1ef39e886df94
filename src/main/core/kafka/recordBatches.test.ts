import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { openBatch, readRecord, RecordCursor } from './batchRecords'
import { abortedBatchFilter, scanRecordBatches, VarintReader } from './recordBatches'

function varint(n: number): number[] {
  let z = n >= 0 ? n * 2 : -n * 2 - 1
  const out: number[] = []
  while (z >= 0x80) {
    out.push((z % 0x80) | 0x80)
    z = Math.floor(z / 0x80)
  }
  out.push(z)
  return out
}

function record(offsetDelta: number, timestampDelta: number, key: string | null, value: string | null): Buffer {
  const body = [0, ...varint(timestampDelta), ...varint(offsetDelta)]
  for (const part of [key, value]) {
    if (part === null) body.push(...varint(-1))
    else body.push(...varint(Buffer.byteLength(part)), ...Buffer.from(part))
  }
  body.push(...varint(0))
  return Buffer.from([...varint(body.length), ...body])
}

/** A v2 record batch as Kafka lays it out (CRC left zero: the reader does not check it). */
function batch(baseOffset: number, records: Buffer[], options: { attributes?: number; producerId?: number; baseTimestamp?: number; maxTimestamp?: number } = {}): Buffer {
  let payload = Buffer.concat(records)
  if (((options.attributes ?? 0) & 7) === 1) payload = gzipSync(payload)
  const header = Buffer.alloc(61)
  header.writeBigInt64BE(BigInt(baseOffset), 0)
  header.writeInt32BE(49 + payload.length, 8)
  header.writeInt8(2, 16)
  header.writeInt16BE(options.attributes ?? 0, 21)
  header.writeInt32BE(records.length - 1, 23)
  header.writeBigInt64BE(BigInt(options.baseTimestamp ?? 1_700_000_000_000), 27)
  header.writeBigInt64BE(BigInt(options.maxTimestamp ?? 1_700_000_000_999), 35)
  header.writeBigInt64BE(BigInt(options.producerId ?? -1), 43)
  header.writeInt32BE(records.length, 57)
  return Buffer.concat([header, payload])
}

function readAll(records: Buffer) {
  const cursor = new RecordCursor()
  const out: unknown[] = []
  for (const span of scanRecordBatches(records)) {
    const reader = openBatch(records, span)
    for (let i = 0; i < span.recordCount; i++) {
      readRecord(reader, span, cursor)
      out.push({
        offset: cursor.offset,
        timestamp: cursor.timestamp,
        key: cursor.keyStart < 0 ? null : cursor.buf.toString('utf8', cursor.keyStart, cursor.keyEnd),
        value: cursor.valueStart < 0 ? null : cursor.buf.toString('utf8', cursor.valueStart, cursor.valueEnd)
      })
    }
  }
  return out
}

describe('record batches', () => {
  it('reads offsets, timestamps, keys and null values of plain and gzip batches', () => {
    const records = Buffer.concat([
      batch(10, [record(0, 0, 'a', 'x'), record(1, 5, null, null)]),
      batch(12, [record(0, 1, 'b', 'ü')], { attributes: 1 })
    ])
    expect(readAll(records)).toEqual([
      { offset: 10, timestamp: 1_700_000_000_000, key: 'a', value: 'x' },
      { offset: 11, timestamp: 1_700_000_000_005, key: null, value: null },
      { offset: 12, timestamp: 1_700_000_000_001, key: 'b', value: 'ü' }
    ])
  })

  it('uses the batch max timestamp for LogAppendTime and -1 when there is none', () => {
    expect(readAll(batch(0, [record(0, 3, 'k', 'v')], { attributes: 0x08 }))).toMatchObject([{ timestamp: 1_700_000_000_999 }])
    expect(readAll(batch(0, [record(0, 0, 'k', 'v')], { baseTimestamp: -1 }))).toMatchObject([{ timestamp: -1 }])
  })

  it('leaves a batch cut off by the fetch size for the next fetch', () => {
    const whole = batch(0, [record(0, 0, 'k', 'v')])
    const cut = Buffer.concat([whole, batch(1, [record(0, 0, 'k', 'v')]).subarray(0, 66)])
    expect(scanRecordBatches(cut)).toHaveLength(1)
  })

  it('refuses old message formats by name', () => {
    const old = batch(0, [record(0, 0, 'k', 'v')])
    old.writeInt8(1, 16)
    expect(() => scanRecordBatches(old)).toThrow(/message format v1/)
  })

  it('drops batches of aborted transactions until the abort marker', () => {
    const TXN = 0x10
    const CONTROL = 0x20
    const abortMarker = Buffer.from([0, 0, 0, 0])
    const controlRecord = (delta: number) => {
      const body = [0, ...varint(0), ...varint(delta), ...varint(4), ...abortMarker, ...varint(6), 0, 0, 0, 0, 0, 0, ...varint(0)]
      return Buffer.from([...varint(body.length), ...body])
    }
    const records = Buffer.concat([
      batch(0, [record(0, 0, 'k', 'aborted')], { attributes: TXN, producerId: 7 }),
      batch(1, [controlRecord(0)], { attributes: TXN | CONTROL, producerId: 7 }),
      batch(2, [record(0, 0, 'k', 'kept')], { attributes: TXN, producerId: 7 })
    ])
    const drop = abortedBatchFilter([{ producerId: 7, firstOffset: 0 }])
    expect(scanRecordBatches(records).map((b) => drop(b, records))).toEqual([true, false, false])
  })

  it('reads zig-zag varints, negative and multi-byte', () => {
    const reader = new VarintReader(Buffer.from([...varint(-1), ...varint(300), ...varint(-65), ...varint(2 ** 40)]), 0)
    expect([reader.varint(), reader.varint(), reader.varint(), reader.varlong()]).toEqual([-1, 300, -65, 2 ** 40])
  })
})
