import type { KafkaConfig } from 'kafkajs'
import { createCluster, createKafka } from '../kafka/kafkajsCluster'
import type { ApiVersionRanges } from './kafkaVersion'

export interface KafkaFindings {
  brokers: { nodeId: number; host: string; port: number }[]
  clusterId: string | null
  controllerId: number | null
  topicCount: number
  versions: ApiVersionRanges | null
}

/** The parts of kafkajs's (untyped) cluster layer the probe reads. */
interface ProbedCluster {
  connect(): Promise<void>
  disconnect(): Promise<void>
  metadata(options?: { topics?: string[] }): Promise<{
    brokers: { nodeId: number; host: string; port: number }[]
    clusterId?: string | null
    controllerId?: number | null
    topicMetadata: unknown[]
  }>
  brokerPool: { versions: ApiVersionRanges | null }
}

/** Fail fast: one attempt, short timeouts (kafkajs otherwise retries a failed TLS handshake for ~9 s). */
export function fastFailConfig(config: KafkaConfig, timeoutMs: number): KafkaConfig {
  return {
    ...config,
    clientId: `${config.clientId ?? 'topic-tables'}-connection-test`,
    connectionTimeout: Math.min(config.connectionTimeout ?? timeoutMs, timeoutMs),
    authenticationTimeout: Math.min(config.authenticationTimeout ?? timeoutMs, timeoutMs),
    requestTimeout: Math.min(config.requestTimeout ?? timeoutMs, timeoutMs),
    retry: { retries: 0, initialRetryTime: 100, maxRetryTime: 200 }
  }
}

/** Connects (ApiVersions, SASL), reads the cluster metadata of all topics and disconnects. */
export async function probeKafka(config: KafkaConfig, timeoutMs: number): Promise<KafkaFindings> {
  const kafka = createKafka(fastFailConfig(config, timeoutMs))
  const cluster = createCluster(kafka, { metadataMaxAgeMs: 0, readCommitted: false }) as unknown as ProbedCluster
  try {
    await cluster.connect()
    const versions = cluster.brokerPool.versions
    const metadata = await cluster.metadata()
    return {
      brokers: metadata.brokers.map(({ nodeId, host, port }) => ({ nodeId, host, port })).sort((a, b) => a.nodeId - b.nodeId),
      clusterId: metadata.clusterId ?? null,
      controllerId: metadata.controllerId ?? null,
      topicCount: metadata.topicMetadata.length,
      versions
    }
  } finally {
    await cluster.disconnect().catch(() => undefined)
  }
}
