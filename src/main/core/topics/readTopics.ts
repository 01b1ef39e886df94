import { ConfigResourceTypes, type Admin } from 'kafkajs'
import type { PartitionDetails, TopicDetails, TopicSummary } from '../../../shared/model/topics'
import type { KafkaCluster } from '../kafka/kafkajsCluster'

/** kafkajs's DescribeConfigs source for a config set on the topic itself. */
const TOPIC_CONFIG_SOURCE = 1

interface PartitionOffsets {
  partition: number
  low: string
  high: string
}

function messageCount(low: string, high: string): number {
  const n = BigInt(high) - BigInt(low)
  return n > 0n ? Number(n) : 0
}

async function offsetsOf(admin: Admin, topic: string): Promise<PartitionOffsets[]> {
  const entries = await admin.fetchTopicOffsets(topic)
  return entries.map(({ partition, low, high }) => ({ partition, low, high }))
}

/**
 * Every topic with Kafka's internal flag, its partition count and message total (last − first offset, summed over
 * partitions): one Metadata request and two ListOffsets rounds for the whole cluster, however many topics it has.
 */
export async function listTopicSummaries(cluster: KafkaCluster): Promise<TopicSummary[]> {
  const { topicMetadata } = await cluster.metadata({ topics: [] })
  if (topicMetadata.length === 0) return []
  await cluster.addMultipleTargetTopics(topicMetadata.map((t) => t.topic))
  const request = (fromBeginning: boolean) =>
    topicMetadata.map((t) => ({ topic: t.topic, fromBeginning, partitions: t.partitionMetadata.map((p) => ({ partition: p.partitionId })) }))
  const [high, low] = await Promise.all([cluster.fetchTopicsOffset(request(false)), cluster.fetchTopicsOffset(request(true))])
  const lowOf = new Map(low.flatMap((t) => t.partitions.map((p) => [`${t.topic}\u0000${p.partition}`, p.offset] as const)))
  const messagesOf = new Map(high.map((t) => [t.topic, t.partitions.reduce((sum, p) => sum + messageCount(lowOf.get(`${t.topic}\u0000${p.partition}`) ?? p.offset, p.offset), 0)]))
  return topicMetadata
    .map((t) => ({ name: t.topic, partitions: t.partitionMetadata.length, internal: t.isInternal, messages: messagesOf.get(t.topic) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name))
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
