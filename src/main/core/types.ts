import type { ColumnDef, ColumnType, ScalarType } from '../../shared/model/columns'

export { COLUMN_TYPES, COLUMN_TYPES_TEXT, columnShape, isColumnType, isScalarType } from '../../shared/model/columns'
export type { ColumnDef, ColumnType, ScalarType }

/** One update per cycle, in position space of the table's visible rows. */
export interface TableUpdate {
  /** Increases by one for every update emitted. */
  cycle: number
  /** Rows removed from the front of the table (ring eviction, blink replacement). */
  removed: number
  /** Rows appended at the end of the table. */
  added: number
  /** Rows in the table after this update. */
  size: number
  /** Arrival index of the table's first row: increases as rows are removed from the front. */
  firstRowKey: number
}

export interface RecordError {
  topic: string
  partition: number
  /** The record's offset as a decimal string (Kafka offsets are int64). */
  offset: string
  /** The column or field the error is about, when there is one. */
  field?: string
  reason: string
  /** 'record': the record was skipped (or failed the table); 'field': one field became null, the row was kept. */
  kind: 'record' | 'field'
  /** Epoch milliseconds when the error was recorded. */
  time: number
}

export interface PartitionStats {
  partition: number
  /** Next offset this table will read. */
  position: string
  highWatermark: string
  lag: number
}

export interface TableStats {
  rowsPerSecond: number
  bytesPerSecond: number
  totalRows: number
  totalBytes: number
  errorCount: number
  partitions: PartitionStats[]
}

export type TableState = 'running' | 'paused' | 'failed' | 'closed'
