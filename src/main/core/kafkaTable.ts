import type { Table } from './api/table'
import type { LiveTable } from './engine/liveTable'
import type { PartitionFetcher } from './kafka/partitionFetcher'
import type { RecordIngester } from './recordIngester'
import { RateMeter } from './rateMeter'
import type { PartitionStats, RecordError, TableState, TableStats, TableUpdate } from './types'
import { TableView } from './views/tableView'
import type { ViewSpec } from './views/viewTypes'

export interface KafkaTableParts {
  topic: string
  sources: Table['sources']
  table: LiveTable
  ingester: RecordIngester
  fetcher: PartitionFetcher
  updateIntervalMs: number
  /** Looks for partitions added to the topic; absent when the partitions were chosen by number. */
  discoverPartitions?: () => Promise<void>
  discoveryIntervalMs: number
  disconnect: () => Promise<void>
}

export class KafkaTable implements Table {
  readonly topic: string
  private currentState: TableState = 'running'
  private failureError: Error | null = null
  private readonly failureListeners = new Set<(error: Error) => void>()
  private flushTimer: NodeJS.Timeout | null = null
  private flushQueued = false
  private lastFlushAt = -Infinity
  private flushing = true
  private readonly discoveryTimer: NodeJS.Timeout | null
  private readonly rates = new RateMeter()

  constructor(private readonly parts: KafkaTableParts) {
    this.topic = parts.topic
    this.rates.sample(0, 0)
    this.scheduleFlush(parts.updateIntervalMs)
    const discover = parts.discoverPartitions
    this.discoveryTimer = discover ? setInterval(() => void discover().catch(() => undefined), parts.discoveryIntervalMs) : null
    this.discoveryTimer?.unref()
  }

  get columns() {
    return this.parts.table.columns
  }

  get sources() {
    return this.parts.sources
  }

  get size(): number {
    return this.parts.table.size
  }

  rows(start?: number, end?: number): Record<string, unknown>[] {
    return this.parts.table.rows(start, end)
  }

  onUpdate(listener: (update: TableUpdate) => void): () => void {
    return this.parts.table.onUpdate(listener)
  }

  get errors(): readonly RecordError[] {
    return this.parts.ingester.recentErrors
  }

  get stats(): TableStats {
    const { ingester, fetcher } = this.parts
    const partitions: PartitionStats[] = fetcher.partitions.map((partition) => {
      const position = fetcher.position(partition) ?? 0
      const highWatermark = fetcher.highWatermark(partition)
      return {
        partition,
        position: String(position),
        highWatermark: highWatermark === undefined ? '' : String(highWatermark),
        lag: highWatermark === undefined ? 0 : Math.max(0, highWatermark - position)
      }
    })
    return {
      rowsPerSecond: this.rates.rowsPerSecond,
      bytesPerSecond: this.rates.bytesPerSecond,
      totalRows: ingester.totalRows,
      totalBytes: ingester.totalBytes,
      errorCount: ingester.errorCount,
      partitions
    }
  }

  get state(): TableState {
    return this.currentState
  }

  get failure(): Error | null {
    return this.failureError
  }

  onFailure(listener: (error: Error) => void): () => void {
    this.failureListeners.add(listener)
    return () => this.failureListeners.delete(listener)
  }

  view(spec: ViewSpec): TableView {
    return new TableView(this.parts.table, spec)
  }

  pause(): void {
    if (this.currentState !== 'running') return
    this.parts.fetcher.pause()
    this.currentState = 'paused'
  }

  resume(): void {
    if (this.currentState !== 'paused') return
    this.parts.fetcher.resume()
    this.currentState = 'running'
  }

  /** Stops reading after an error; rows already received stay readable. */
  fail(error: Error): void {
    if (this.currentState === 'failed' || this.currentState === 'closed') return
    this.currentState = 'failed'
    this.failureError = error
    void this.stopReading()
    this.flush()
    for (const listener of this.failureListeners) listener(error)
  }

  async close(): Promise<void> {
    if (this.currentState === 'closed') return
    this.currentState = 'closed'
    await this.stopReading()
    this.flush()
    await this.parts.disconnect()
  }

  /**
   * Rows were ingested: flush at once when the last cycle that changed the table is at least an interval old (a
   * quiet table shows a new record without waiting for the next tick), otherwise the tick takes them. At most one
   * update per interval either way.
   */
  rowsArrived(): void {
    if (!this.flushing || this.flushQueued) return
    if (performance.now() - this.lastFlushAt < this.parts.updateIntervalMs) return
    this.flushQueued = true
    setImmediate(() => {
      this.flushQueued = false
      if (this.flushing) this.flush()
    })
  }

  private scheduleFlush(delayMs: number): void {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = setTimeout(() => this.flush(), delayMs)
    this.flushTimer.unref()
  }

  private async stopReading(): Promise<void> {
    this.flushing = false
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    if (this.discoveryTimer) clearInterval(this.discoveryTimer)
    await this.parts.fetcher.stop()
  }

  private flush(): void {
    if (this.flushing) this.scheduleFlush(this.parts.updateIntervalMs)
    // only a cycle that changed the table counts against the rate: a quiet table takes the next record at once
    if (this.parts.table.flush()) this.lastFlushAt = performance.now()
    this.rates.sample(this.parts.ingester.totalRows, this.parts.ingester.totalBytes)
  }
}
