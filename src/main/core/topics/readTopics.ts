import { ConfigResourceTypes, type Admin } from 'kafkajs'
import type { PartitionDetails, TopicDetails, TopicSummary } from '../../../shared/model/topics'

/** kafkajs's DescribeConfigs source for a config set on the topic itself. */
const TOPIC_CONFIG_SOURCE = 1
const OFFSET_LOOKUPS_AT_ONCE = 8

interface PartitionOffsets {
  partition: number
  low: string
  high: string
}

function messageCount(low: string, high: string): number {
  const n = BigInt(high) - BigInt(low)
  return n > 0n ? Number(n) : 0
}

/** Kafka's own topics (__consumer_offsets, __transaction_state) and, by convention, other tools' state topics. */
export function isInternalTopic(name: string): boolean {
  return name.startsWith('__')
}

async function offsetsOf(admin: Admin, topic: string): Promise<PartitionOffsets[]> {
  const entries = await admin.fetchTopicOffsets(topic)
  return entries.map(({ partition, low, high }) => ({ partition, low, high }))
}

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))))
  return out
}

/** Every topic with its partition count and message total (last − first offset, summed over partitions). */
export async function listTopicSummaries(admin: Admin): Promise<TopicSummary[]> {
  const { topics } = await admin.fetchTopicMetadata()
  const summaries = await inBatches(topics, OFFSET_LOOKUPS_AT_ONCE, async ({ name, partitions }) => {
    const offsets = await offsetsOf(admin, name)
    const messages = offsets.reduce((sum, o) => sum + messageCount(o.low, o.high), 0)
    return { name, partitions: partitions.length, internal: isInternalTopic(name), messages }
  })
  return summaries.sort((a, b) => a.name.localeCompare(b.name))
}

async function topicConfigs(admin: Admin, topic: string): Promise<TopicDetails['configs']> {
  try {
    const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] })
    const entries = resources.flatMap((r) => r.configEntries)
    return entries
      .filter((e) => e.configSource === TOPIC_CONFIG_SOURCE)
      .map((e) => ({ name: e.configName, value: e.isSensitive ? null : e.configValue }))
      .sort((a, b) => a.name.localeCompare(b.name))
  } catch {
    // Describing configs needs DESCRIBE_CONFIGS on the topic; without it the browser shows offsets only.
    return []
  }
}

/** Per partition: leader, replicas, in-sync replicas, first and last offset; plus the topic's own configs. */
export async function describeTopicDetails(admin: Admin, topic: string): Promise<TopicDetails> {
  const { topics } = await admin.fetchTopicMetadata({ topics: [topic] })
  const metadata = topics.find((t) => t.name === topic)
  const [offsets, configs] = await Promise.all([offsetsOf(admin, topic), topicConfigs(admin, topic)])
  const byPartition = new Map(offsets.map((o) => [o.partition, o]))
  const partitions: PartitionDetails[] = (metadata?.partitions ?? [])
    .map((p) => {
      const o = byPartition.get(p.partitionId) ?? { low: '0', high: '0' }
      return {
        partition: p.partitionId,
        leader: p.leader,
        replicas: [...p.replicas],
        isr: [...p.isr],
        firstOffset: o.low,
        lastOffset: o.high,
        messages: messageCount(o.low, o.high)
      }
    })
    .sort((a, b) => a.partition - b.partition)
  return { name: topic, partitions, configs }
}
