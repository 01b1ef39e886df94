import type { Admin } from 'kafkajs'
import { translateKafkaConfig } from '../kafka/config'
import { createCluster, createKafka, type KafkaCluster } from '../kafka/kafkajsCluster'

interface PooledAdmin {
  /** The properties it was made with: a changed profile gets a new admin. */
  key: string
  admin: Admin
  /** kafkajs's cluster layer on the same client (whole-cluster metadata and offsets in a few requests), connected on first use. */
  cluster: KafkaCluster
  clusterConnected: Promise<void> | null
  connected: Promise<void>
  brokers: string[]
  idleTimer: NodeJS.Timeout | undefined
}

export interface AdminLease {
  admin: Admin
  /** The cluster layer, connected (only the topic list needs it). */
  cluster(): Promise<KafkaCluster>
  /** host:port of the bootstrap servers, for messages. */
  brokers: string[]
}

export const DEFAULT_ADMIN_IDLE_MS = 60_000

/**
 * One kafkajs admin client per profile, connected on first use and closed after `idleMs` without use (or
 * when the profile's properties change), so browsing a cluster does not open a connection per click.
 */
export class AdminPool {
  private readonly admins = new Map<string, PooledAdmin>()

  constructor(private readonly idleMs = DEFAULT_ADMIN_IDLE_MS) {}

  /** Runs `work` with the profile's admin; `onBrokers` learns the bootstrap servers first (for error messages). */
  async use<T>(profileId: string, properties: Record<string, string>, work: (lease: AdminLease) => Promise<T>, onBrokers?: (brokers: string[]) => void): Promise<T> {
    const pooled = this.acquire(profileId, properties)
    onBrokers?.(pooled.brokers)
    try {
      await pooled.connected
      const cluster = async () => {
        pooled.clusterConnected ??= pooled.cluster.connect()
        await pooled.clusterConnected
        return pooled.cluster
      }
      return await work({ admin: pooled.admin, cluster, brokers: pooled.brokers })
    } catch (e) {
      // A broken connection is not worth keeping: the next call starts afresh.
      if (this.admins.get(profileId) === pooled) this.drop(profileId)
      throw e
    } finally {
      this.touch(profileId, pooled)
    }
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.admins.keys()].map((id) => this.drop(id)))
  }

  private acquire(profileId: string, properties: Record<string, string>): PooledAdmin {
    const key = JSON.stringify(properties)
    const existing = this.admins.get(profileId)
    if (existing !== undefined && existing.key === key) return existing
    if (existing !== undefined) void this.drop(profileId)
    const translated = translateKafkaConfig(properties)
    const kafka = createKafka({ ...translated.kafkajs, retry: { retries: 2, ...translated.kafkajs.retry } })
    const admin = kafka.admin()
    const cluster = createCluster(kafka, { metadataMaxAgeMs: 300_000, readCommitted: false })
    const pooled: PooledAdmin = { key, admin, cluster, clusterConnected: null, connected: admin.connect(), brokers: translated.brokers, idleTimer: undefined }
    pooled.connected.catch(() => undefined)
    this.admins.set(profileId, pooled)
    return pooled
  }

  private touch(profileId: string, pooled: PooledAdmin): void {
    if (this.admins.get(profileId) !== pooled) return
    clearTimeout(pooled.idleTimer)
    pooled.idleTimer = setTimeout(() => void this.drop(profileId), this.idleMs)
    pooled.idleTimer.unref?.()
  }

  private async drop(profileId: string): Promise<void> {
    const pooled = this.admins.get(profileId)
    if (pooled === undefined) return
    this.admins.delete(profileId)
    clearTimeout(pooled.idleTimer)
    await Promise.all([pooled.admin.disconnect().catch(() => undefined), pooled.clusterConnected && pooled.cluster.disconnect().catch(() => undefined)])
  }
}
