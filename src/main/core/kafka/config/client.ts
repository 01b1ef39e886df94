import type { RetryOptions } from 'kafkajs'
import type { PropertyReader } from './reader'

export interface ConsumerSettings {
  groupId?: string
  autoOffsetReset: 'earliest' | 'latest' | 'none'
  isolationLevel: 'read_uncommitted' | 'read_committed'
  fetchMaxWaitMs: number
  fetchMinBytes: number
  fetchMaxBytes: number
  maxPartitionFetchBytes: number
  metadataMaxAgeMs: number
  defaultApiTimeoutMs: number
  rackId?: string
}

export interface ConnectionSettings {
  clientId: string
  requestTimeout: number
  connectionTimeout: number
  authenticationTimeout: number
  retry?: RetryOptions
}

/** Java client defaults for the properties this app maps. */
export const JAVA_DEFAULTS = {
  'request.timeout.ms': 30_000,
  'socket.connection.setup.timeout.ms': 10_000,
  'default.api.timeout.ms': 60_000,
  'fetch.max.wait.ms': 500,
  'fetch.min.bytes': 1,
  'fetch.max.bytes': 52_428_800,
  'max.partition.fetch.bytes': 1_048_576,
  'metadata.max.age.ms': 300_000
} as const

function optionalText(reader: PropertyReader, key: string): string | undefined {
  const value = reader.string(key, { allowNumber: true })
  return value === '' ? undefined : value
}

/** `client.id` and the connection timeouts and retry backoffs, for the kafkajs client. */
export function translateConnection(reader: PropertyReader): ConnectionSettings {
  const connectionTimeout = reader.int('socket.connection.setup.timeout.ms', 1) ?? JAVA_DEFAULTS['socket.connection.setup.timeout.ms']
  const settings: ConnectionSettings = {
    clientId: optionalText(reader, 'client.id') ?? 'topic-tables',
    requestTimeout: reader.int('request.timeout.ms', 1) ?? JAVA_DEFAULTS['request.timeout.ms'],
    connectionTimeout,
    // Java has no separate SASL handshake timeout; give it the connection-setup budget.
    authenticationTimeout: connectionTimeout
  }
  const retryBackoff = reader.int('retry.backoff.ms', 0)
  const retryBackoffMax = reader.int('retry.backoff.max.ms', 0)
  const reconnectBackoff = reader.int('reconnect.backoff.ms', 0)
  const reconnectBackoffMax = reader.int('reconnect.backoff.max.ms', 0)
  const initial = retryBackoff ?? reconnectBackoff
  const max = retryBackoffMax ?? reconnectBackoffMax
  const retry: RetryOptions = {}
  // As in Java, a backoff above the maximum is held at the maximum.
  if (initial !== undefined) retry.initialRetryTime = max !== undefined ? Math.min(initial, max) : initial
  if (max !== undefined) retry.maxRetryTime = max
  if (Object.keys(retry).length > 0) settings.retry = retry
  return settings
}

/** The consumer-side settings: offsets, isolation, fetch sizes, metadata refresh and lookup deadlines. */
export function translateConsumer(reader: PropertyReader): ConsumerSettings {
  const consumer: ConsumerSettings = {
    autoOffsetReset: reader.choice('auto.offset.reset', ['earliest', 'latest', 'none'] as const) ?? 'latest',
    isolationLevel: reader.choice('isolation.level', ['read_uncommitted', 'read_committed'] as const) ?? 'read_uncommitted',
    fetchMaxWaitMs: reader.int('fetch.max.wait.ms', 0) ?? JAVA_DEFAULTS['fetch.max.wait.ms'],
    fetchMinBytes: reader.int('fetch.min.bytes', 0) ?? JAVA_DEFAULTS['fetch.min.bytes'],
    fetchMaxBytes: reader.int('fetch.max.bytes', 0) ?? JAVA_DEFAULTS['fetch.max.bytes'],
    maxPartitionFetchBytes: reader.int('max.partition.fetch.bytes', 0) ?? JAVA_DEFAULTS['max.partition.fetch.bytes'],
    metadataMaxAgeMs: reader.int('metadata.max.age.ms', 0) ?? JAVA_DEFAULTS['metadata.max.age.ms'],
    defaultApiTimeoutMs: reader.int('default.api.timeout.ms', 1) ?? JAVA_DEFAULTS['default.api.timeout.ms']
  }
  const groupId = optionalText(reader, 'group.id')
  if (groupId !== undefined) consumer.groupId = groupId
  const rackId = optionalText(reader, 'client.rack')
  if (rackId !== undefined) consumer.rackId = rackId
  return consumer
}
