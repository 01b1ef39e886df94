import { Kafka, logLevel, type KafkaConfig } from 'kafkajs'
import apiKeys from 'kafkajs/src/protocol/requests/apiKeys.js'
import protocolRequests from 'kafkajs/src/protocol/requests/index.js'
import { decodeFetchResponse, type FetchResponseData } from './fetchResponse'

// kafkajs (pinned at 2.2.4, no longer released) has no group-less consumer. Like Java's KafkaConsumer.assign(),
// tables read their partitions directly through kafkajs's cluster layer, so no consumer group is ever joined.

export interface FetchRequest {
  replicaId?: number
  isolationLevel: number
  maxWaitTime: number
  minBytes: number
  maxBytes: number
  rackId?: string
  topics: { topic: string; partitions: { partition: number; fetchOffset: string; maxBytes: number }[] }[]
}

interface ProtocolRequest {
  request: { apiVersion: number }
  response: { decode(raw: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> }
  requestTimeout?: number
}

export interface KafkaBroker {
  lookupRequest(apiKey: number, definition: unknown): (args: FetchRequest) => ProtocolRequest
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
  addMultipleTargetTopics(topics: string[]): Promise<void>
  /** A Metadata request; no topics: all of them (with Kafka's isInternal flag). */
  metadata(request: { topics: string[] }): Promise<{ topicMetadata: { topic: string; isInternal: boolean; partitionMetadata: PartitionMetadata[] }[] }>
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

/**
 * Sends a Fetch request through kafkajs's connection (SASL, TLS, versions, correlation) but decodes only the
 * response envelope: record batches stay as bytes and are decoded straight into columns.
 */
export function fetchRaw(broker: KafkaBroker, request: FetchRequest): Promise<FetchResponseData> {
  const protocol = broker.lookupRequest(apiKeys.Fetch, protocolRequests.requests.Fetch)(request)
  const version = protocol.request.apiVersion
  if (version < 4) throw new Error(`the broker only offers Fetch v${version}; Topic Tables needs Kafka 0.11 or newer`)
  const send = brokerMethod(broker, 'private:Broker:sendRequest')
  return send.call(broker, {
    ...protocol,
    response: { decode: async (raw: Buffer) => decodeFetchResponse(raw, version), parse: async (data: unknown) => data }
  }) as Promise<FetchResponseData>
}

function brokerMethod(broker: KafkaBroker, description: string): (request: ProtocolRequest) => Promise<unknown> {
  const prototype = Object.getPrototypeOf(broker) as object
  const symbol = Object.getOwnPropertySymbols(prototype).find((s) => s.description === description)
  const method = symbol === undefined ? undefined : (prototype as Record<symbol, unknown>)[symbol]
  if (typeof method !== 'function') throw new Error('This kafkajs version does not expose its broker layer; Topic Tables needs kafkajs 2.2.4')
  return method as (request: ProtocolRequest) => Promise<unknown>
}
