import { z } from 'zod'

export const TopicSummarySchema = z.object({
  name: z.string(),
  partitions: z.number().int(),
  internal: z.boolean(),
  /** Sum over partitions of last − first offset (compaction and transactions make it an upper bound). */
  messages: z.number()
})
export type TopicSummary = z.infer<typeof TopicSummarySchema>

export const PartitionDetailsSchema = z.object({
  partition: z.number().int(),
  leader: z.number().int(),
  replicas: z.array(z.number().int()),
  isr: z.array(z.number().int()),
  /** Earliest offset still in the log, as a decimal string. */
  firstOffset: z.string(),
  /** The high watermark: the offset the next record will get. */
  lastOffset: z.string(),
  messages: z.number()
})
export type PartitionDetails = z.infer<typeof PartitionDetailsSchema>

export const TopicDetailsSchema = z.object({
  name: z.string(),
  partitions: z.array(PartitionDetailsSchema),
  /** Non-default topic configs (cleanup.policy, retention.ms, …), when the user may describe them. */
  configs: z.array(z.object({ name: z.string(), value: z.string().nullable() }))
})
export type TopicDetails = z.infer<typeof TopicDetailsSchema>
