import { createErrorFromCode } from 'kafkajs/src/protocol/error.js'
import type { FetchedPartitionData } from './fetchResponse'
import { fetchRaw, ISOLATION_READ_COMMITTED, type KafkaCluster } from './kafkajsCluster'
import { abortedBatchFilter, isControlBatch, scanRecordBatches, type RecordBatchSpan } from './recordBatches'
import type { AutoOffsetReset } from './startOffsets'

export interface FetchSink {
  /** Ingests the records of `batch` with offsets >= `from`; returns false to stop reading for good. */
  onBatch(partition: number, records: Buffer, batch: RecordBatchSpan, from: number): boolean
  /** When present, awaited before onBatch (e.g. to fetch the schemas the batch's records name). */
  prepareBatch?: (records: Buffer, batch: RecordBatchSpan, from: number) => Promise<void>
  /** The fetcher stopped for good with this error. */
  onFatal(error: Error): void
}

export interface FetchSettings {
  maxWaitMs: number
  minBytes: number
  maxBytes: number
  maxPartitionBytes: number
  rackId?: string
  autoOffsetReset: AutoOffsetReset
}

interface FetchedWork {
  partition: number
  records: Buffer
  batches: RecordBatchSpan[]
  from: number
}

const ERROR_OFFSET_OUT_OF_RANGE = 1
// UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE, NOT_LEADER_OR_FOLLOWER, FENCED_LEADER_EPOCH, UNKNOWN_LEADER_EPOCH, NOT_CONTROLLER-like moves
const STALE_METADATA_CODES = new Set([3, 5, 6, 74, 75, 100])
const STALE_METADATA_TYPES = new Set(['LEADER_NOT_AVAILABLE', 'NOT_LEADER_FOR_PARTITION', 'NOT_LEADER_OR_FOLLOWER', 'FENCED_LEADER_EPOCH', 'UNKNOWN_LEADER_EPOCH', 'UNKNOWN_TOPIC_OR_PARTITION'])
const RETRY_DELAY_MS = 250
const MAX_TRANSIENT_FAILURES = 20
/** Ingest yields to the event loop after this much work, so a worker stays responsive while a big fetch is decoded. */
const SLICE_MS = 8

interface KafkaError extends Error {
  type?: string
  retriable?: boolean
  host?: string
  port?: number
}

class StaleMetadata extends Error {}

/**
 * Reads chosen partitions of one topic from their leaders, one fetch loop per leader, without a consumer group.
 * The next fetch is sent before the current response is ingested, so the broker works while we decode.
 */
export class PartitionFetcher {
  private running = false
  private generation = 0
  private paused: Promise<void> | null = null
  private resumePaused: (() => void) | null = null
  private readonly loops = new Set<Promise<void>>()
  private readonly positions = new Map<number, number>()
  private readonly highWatermarks = new Map<number, number>()

  constructor(
    private readonly cluster: KafkaCluster,
    private readonly topic: string,
    start: Map<number, number>,
    private readonly settings: FetchSettings,
    private readonly sink: FetchSink
  ) {
    for (const [p, o] of start) this.positions.set(p, o)
  }

  get partitions(): number[] {
    return [...this.positions.keys()].sort((a, b) => a - b)
  }

  position(partition: number): number | undefined {
    return this.positions.get(partition)
  }

  highWatermark(partition: number): number | undefined {
    return this.highWatermarks.get(partition)
  }

  start(): void {
    this.running = true
    void this.restartLoops()
  }

  /** Starts reading newly discovered partitions from the given offsets. */
  addPartitions(start: Map<number, number>): void {
    let added = false
    for (const [p, o] of start) {
      if (!this.positions.has(p)) {
        this.positions.set(p, o)
        added = true
      }
    }
    if (added && this.running) void this.restartLoops()
  }

  pause(): void {
    if (this.paused) return
    this.paused = new Promise((resolve) => (this.resumePaused = resolve))
  }

  resume(): void {
    this.resumePaused?.()
    this.paused = null
    this.resumePaused = null
  }

  async stop(): Promise<void> {
    this.running = false
    this.generation++
    this.resume()
    await Promise.allSettled([...this.loops])
  }

  /** Lets the current loops finish what they fetched (so each partition stays in offset order), then starts new ones. */
  private async restartLoops(): Promise<void> {
    const generation = ++this.generation
    await Promise.allSettled([...this.loops])
    if (!this.isCurrent(generation)) return
    let leaders: Record<string, number[]>
    try {
      leaders = this.cluster.findLeaderForPartitions(this.topic, this.partitions)
    } catch (e) {
      void this.recover(e as KafkaError, generation)
      return
    }
    for (const [nodeId, partitions] of Object.entries(leaders)) {
      const loop = this.loop(Number(nodeId), partitions, generation)
      this.loops.add(loop)
      void loop.finally(() => this.loops.delete(loop))
    }
  }

  private isCurrent(generation: number): boolean {
    return this.running && generation === this.generation
  }

  private async fetchFrom(nodeId: number, partitions: number[]) {
    const broker = await this.cluster.findBroker({ nodeId })
    return fetchRaw(broker as never, {
      replicaId: -1,
      isolationLevel: this.cluster.isolationLevel,
      maxWaitTime: this.settings.maxWaitMs,
      minBytes: this.settings.minBytes,
      maxBytes: this.settings.maxBytes,
      rackId: this.settings.rackId,
      topics: [
        {
          topic: this.topic,
          partitions: partitions.map((partition) => ({ partition, fetchOffset: String(this.positions.get(partition)), maxBytes: this.settings.maxPartitionBytes }))
        }
      ]
    })
  }

