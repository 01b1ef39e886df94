const BATCH_HEADER_BYTES = 61
const MAGIC_OFFSET = 16
const ATTR_COMPRESSION = 0x07
const ATTR_LOG_APPEND_TIME = 0x08
const ATTR_TRANSACTIONAL = 0x10
const ATTR_CONTROL = 0x20

/** A complete record batch (magic v2) inside a fetched partition's records. */
export interface RecordBatchSpan {
  start: number
  end: number
  baseOffset: number
  lastOffsetDelta: number
  baseTimestamp: number
  maxTimestamp: number
  attributes: number
  producerId: number
  recordCount: number
}

export const isControlBatch = (b: RecordBatchSpan) => (b.attributes & ATTR_CONTROL) !== 0
export const isTransactionalBatch = (b: RecordBatchSpan) => (b.attributes & ATTR_TRANSACTIONAL) !== 0
export const usesLogAppendTime = (b: RecordBatchSpan) => (b.attributes & ATTR_LOG_APPEND_TIME) !== 0
export const compressionOf = (b: RecordBatchSpan) => b.attributes & ATTR_COMPRESSION

export class UnsupportedMessageFormatError extends Error {}

const int64 = (buf: Buffer, at: number) => buf.readInt32BE(at) * 4294967296 + buf.readUInt32BE(at + 4)

/** Lists the complete batches; a batch cut off by the fetch size limit at the end is left for the next fetch. */
export function scanRecordBatches(records: Buffer): RecordBatchSpan[] {
  const spans: RecordBatchSpan[] = []
  let at = 0
  while (at + BATCH_HEADER_BYTES <= records.length) {
    const batchLength = records.readInt32BE(at + 8)
    const end = at + 12 + batchLength
    if (end > records.length) break
    const magic = records.readInt8(at + MAGIC_OFFSET)
    if (magic !== 2) throw new UnsupportedMessageFormatError(`message format v${magic} (only v2, Kafka 0.11+, is read)`)
    spans.push({
      start: at,
      end,
      baseOffset: int64(records, at),
      attributes: records.readInt16BE(at + 21),
      lastOffsetDelta: records.readInt32BE(at + 23),
      baseTimestamp: int64(records, at + 27),
      maxTimestamp: int64(records, at + 35),
      producerId: int64(records, at + 43),
      recordCount: records.readInt32BE(at + 57)
    })
    at = end
  }
  return spans
}

export const RECORDS_START = BATCH_HEADER_BYTES

/**
 * Which transactional batches to drop under read_committed: a producer's batches from an aborted transaction's
 * first offset up to that producer's abort marker (Kafka's own client does the same).
 */
export function abortedBatchFilter(aborted: readonly { producerId: number; firstOffset: number }[]): (batch: RecordBatchSpan, records: Buffer) => boolean {
  if (aborted.length === 0) return () => false
  const pending = [...aborted].sort((a, b) => a.firstOffset - b.firstOffset)
  const abortedProducers = new Set<number>()
  return (batch, records) => {
    while (pending.length > 0 && pending[0].firstOffset <= batch.baseOffset + batch.lastOffsetDelta) abortedProducers.add(pending.shift()!.producerId)
    if (isControlBatch(batch)) {
      if (abortedProducers.has(batch.producerId) && isAbortMarker(records, batch)) abortedProducers.delete(batch.producerId)
      return false
    }
    return isTransactionalBatch(batch) && abortedProducers.has(batch.producerId)
  }
}

function isAbortMarker(records: Buffer, batch: RecordBatchSpan): boolean {
  // a control record's key is int16 version + int16 type; type 0 is ABORT, 1 is COMMIT
  if (compressionOf(batch) !== 0) return false
  const reader = new VarintReader(records, batch.start + RECORDS_START)
  reader.varint() // length
  reader.pos += 1 // attributes
  reader.varlong() // timestamp delta
  reader.varint() // offset delta
  const keyLength = reader.varint()
  return keyLength >= 4 && records.readInt16BE(reader.pos + 2) === 0
}

/** Kafka's zig-zag varints, read as JS numbers (exact within ±2^53). */
export class VarintReader {
  constructor(
    readonly buf: Buffer,
    public pos: number
  ) {}

  varint(): number {
    return this.zigZag(35)
  }

  varlong(): number {
    return this.zigZag(70)
  }

  private zigZag(maxShift: number): number {
    const buf = this.buf
    let result = 0
    let shift = 0
    let byte: number
    do {
      byte = buf[this.pos++]
      if (byte === undefined) throw new RangeError('record ends inside a varint')
      result += (byte & 0x7f) * 2 ** shift
      shift += 7
    } while (byte & 0x80 && shift < maxShift)
    return result % 2 === 1 ? -(result + 1) / 2 : result / 2
  }
}
