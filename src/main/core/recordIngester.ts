import type { CommonColumns } from './commonColumns'
import type { LiveTable } from './engine/liveTable'
import type { KafkaRecord } from './kafka/kafkajsCluster'
import type { PartDecoder } from './specs/partDecoder'
import { RecordDecodeError } from './specs/recordDecodeError'
import type { RecordError } from './types'

export type ErrorPolicy = 'skip' | 'fail'

const MAX_KEPT_ERRORS = 1000

/** Decodes fetched records into table rows; a record that cannot be decoded is rolled back whole. */
export class RecordIngester {
  totalRows = 0
  totalBytes = 0
  errorCount = 0
  readonly recentErrors: RecordError[] = []
  private readonly slots: { partition: number; offset: number; timestamp: number; receiveTime: number; keyBytes: number; valueBytes: number; key: number; value: number }

  constructor(
    private readonly topic: string,
    private readonly table: LiveTable,
    common: CommonColumns,
    private readonly keyDecoder: PartDecoder | null,
    private readonly valueDecoder: PartDecoder | null,
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
    this.slots = { partition, offset, timestamp, receiveTime, keyBytes, valueBytes, key, value }
  }

  /** Returns false once the error policy has stopped the table. */
  ingest(partition: number, records: readonly KafkaRecord[], start: number): boolean {
    const table = this.table
    const w = table.writers
    const s = this.slots
    const receiveTime = Date.now()
    for (let i = start; i < records.length; i++) {
      const record = records[i]
      if (record.isControlRecord) continue
      const key = record.key
      const value = record.value
      let part = 'record'
      table.beginRow()
      try {
        if (s.partition >= 0) w[s.partition].appendNumber(partition)
        if (s.offset >= 0) appendOffset(w[s.offset], record.offset)
        if (s.timestamp >= 0) {
          const ts = Number(record.timestamp)
          if (ts < 0) w[s.timestamp].appendNull()
          else w[s.timestamp].appendNumber(ts)
        }
        if (s.receiveTime >= 0) w[s.receiveTime].appendNumber(receiveTime)
        if (s.keyBytes >= 0) appendSize(w[s.keyBytes], key)
        if (s.valueBytes >= 0) appendSize(w[s.valueBytes], value)
        part = 'key'
        if (s.key >= 0) this.keyDecoder!.decode(key, w, s.key)
        part = 'value'
        if (s.value >= 0) this.valueDecoder!.decode(value, w, s.value)
        table.commitRow()
        this.totalRows++
        this.totalBytes += (key?.length ?? 0) + (value?.length ?? 0)
      } catch (e) {
        table.abortRow()
        if (!(e instanceof RecordDecodeError) && !(e instanceof RangeError)) throw e
        const error: RecordError = {
          topic: this.topic,
          partition,
          offset: record.offset,
          reason: `${part}: ${e.message}`,
          time: receiveTime
        }
        if (e instanceof RecordDecodeError && e.field !== undefined) error.field = e.field
        this.record(error)
        if (this.policy === 'fail') {
          this.onFailure(error)
          return false
        }
      }
    }
    return true
  }

  private record(error: RecordError): void {
    this.errorCount++
    this.recentErrors.push(error)
    if (this.recentErrors.length > MAX_KEPT_ERRORS) this.recentErrors.splice(0, this.recentErrors.length - MAX_KEPT_ERRORS)
  }
}

function appendSize(writer: LiveTable['writers'][number], payload: Buffer | null): void {
  if (payload === null) writer.appendNull()
  else writer.appendNumber(payload.length)
}

function appendOffset(writer: LiveTable['writers'][number], offset: string): void {
  const n = Number(offset)
  if (Number.isSafeInteger(n)) writer.appendNumber(n)
  else writer.appendBigInt(BigInt(offset))
}
