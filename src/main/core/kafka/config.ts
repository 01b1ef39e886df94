/**
 * Translates Apache Kafka Java-style consumer properties (the dict a Deephaven
 * `kafka_consumer.consume(kafka_config, ...)` call takes) into a kafkajs client config, the consumer
 * settings this app applies itself, and the table's column settings.
 *
 * Every problem is collected and thrown at once as a KafkaConfigError. docs/kafka-properties.md lists
 * every supported, ignored and unsupported property.
 */
import { readFileSync } from 'node:fs'
import type { KafkaConfig } from 'kafkajs'
import type { ColumnType } from '../types'
import { parseBootstrapServers } from './config/brokers'
import { translateConnection, translateConsumer } from './config/client'
import { KafkaConfigError, Problems } from './config/errors'
import { checkKnownKeys } from './config/knownKeys'
import { PropertyReader } from './config/reader'
import { collectRegistry } from './config/registry'
import { translateSecurity } from './config/security'
import { translateTable } from './config/table'

export { KafkaConfigError }

export type KafkaProperties = Record<string, string | number | boolean | null>

export interface TranslatedConfig {
  /** brokers, clientId, ssl, sasl, connectionTimeout, authenticationTimeout, requestTimeout, retry */
  kafkajs: KafkaConfig
  /** The bootstrap servers as host:port (listener prefixes stripped), for error messages. */
  brokers: string[]
  consumer: {
    /** The user's group.id: ONLY used to read its committed offsets, never joined. */
    groupId?: string
    /** Default 'latest' (Kafka's). */
    autoOffsetReset: 'earliest' | 'latest' | 'none'
    /** Default read_uncommitted (Kafka's). */
    isolationLevel: 'read_uncommitted' | 'read_committed'
    /** Java defaults 500, 1, 52428800, 1048576. */
    fetchMaxWaitMs: number
    fetchMinBytes: number
    fetchMaxBytes: number
    maxPartitionFetchBytes: number
    /** Java default 300000; used for partition discovery. */
    metadataMaxAgeMs: number
    /** Java default 60000; deadline for startup metadata/offset lookups. */
    defaultApiTimeoutMs: number
    /** client.rack */
    rackId?: string
  }
  table: {
    /** Defaults KafkaPartition, KafkaOffset, KafkaTimestamp; null = no column. */
    partitionColumn: string | null
    offsetColumn: string | null
    timestampColumn: string | null
    /** Default null (absent). */
    receiveTimeColumn: string | null
    keyBytesColumn: string | null
    valueBytesColumn: string | null
    /** deephaven.key/value.column.name, defaults KafkaKey / KafkaValue. */
    keyColumnName: string
    valueColumnName: string
    /** From deephaven.key/value.column.type, else inferred from key/value.deserializer. */
    keyColumnType?: ColumnType
    valueColumnType?: ColumnType
  }
  /** Schema-registry settings, passed through untouched for a later feature. */
  registry: Record<string, string>
  /** Known Java client properties that do not apply here (accepted, documented). */
  ignoredKeys: string[]
}

function defaultReadFile(path: string): string {
  return readFileSync(path, 'utf8')
}

function isPropertyMap(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * Translates Java-style Kafka properties. Throws a KafkaConfigError listing every problem found.
 * `readFile` reads trust/key store files (UTF-8); it defaults to the file system.
 */
export function translateKafkaConfig(props: KafkaProperties, readFile: (path: string) => string = defaultReadFile): TranslatedConfig {
  const problems = new Problems()
  if (!isPropertyMap(props)) {
    problems.add('kafka_config', 'must be a map of Kafka property names to values.')
    problems.throwIfAny()
  }
  const reader = new PropertyReader(Object.entries(props), problems)

  const { ignoredKeys } = checkKnownKeys(reader)
  const brokers = parseBootstrapServers(reader)
  const security = translateSecurity(reader, readFile)
  const connection = translateConnection(reader)
  const consumer = translateConsumer(reader)
  const table = translateTable(reader)
  const registry = collectRegistry(reader)
  problems.throwIfAny()

  const kafkajs: KafkaConfig = {
    brokers: [...brokers],
    clientId: connection.clientId,
    connectionTimeout: connection.connectionTimeout,
    authenticationTimeout: connection.authenticationTimeout,
    requestTimeout: connection.requestTimeout
  }
  if (security.ssl !== undefined) kafkajs.ssl = security.ssl
  if (security.sasl !== undefined) kafkajs.sasl = security.sasl
  if (connection.retry !== undefined) kafkajs.retry = connection.retry

  return { kafkajs, brokers, consumer, table, registry, ignoredKeys }
}
