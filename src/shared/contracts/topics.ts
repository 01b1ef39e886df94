import { z } from 'zod'
import { call, defineContract } from '../ipc/contract'
import { ProfileIdSchema } from '../model/profiles'
import { TopicDetailsSchema, TopicSummarySchema } from '../model/topics'

const TopicName = z.string().min(1).max(249)

/** The topics of a profile's cluster: what the topic browser shows. */
export const topics = defineContract('topics', {
  listTopics: call(z.object({ profileId: ProfileIdSchema }), z.object({ topics: z.array(TopicSummarySchema) })),
  describeTopic: call(z.object({ profileId: ProfileIdSchema, topic: TopicName }), TopicDetailsSchema)
})