  private async loop(nodeId: number, partitions: number[], generation: number): Promise<void> {
    let failures = 0
    let next: ReturnType<PartitionFetcher['fetchFrom']> | null = null
    while (this.isCurrent(generation)) {
      if (this.paused) {
        await this.paused
        continue
      }
      try {
        const pending = next ?? this.fetchFrom(nodeId, partitions)
        next = null
        const response = await pending
        if (this.paused) {
          // a fetch that was in flight when the table paused: keep its records for after the resume
          await this.paused
        }
        if (!this.isCurrent(generation)) return
        failures = 0
        const work: FetchedWork[] = []
        let outOfRange: number[] = []
        for (const topicData of response.topics) {
          if (topicData.topic !== this.topic) continue
          for (const data of topicData.partitions) {
            if (data.errorCode === ERROR_OFFSET_OUT_OF_RANGE) outOfRange.push(data.partition)
            else if (STALE_METADATA_CODES.has(data.errorCode)) throw new StaleMetadata(createErrorFromCode(data.errorCode).message)
            else if (data.errorCode !== 0) throw createErrorFromCode(data.errorCode)
            else this.accept(data, work)
          }
        }
        if (outOfRange.length > 0) {
          for (const partition of outOfRange) await this.resetOutOfRange(partition)
          outOfRange = []
        } else if (!this.paused) {
          next = this.fetchFrom(nodeId, partitions)
          next.catch(() => undefined)
        }
        if (!(await this.ingest(work))) return
      } catch (e) {
        next = null
        if (!this.isCurrent(generation)) return
        const error = e as KafkaError
        if (error instanceof StaleMetadata || STALE_METADATA_TYPES.has(error.type ?? '') || error.name === 'KafkaJSBrokerNotFound' || error.name === 'KafkaJSConnectionClosedError') {
          await this.recover(error, generation)
          return
        }
        if (error.retriable === true && ++failures <= MAX_TRANSIENT_FAILURES) {
          await delay(RETRY_DELAY_MS * Math.min(failures, 8))
          continue
        }
        this.fail(new Error(`Reading topic '${this.topic}' partitions ${partitions.join(', ')} failed: ${error.message}`, { cause: error }))
        return
      }
    }
  }

  /** Finds the complete batches in a partition's records and moves its position past them. */
  private accept(data: FetchedPartitionData, work: FetchedWork[]): void {
    const from = this.positions.get(data.partition)
    if (from === undefined) return
    this.highWatermarks.set(data.partition, data.highWatermark)
    if (data.records === null || data.records.length === 0) return
    const batches = scanRecordBatches(data.records)
    if (batches.length === 0) return
    const last = batches[batches.length - 1]
    this.positions.set(data.partition, Math.max(from, last.baseOffset + last.lastOffsetDelta + 1))
    const dropAborted = this.cluster.isolationLevel === ISOLATION_READ_COMMITTED ? abortedBatchFilter(data.abortedTransactions) : null
    const kept = batches.filter((b) => !(dropAborted?.(b, data.records!) ?? false) && !isControlBatch(b) && b.baseOffset + b.lastOffsetDelta >= from)
    if (kept.length > 0) work.push({ partition: data.partition, records: data.records, batches: kept, from })
  }

  /** Returns false when reading must stop (error policy or stop); a newer generation waits for this to finish. */
  private async ingest(work: FetchedWork[]): Promise<boolean> {
    let sliceStart = performance.now()
    for (const item of work) {
      for (const batch of item.batches) {
        if (this.sink.prepareBatch) {
          await this.sink.prepareBatch(item.records, batch, item.from)
          if (!this.running) return false
        }
        if (!this.sink.onBatch(item.partition, item.records, batch, item.from)) {
          this.running = false
          return false
        }
        if (performance.now() - sliceStart > SLICE_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve))
          if (!this.running) return false
          sliceStart = performance.now()
        }
      }
    }
    return true
  }

  private async resetOutOfRange(partition: number): Promise<void> {
    const reset = this.settings.autoOffsetReset
    if (reset === 'none') {
      this.fail(new Error(`Topic '${this.topic}' partition ${partition}: offset ${this.positions.get(partition)} is out of range and auto.offset.reset=none`))
      return
    }
    const [result] = await this.cluster.fetchTopicsOffset([{ topic: this.topic, partitions: [{ partition }], fromBeginning: reset === 'earliest' }])
    const offset = result?.partitions.find((p) => p.partition === partition)?.offset
    if (offset !== undefined) this.positions.set(partition, Number(offset))
  }

  private async recover(error: KafkaError, generation: number): Promise<void> {
    if (error.name === 'KafkaJSConnectionClosedError' && error.host !== undefined && error.port !== undefined) {
      this.cluster.removeBroker({ host: error.host, port: error.port })
    }
    for (let attempt = 1; this.isCurrent(generation); attempt++) {
      try {
        await delay(RETRY_DELAY_MS)
        await this.cluster.refreshMetadata()
        if (this.isCurrent(generation)) void this.restartLoops()
        return
      } catch (e) {
        if (attempt >= MAX_TRANSIENT_FAILURES) {
          this.fail(new Error(`Topic '${this.topic}': lost the partition leaders and could not find them again: ${(e as Error).message}`, { cause: e }))
          return
        }
      }
    }
  }

  private fail(error: Error): void {
    if (!this.running) return
    this.running = false
    this.generation++
    this.sink.onFatal(error)
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
