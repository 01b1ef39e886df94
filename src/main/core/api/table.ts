import type { ColumnDef, RecordError, TableState, TableStats, TableUpdate } from '../types'
import type { TableView } from '../views/tableView'
import type { ViewSpec } from '../views/viewTypes'

/** A live table fed by a Kafka topic. */
export interface Table {
  readonly topic: string
  readonly columns: readonly ColumnDef[]
  /** How the key and value are read, as resolved when the table opened: `ignore`, `Price: float64`, `avro orders-value v3 (id 12)`. */
  readonly sources: { readonly key: string; readonly value: string }
  /** Visible rows; changes only when an update is emitted. */
  readonly size: number
  /** Rows by position: int64 → bigint, timestamp → bigint epoch nanoseconds, bytes → Uint8Array, null → null. */
  rows(start?: number, end?: number): Record<string, unknown>[]
  /** One update per cycle with rows added and removed. Returns the unsubscribe function. */
  onUpdate(listener: (update: TableUpdate) => void): () => void
  /** The most recent record errors (at most 1,000; stats.errorCount counts them all). */
  readonly errors: readonly RecordError[]
  readonly stats: TableStats
  readonly state: TableState
  /** Why the table stopped, when state is 'failed'. */
  readonly failure: Error | null
  /** Called once if the table fails (onError 'fail', or the broker connection is lost for good). */
  onFailure(listener: (error: Error) => void): () => void
  /** A sorted, filtered, projected view of this table, kept up to date as rows arrive and leave. */
  view(spec: ViewSpec): TableView
  pause(): void
  resume(): void
  /** Stops consuming and disconnects; no consumer group is left behind (none is ever created). */
  close(): Promise<void>
}
