import type { topics } from '../../../shared/contracts/topics'
import type { ImplOf } from '../../../shared/ipc/contract'
import { AppError } from '../../../shared/ipc/errors'
import type { TopicDetails, TopicSummary } from '../../../shared/model/topics'
import type { ConnectionResolver } from '../profiles/connectionResolver'

/** The topic browser's data, read with the admin API over a profile's connection. */
export class TopicsService implements ImplOf<typeof topics> {
  constructor(private readonly connections: ConnectionResolver) {}

  listTopics({ profileId }: { profileId: string }): Promise<{ topics: TopicSummary[] }> {
    void this.connections.kafkaProperties(profileId)
    return Promise.reject(new AppError('NOT_IMPLEMENTED', 'The topic browser is not implemented yet'))
  }

  describeTopic({ profileId }: { profileId: string; topic: string }): Promise<TopicDetails> {
    void this.connections.kafkaProperties(profileId)
    return Promise.reject(new AppError('NOT_IMPLEMENTED', 'The topic browser is not implemented yet'))
  }
}
