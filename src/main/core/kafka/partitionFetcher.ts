import type { AutoOffsetReset } from './startOffsets'
import { ISOLATION_READ_COMMITTED, type FetchedPartition, type KafkaCluster, type KafkaRecord } from './kafkajsCluster'
import { filterAbortedRecords } from './abortedRecords'

export interface FetchSink {
  /** `records[start..]` are at or after the position asked for; control records are included for the sink to skip. */
  onRecords(partition: number, records: readonly KafkaRecord[], start: number): void
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

const STALE_METADATA = new Set(['LEADER_NOT_AVAILABLE', 'NOT_LEADER_FOR_PARTITION', 'FENCED_LEADER_EPOCH', 'UNKNOWN_LEADER_EPOCH', 'UNKNOWN_TOPIC_OR_PARTITION', 'NOT_LEADER_OR_FOLLOWER'])
const RETRY_DELAY_MS = 250
const MAX_TRANSIENT_FAILURES = 20

interface KafkaError extends Error {
  type?: string
  retriable?: boolean
  partition?: number
  host?: string
  port?: number
}

/** Reads chosen partitions of one topic from their leaders, one fetch loop per leader, without a consumer group. */
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
    this.startLoops()
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
    if (added && this.running) this.startLoops()
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

  get isPaused(): boolean {
    return this.paused !== null
  }

  async stop(): Promise<void> {
    this.running = false
    this.generation++
    this.resume()
    await Promise.allSettled([...this.loops])
  }

  private startLoops(): void {
    const generation = ++this.generation
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

  private async loop(nodeId: number, partitions: number[], generation: number): Promise<void> {
    let failures = 0
    while (this.isCurrent(generation)) {
      if (this.paused) {
        await this.paused
        continue
      }
      try {
        const broker = await this.cluster.findBroker({ nodeId })
        const response = await broker.fetch({
          replicaId: -1,
          isolationLevel: this.cluster.isolationLevel,
          maxWaitTime: this.settings.maxWaitMs,
          minBytes: this.settings.minBytes,
          maxBytes: this.settings.maxBytes,
          rackId: this.settings.rackId,
          topics: [
            {
              topic: this.topic,
              partitions: partitions.map((partition) => ({
                partition,
                fetchOffset: String(this.positions.get(partition)),
                maxBytes: this.settings.maxPartitionBytes
              }))
            }
          ]
        })
        if (!this.isCurrent(generation)) return
        failures = 0
        for (const topicData of response.responses) {
          if (topicData.topicName !== this.topic) continue
          for (const data of topicData.partitions) this.accept(data)
        }
      } catch (e) {
        if (!this.isCurrent(generation)) return
        const error = e as KafkaError
        if (error.name === 'KafkaJSOffsetOutOfRange' && typeof error.partition === 'number') {
          await this.resetOutOfRange(error.partition)
          continue
        }
        if (STALE_METADATA.has(error.type ?? '') || error.name === 'KafkaJSBrokerNotFound' || error.name === 'KafkaJSConnectionClosedError') {
          await this.recover(error, generation)
          return
        }
        if (error.retriable !== false && ++failures <= MAX_TRANSIENT_FAILURES) {
          await delay(RETRY_DELAY_MS * Math.min(failures, 8))
          continue
        }
        this.fail(new Error(`Reading topic '${this.topic}' partitions ${partitions.join(', ')} failed: ${error.message}`, { cause: error }))
        return
      }
    }
  }

  private accept(data: FetchedPartition): void {
    const position = this.positions.get(data.partition)
    if (position === undefined) return
    this.highWatermarks.set(data.partition, Number(data.highWatermark))
    let records = data.messages
    if (records.length === 0) return
    if (this.cluster.isolationLevel === ISOLATION_READ_COMMITTED && data.abortedTransactions.length > 0) {
      records = filterAbortedRecords(records, data.abortedTransactions)
    }
    let start = 0
    while (start < records.length && Number(records[start].offset) < position) start++
    const last = data.messages[data.messages.length - 1]
    const batchEnd = Number(last.batchContext.firstOffset) + last.batchContext.lastOffsetDelta + 1
    this.positions.set(data.partition, Math.max(position, Number(last.offset) + 1, batchEnd))
    if (start < records.length) this.sink.onRecords(data.partition, records, start)
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
        if (this.isCurrent(generation)) this.startLoops()
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
