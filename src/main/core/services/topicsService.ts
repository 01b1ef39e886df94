import type { topics } from '../../../shared/contracts/topics'
import type { ImplOf } from '../../../shared/ipc/contract'
import type { TopicDetails, TopicSummary } from '../../../shared/model/topics'
import type { ConnectionResolver } from '../profiles/connectionResolver'
import { AdminPool, describeTopicDetails, listTopicSummaries, toTopicsError, type AdminLease } from '../topics'

/** The topic browser's data, read with the admin API over a profile's connection (one cached admin per profile). */
export class TopicsService implements ImplOf<typeof topics> {
  constructor(
    private readonly connections: ConnectionResolver,
    private readonly admins = new AdminPool()
  ) {}

  async listTopics({ profileId }: { profileId: string }): Promise<{ topics: TopicSummary[] }> {
    return { topics: await this.withLease(profileId, undefined, async (lease) => listTopicSummaries(await lease.cluster())) }
  }

  describeTopic({ profileId, topic }: { profileId: string; topic: string }): Promise<TopicDetails> {
    return this.withLease(profileId, topic, (lease) => describeTopicDetails(lease.admin, topic))
  }

  /** Closes every cached admin client. */
  close(): Promise<void> {
    return this.admins.closeAll()
  }

  private async withLease<T>(profileId: string, topic: string | undefined, work: (lease: AdminLease) => Promise<T>): Promise<T> {
    const properties = this.connections.kafkaProperties(profileId)
    const profileName = this.connections.profileName?.(profileId) ?? profileId
    let brokers: readonly string[] = []
    try {
      return await this.admins.use(profileId, properties, work, (b) => (brokers = b))
    } catch (e) {
      throw toTopicsError(e, { profileName, brokers, ...(topic === undefined ? {} : { topic }) })
    }
  }
}
