import type { CommonColumns } from './commonColumns'
import type { ColumnWriter } from './engine/columnWriter'
import type { LiveTable } from './engine/liveTable'
import { openBatch, readRecord, RecordCursor } from './kafka/batchRecords'
import { CODEC_NAMES } from './kafka/decompress'
import { compressionOf, VarintReader, type RecordBatchSpan } from './kafka/recordBatches'
import type { PartDecoder } from './specs/partDecoder'
import type { HeaderColumns } from './headers/headerColumns'
import { writeHeaders } from './headers/recordHeaders'
import { RecordDecodeError } from './specs/recordDecodeError'
import type { RecordError } from './types'

export type ErrorPolicy = 'skip' | 'fail'

const MAX_KEPT_ERRORS = 1000

interface Slots {
  partition: number
  offset: number
  timestamp: number
  receiveTime: number
  keyBytes: number
  valueBytes: number
  key: number
  value: number
  headers: number
}

/** Decodes fetched record batches straight into table rows; a record that cannot be decoded is rolled back whole. */
export class RecordIngester {
  totalRows = 0
  totalBytes = 0
  errorCount = 0
  readonly recentErrors: RecordError[] = []
  private readonly slots: Slots
  private readonly cursor = new RecordCursor()
  /** The batch prepareBatch last opened, so ingestBatch does not decompress it a second time. */
  private prepared: { batch: RecordBatchSpan; buf: Buffer; pos: number } | null = null
  private part: 'record' | 'key' | 'value' | 'headers' = 'record'
  private readonly fieldErrors: { part: string; field: string; reason: string }[] = []
  private readonly onFieldError = (field: string, reason: string) => this.fieldErrors.push({ part: this.part, field, reason })

  constructor(
    private readonly topic: string,
    private readonly table: LiveTable,
    common: CommonColumns,
    private readonly keyDecoder: PartDecoder | null,
    private readonly valueDecoder: PartDecoder | null,
    private readonly headers: HeaderColumns,
    private readonly policy: ErrorPolicy,
    private readonly onFailure: (error: RecordError) => void
  ) {
    let next = 0
    const slot = (present: boolean) => (present ? next++ : -1)
    const partition = slot(common.partition !== null)
    const offset = slot(common.offset !== null)
    const timestamp = slot(common.timestamp !== null)
    const receiveTime = slot(common.receiveTime !== null)
    const keyBytes = slot(common.keyBytes !== null)
    const valueBytes = slot(common.valueBytes !== null)
    const key = keyDecoder === null ? -1 : next
    next += keyDecoder?.columns.length ?? 0
    const value = valueDecoder === null ? -1 : next
    next += valueDecoder?.columns.length ?? 0
    const headerSlot = headers.columns.length > 0 ? next : -1
    this.slots = { partition, offset, timestamp, receiveTime, keyBytes, valueBytes, key, value, headers: headerSlot }
  }

  /** True when a decoder may need schemas fetched before a batch can be decoded. */
  get needsPreparation(): boolean {
    return this.keyDecoder?.missingSchema !== undefined || this.valueDecoder?.missingSchema !== undefined
  }

  /** Loads the schemas the batch's records name, so that decoding the batch needs no I/O. */
  async prepareBatch(records: Buffer, batch: RecordBatchSpan, from: number): Promise<void> {
    const key = this.keyDecoder?.missingSchema ? this.keyDecoder : null
    const value = this.valueDecoder?.missingSchema ? this.valueDecoder : null
    const keyIds = new Set<number>()
    const valueIds = new Set<number>()
    let reader
    try {
      reader = openBatch(records, batch)
    } catch {
      return
    }
    this.prepared = { batch, buf: reader.buf, pos: reader.pos }
    const c = new RecordCursor()
    for (let i = 0; i < batch.recordCount; i++) {
      try {
        readRecord(reader, batch, c)
      } catch {
        break
      }
      if (c.offset < from) continue
      if (key && c.keyStart >= 0) {
        const id = key.missingSchema!(c.buf, c.keyStart, c.keyEnd)
        if (id >= 0) keyIds.add(id)
      }
      if (value && c.valueStart >= 0) {
        const id = value.missingSchema!(c.buf, c.valueStart, c.valueEnd)
        if (id >= 0) valueIds.add(id)
      }
    }
    await Promise.all([
      key && keyIds.size > 0 ? key.loadSchemas!([...keyIds]) : undefined,
      value && valueIds.size > 0 ? value.loadSchemas!([...valueIds]) : undefined
    ])
  }

