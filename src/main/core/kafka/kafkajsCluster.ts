import { Kafka, logLevel, type KafkaConfig } from 'kafkajs'

// kafkajs (pinned at 2.2.4, no longer released) has no group-less consumer. Like Java's KafkaConsumer.assign(),
// tables read their partitions directly through kafkajs's cluster layer, so no consumer group is ever joined.

export interface KafkaRecord {
  offset: string
  timestamp: string
  key: Buffer | null
  value: Buffer | null
  headers: Record<string, Buffer | Buffer[] | undefined>
  isControlRecord: boolean
  batchContext: { firstOffset: string; lastOffsetDelta: number; producerId: string; inTransaction: boolean; isControlBatch: boolean }
}

export interface FetchedPartition {
  partition: number
  errorCode: number
  highWatermark: string
  lastStableOffset: string
  abortedTransactions: { producerId: string; firstOffset: string }[]
  messages: KafkaRecord[]
}

export interface FetchResponse {
  responses: { topicName: string; partitions: FetchedPartition[] }[]
}

export interface KafkaBroker {
  fetch(request: {
    replicaId?: number
    isolationLevel: number
    maxWaitTime: number
    minBytes: number
    maxBytes: number
    rackId?: string
    topics: { topic: string; partitions: { partition: number; fetchOffset: string; maxBytes: number }[] }[]
  }): Promise<FetchResponse>
}

export interface PartitionMetadata {
  partitionId: number
  leader: number
}

export interface KafkaCluster {
  isolationLevel: number
  connect(): Promise<void>
  disconnect(): Promise<void>
  addTargetTopic(topic: string): Promise<void>
  refreshMetadata(): Promise<void>
  findTopicPartitionMetadata(topic: string): PartitionMetadata[]
  findLeaderForPartitions(topic: string, partitions: number[]): Record<string, number[]>
  findBroker(node: { nodeId: number | string }): Promise<KafkaBroker>
  removeBroker(address: { host: string; port: number }): void
  fetchTopicsOffset(
    topics: { topic: string; partitions: { partition: number }[]; fromBeginning: boolean }[]
  ): Promise<{ topic: string; partitions: { partition: number; offset: string }[] }[]>
}

type CreateCluster = (options: { metadataMaxAge: number; allowAutoTopicCreation: boolean; isolationLevel: number }) => KafkaCluster

export const ISOLATION_READ_UNCOMMITTED = 0
export const ISOLATION_READ_COMMITTED = 1

export function createKafka(config: KafkaConfig): Kafka {
  return new Kafka({ logLevel: logLevel.NOTHING, ...config })
}

export function createCluster(kafka: Kafka, options: { metadataMaxAgeMs: number; readCommitted: boolean }): KafkaCluster {
  const symbol = Object.getOwnPropertySymbols(kafka).find((s) => s.description === 'private:Kafka:createCluster')
  const create = symbol === undefined ? undefined : (kafka as unknown as Record<symbol, CreateCluster | undefined>)[symbol]
  if (typeof create !== 'function') {
    throw new Error('This kafkajs version does not expose its cluster layer; Topic Tables needs kafkajs 2.2.4')
  }
  return create({
    metadataMaxAge: options.metadataMaxAgeMs,
    allowAutoTopicCreation: false,
    isolationLevel: options.readCommitted ? ISOLATION_READ_COMMITTED : ISOLATION_READ_UNCOMMITTED
  })
}
