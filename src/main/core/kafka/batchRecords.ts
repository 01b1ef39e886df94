import { decompress } from './decompress'
import { compressionOf, RECORDS_START, usesLogAppendTime, VarintReader, type RecordBatchSpan } from './recordBatches'

/** The position of one record inside a batch; reused for every record so reading allocates nothing. */
export class RecordCursor {
  buf: Buffer = Buffer.alloc(0)
  offset = 0
  /** Epoch milliseconds, or -1 when the record has none. */
  timestamp = -1
  keyStart = -1
  keyEnd = -1
  valueStart = -1
  valueEnd = -1
  headersStart = 0
  headerCount = 0
}

/** Opens a batch's records, decompressing them when the producer compressed the batch. */
export function openBatch(records: Buffer, batch: RecordBatchSpan): VarintReader {
  const codec = compressionOf(batch)
  if (codec === 0) return new VarintReader(records, batch.start + RECORDS_START)
  return new VarintReader(decompress(codec, records.subarray(batch.start + RECORDS_START, batch.end)), 0)
}

/** Reads the next record of `batch` from `reader` into `cursor`. */
export function readRecord(reader: VarintReader, batch: RecordBatchSpan, cursor: RecordCursor): void {
  const length = reader.varint()
  const next = reader.pos + length
  reader.pos += 1 // record attributes, unused
  const timestampDelta = reader.varlong()
  cursor.offset = batch.baseOffset + reader.varint()
  cursor.timestamp = usesLogAppendTime(batch) ? batch.maxTimestamp : batch.baseTimestamp < 0 ? -1 : batch.baseTimestamp + timestampDelta
  const keyLength = reader.varint()
  if (keyLength < 0) cursor.keyStart = cursor.keyEnd = -1
  else {
    cursor.keyStart = reader.pos
    cursor.keyEnd = reader.pos += keyLength
  }
  const valueLength = reader.varint()
  if (valueLength < 0) cursor.valueStart = cursor.valueEnd = -1
  else {
    cursor.valueStart = reader.pos
    cursor.valueEnd = reader.pos += valueLength
  }
  cursor.headerCount = reader.varint()
  cursor.headersStart = reader.pos
  cursor.buf = reader.buf
  if (next > reader.buf.length) throw new RangeError('record is longer than its batch')
  reader.pos = next
}
