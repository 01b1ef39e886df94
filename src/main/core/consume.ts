import type { Table } from './api/table'
import { commonColumnDefs, commonColumns } from './commonColumns'
import { validateOptions, type ConsumeOptions } from './consumeOptions'
import { LiveTable } from './engine/liveTable'
import { KafkaTable } from './kafkaTable'
import { ClusterError, toClusterError, withDeadline } from './kafka/clusterError'
import { translateKafkaConfig, type KafkaProperties, type TranslatedConfig } from './kafka/config'
import { certificateWatchingSockets } from './kafka/certificateFailures'
import { createCluster, createKafka, type KafkaCluster } from './kafka/kafkajsCluster'
import { PartitionFetcher } from './kafka/partitionFetcher'
import { parseOffsets, resolveStartOffsets, type OffsetLookups } from './kafka/startOffsets'
import { RecordIngester } from './recordIngester'
import { headerColumns } from './headers/headerColumns'
import { resolvePartDecoder, SpecError, type DecoderContext } from './specs/resolvePartDecoder'
import { specSource } from './specs/specSource'
import { createRegistryClient, type RegistryClient } from './registry/client'
import type { ColumnDef } from './types'

const MAX_DISCOVERY_INTERVAL_MS = 30_000

/** Reads a Kafka topic into a live table, with the semantics of Deephaven's kafka_consumer.consume. */
export async function consume(kafkaConfig: KafkaProperties, topic: string, options?: ConsumeOptions): Promise<Table> {
  const o = validateOptions(topic, options)
  const config = translateKafkaConfig(kafkaConfig)
  const context = decoderContext(config)
  const [keyDecoder, valueDecoder] = await Promise.all([resolvePartDecoder('key', o.keySpec, context), resolvePartDecoder('value', o.valueSpec, context)])
  const common = commonColumns(config.table)
  const headers = headerColumns(o.headers)
  const columns: ColumnDef[] = [...commonColumnDefs(common), ...(keyDecoder?.columns ?? []), ...(valueDecoder?.columns ?? []), ...headers.columns]
  assertUniqueNames(columns)
  const positionOf = parseOffsets(o.offsets)

  const sockets = certificateWatchingSockets()
  const kafka = createKafka({ ...config.kafkajs, socketFactory: sockets.socketFactory })
  const cluster = createCluster(kafka, { metadataMaxAgeMs: config.consumer.metadataMaxAgeMs, readCommitted: config.consumer.isolationLevel === 'read_committed' })
  const { brokers } = config
  let start: Map<number, number>
  try {
    await withDeadline(
      Promise.race([
        (async () => {
          await cluster.connect()
          await cluster.addTargetTopic(topic)
        })(),
        sockets.failure
      ]),
      config.consumer.defaultApiTimeoutMs,
      brokers,
      `loading metadata of topic '${topic}'`
    )
    const existing = partitionIds(cluster, topic)
    const selected = o.partitions === 'ALL' ? existing : o.partitions
    const missing = selected.filter((p) => !existing.includes(p))
    if (missing.length > 0) {
      throw new ClusterError('UNKNOWN_TOPIC', `Topic '${topic}' has no partition ${missing.join(', ')} (it has ${existing.length} partition${existing.length === 1 ? '' : 's'}: 0..${existing.length - 1})`)
    }
    start = await withDeadline(
      resolveStartOffsets(topic, selected, positionOf, offsetLookups(kafka, cluster, topic, config)),
      config.consumer.defaultApiTimeoutMs,
      brokers,
      `looking up start offsets of topic '${topic}'`
    )
  } catch (e) {
    await cluster.disconnect().catch(() => undefined)
    if (e instanceof SpecError || (e as Error).name === 'OffsetsError') throw e
    throw toClusterError(e, brokers, topic)
  }

  const liveTable = new LiveTable(columns, o.tableType)
  const ingester = new RecordIngester(topic, liveTable, common, keyDecoder, valueDecoder, headers, o.onError, (error) =>
    kafkaTable.fail(new Error(`Topic '${error.topic}' partition ${error.partition} offset ${error.offset}: ${error.reason}`))
  )
  const fetcher = new PartitionFetcher(
    cluster,
    topic,
    start,
    {
      maxWaitMs: config.consumer.fetchMaxWaitMs,
      minBytes: config.consumer.fetchMinBytes,
      maxBytes: config.consumer.fetchMaxBytes,
      maxPartitionBytes: config.consumer.maxPartitionFetchBytes,
      rackId: config.consumer.rackId,
      autoOffsetReset: config.consumer.autoOffsetReset
    },
    {
      onBatch: (partition, records, batch, from) => {
        const more = ingester.ingestBatch(partition, records, batch, from)
        kafkaTable.rowsArrived()
        return more
      },
      prepareBatch: ingester.needsPreparation ? (records, batch, from) => ingester.prepareBatch(records, batch, from) : undefined,
      onFatal: (error) => kafkaTable.fail(error)
    }
  )
  const discoverPartitions =
    o.partitions === 'ALL'
      ? async () => {
          await cluster.refreshMetadata()
          const added = partitionIds(cluster, topic).filter((p) => fetcher.position(p) === undefined)
          if (added.length === 0) return
          // every record of a partition created after the start is new, so it is read from its beginning
          const earliest = await cluster.fetchTopicsOffset([{ topic, partitions: added.map((partition) => ({ partition })), fromBeginning: true }])
          fetcher.addPartitions(new Map(earliest[0]?.partitions.map((p) => [p.partition, Number(p.offset)]) ?? []))
        }
      : undefined
  const kafkaTable = new KafkaTable({
    topic,
    sources: Object.freeze({ key: specSource(o.keySpec, keyDecoder), value: specSource(o.valueSpec, valueDecoder) }),
    table: liveTable,
    ingester,
    fetcher,
    updateIntervalMs: o.updateIntervalMs,
    discoverPartitions,
    discoveryIntervalMs: Math.min(config.consumer.metadataMaxAgeMs, MAX_DISCOVERY_INTERVAL_MS),
    disconnect: () => cluster.disconnect()
  })
  fetcher.start()
  return kafkaTable
}