  /** Ingests the records of one batch from offset `from` on. Returns false once the error policy has stopped the table. */
  ingestBatch(partition: number, records: Buffer, batch: RecordBatchSpan, from: number): boolean {
    let reader
    try {
      const prepared = this.prepared
      this.prepared = null
      reader = prepared?.batch === batch ? new VarintReader(prepared.buf, prepared.pos) : openBatch(records, batch)
    } catch (e) {
      const last = batch.baseOffset + batch.lastOffsetDelta
      const reason = `cannot decompress the batch of offsets ${batch.baseOffset}..${last} (${CODEC_NAMES[compressionOf(batch)] ?? 'unknown codec'}): ${(e as Error).message}`
      return this.reject(partition, String(Math.max(from, batch.baseOffset)), reason, undefined, Date.now())
    }
    const cursor = this.cursor
    const receiveTime = Date.now()
    for (let i = 0; i < batch.recordCount; i++) {
      try {
        readRecord(reader, batch, cursor)
      } catch (e) {
        return this.reject(partition, String(batch.baseOffset + i), `corrupt record batch: ${(e as Error).message}`, undefined, receiveTime)
      }
      if (cursor.offset < from) continue
      if (!this.ingestRecord(partition, cursor, receiveTime)) return false
    }
    return true
  }

  private ingestRecord(partition: number, c: RecordCursor, receiveTime: number): boolean {
    const table = this.table
    const w = table.writers
    const s = this.slots
    const buf = c.buf
    const hasKey = c.keyStart >= 0
    const hasValue = c.valueStart >= 0
    this.part = 'record'
    table.beginRow()
    try {
      if (s.partition >= 0) w[s.partition].appendNumber(partition)
      if (s.offset >= 0) appendOffset(w[s.offset], c.offset)
      if (s.timestamp >= 0) {
        if (c.timestamp < 0) w[s.timestamp].appendNull()
        else w[s.timestamp].appendNumber(c.timestamp)
      }
      if (s.receiveTime >= 0) w[s.receiveTime].appendNumber(receiveTime)
      if (s.keyBytes >= 0) appendSize(w[s.keyBytes], hasKey, c.keyEnd - c.keyStart)
      if (s.valueBytes >= 0) appendSize(w[s.valueBytes], hasValue, c.valueEnd - c.valueStart)
      this.part = 'key'
      if (s.key >= 0) this.keyDecoder!.decode(hasKey ? buf : null, c.keyStart, c.keyEnd, w, s.key, this.onFieldError)
      this.part = 'value'
      if (s.value >= 0) this.valueDecoder!.decode(hasValue ? buf : null, c.valueStart, c.valueEnd, w, s.value, this.onFieldError)
      if (s.headers >= 0) {
        this.part = 'headers'
        const h = this.headers
        writeHeaders(c, h.json ? w[s.headers] : null, h.lifted, w, s.headers + (h.json ? 1 : 0))
      }
      table.commitRow()
    } catch (e) {
      table.abortRow()
      this.fieldErrors.length = 0
      if (!(e instanceof RecordDecodeError) && !(e instanceof RangeError)) throw e
      return this.reject(partition, String(c.offset), `${this.part}: ${e.message}`, e instanceof RecordDecodeError ? e.field : undefined, receiveTime)
    }
    if (this.fieldErrors.length > 0) this.recordFieldErrors(partition, String(c.offset), receiveTime)
    this.totalRows++
    this.totalBytes += (hasKey ? c.keyEnd - c.keyStart : 0) + (hasValue ? c.valueEnd - c.valueStart : 0)
    return true
  }

  /** A field that could not be converted is null in its row; it is listed, and never stops the table. */
  private recordFieldErrors(partition: number, offset: string, time: number): void {
    for (const { part, field, reason } of this.fieldErrors) this.record({ topic: this.topic, partition, offset, field, reason: `${part}: ${reason}`, kind: 'field', time })
    this.fieldErrors.length = 0
  }

  private record(error: RecordError): void {
    this.errorCount++
    this.recentErrors.push(error)
    if (this.recentErrors.length > MAX_KEPT_ERRORS) this.recentErrors.splice(0, this.recentErrors.length - MAX_KEPT_ERRORS)
  }

  private reject(partition: number, offset: string, reason: string, field: string | undefined, time: number): boolean {
    const error: RecordError = { topic: this.topic, partition, offset, reason, kind: 'record', time }
    if (field !== undefined) error.field = field
    this.record(error)
    if (this.policy === 'fail') {
      this.onFailure(error)
      return false
    }
    return true
  }
}

function appendSize(writer: ColumnWriter, present: boolean, size: number): void {
  if (present) writer.appendNumber(size)
  else writer.appendNull()
}

function appendOffset(writer: ColumnWriter, offset: number): void {
  if (Number.isSafeInteger(offset)) writer.appendNumber(offset)
  else writer.appendBigInt(BigInt(offset))
}