function partitionIds(cluster: KafkaCluster, topic: string): number[] {
  return cluster
    .findTopicPartitionMetadata(topic)
    .map((p) => p.partitionId)
    .sort((a, b) => a - b)
}

function offsetLookups(kafka: ReturnType<typeof createKafka>, cluster: KafkaCluster, topic: string, config: TranslatedConfig): OffsetLookups {
  const list = async (partitions: number[], fromBeginning: boolean) => {
    const [result] = await cluster.fetchTopicsOffset([{ topic, partitions: partitions.map((partition) => ({ partition })), fromBeginning }])
    return new Map(result?.partitions.map((p) => [p.partition, Number(p.offset)]) ?? [])
  }
  const groupId = config.consumer.groupId
  return {
    autoOffsetReset: config.consumer.autoOffsetReset,
    groupId,
    earliest: (partitions) => list(partitions, true),
    latest: (partitions) => list(partitions, false),
    committed: async () => {
      // reads the group's committed offsets; never joins the group
      const admin = kafka.admin()
      await admin.connect()
      try {
        const [offsets] = await admin.fetchOffsets({ groupId: groupId!, topics: [topic] })
        return new Map(offsets?.partitions.map((p) => [p.partition, Number(p.offset)]) ?? [])
      } finally {
        await admin.disconnect()
      }
    }
  }
}

function assertUniqueNames(columns: ColumnDef[]): void {
  const seen = new Set<string>()
  for (const c of columns) {
    if (seen.has(c.name)) {
      throw new SpecError(`Column '${c.name}' appears twice; rename one through the spec or a deephaven.*.column.name property`)
    }
    seen.add(c.name)
  }
}

function decoderContext(config: TranslatedConfig): DecoderContext {
  let registry: RegistryClient | undefined
  return {
    table: config.table,
    registry() {
      if (registry) return registry
      if (!config.registry['schema.registry.url']) {
        throw new SpecError("This spec needs a schema registry: set 'schema.registry.url' in the Kafka properties")
      }
      registry = createRegistryClient(config.registry)
      return registry
    }
  }
}
